package org.netnslab.core.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random learner sessions, the same for the same seed: 20 to 40 commands over a few namespaces, veth pairs,
 * bridges and subnets, as a learner of the tutorials types them, with the learner's mistakes mixed in (a
 * typo in a keyword, a missing word, a name that does not exist, a capital, an address out of range, extra
 * spaces). Most commands are plausible, so that sessions reach the states where faults hide: a bridge port
 * whose peer went, a namespace deleted under its links, a route through a link that went down.
 *
 * <p>The vocabulary is small on purpose: names collide, so deletions and re-creations meet what is there.
 */
public final class RandomSessions {

    private static final String[] NAMESPACES = {"red", "blue", "ns1"};
    private static final String[] VETHS = {"v0", "v1", "v2", "v3", "v4", "v5"};
    private static final String[] BRIDGES = {"br0", "br1"};
    private static final String[] HOSTS = {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.1.1", "10.0.1.2",
        "10.0.2.1", "203.0.113.1", "198.51.100.8"};
    private static final String[] PREFIXES = {"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "default",
        "10.9.0.0/16"};
    private static final String[] TYPOS = {"ip lnk", "ip link ad v0 type veth peer name v1", "ip adr",
        "ip route ad default", "ip netns ad red", "ip link set v0 upp", "ip addr add 10.0.0.1/24",
        "ip addr add 10.0.0.300/24 dev v0", "ip route add 10.0.0.0/24 via", "IP link", "ip Link",
        "ip link set dev nothere up", "ip netns exec nothere ip a", "ip -n nothere link",
        "ip link add v0 type veth peer name", "ip link set v0 master", "ping", "ping -c1",
        "ip route add 10.0.0.5/24 dev v0", "ip  link   show", "sysctl -w net.ipv4.ip_forward",
        "iptables -t nat -A POSTROUTING -j", "ip netns del", "ip link del", "ip addr del 10.0.0.1/24 dev v0"};

    private RandomSessions() {}

    /** The session of this seed, one command a line. */
    public static List<String> session(long seed) {
        Random r = new Random(seed);
        int length = 20 + r.nextInt(21);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            lines.add(command(r));
        }
        return lines;
    }

    private static String command(Random r) {
        int roll = r.nextInt(100);
        String ns = pick(r, NAMESPACES);
        String in = r.nextInt(3) == 0 ? "ip netns exec " + ns + " " : "";
        String ipIn = r.nextInt(3) == 0 ? "ip -n " + ns + " " : in.isEmpty() ? "ip " : in + "ip ";
        String dev = r.nextInt(4) == 0 ? pick(r, BRIDGES) : pick(r, VETHS);
        if (roll < 10) {
            return "ip netns add " + ns;
        } else if (roll < 13) {
            return "ip netns del " + ns;
        } else if (roll < 15) {
            return r.nextBoolean() ? "ip netns" : "ip netns list";
        } else if (roll < 25) {
            return "ip link add " + pick(r, VETHS) + " type veth peer name " + pick(r, VETHS)
                    + (r.nextInt(4) == 0 ? " netns " + ns : "");
        } else if (roll < 28) {
            return "ip link add name " + pick(r, BRIDGES) + " type bridge";
        } else if (roll < 35) {
            return ipIn + "link set " + (r.nextBoolean() ? "dev " : "") + pick(r, VETHS) + " netns " + ns;
        } else if (roll < 45) {
            return ipIn + "link set dev " + dev + (r.nextInt(5) == 0 ? " down" : " up");
        } else if (roll < 50) {
            return ipIn + "link set " + pick(r, VETHS) + (r.nextInt(4) == 0 ? " nomaster" : " master "
                    + pick(r, BRIDGES));
        } else if (roll < 53) {
            return ipIn + "link del " + dev;
        } else if (roll < 62) {
            return ipIn + "addr add " + pick(r, HOSTS) + "/24 dev " + dev;
        } else if (roll < 64) {
            return ipIn + "addr del " + pick(r, HOSTS) + "/24 dev " + dev;
        } else if (roll < 69) {
            String prefix = pick(r, PREFIXES);
            return ipIn + "route " + (r.nextInt(4) == 0 ? "del " : "add ") + prefix
                    + (r.nextBoolean() ? " via " + pick(r, HOSTS) : " dev " + dev);
        } else if (roll < 77) {
            return ipIn + pick(r, new String[] {"a", "addr", "link", "route", "-br a", "-4 addr", "link show type veth",
                "route get " + pick(r, HOSTS), "link show " + dev, "addr show dev " + dev});
        } else if (roll < 85) {
            return in + "ping -c1 -W1 " + pick(r, HOSTS);
        } else if (roll < 88) {
            return in + "sysctl -w net.ipv4.ip_forward=" + (r.nextInt(4) == 0 ? "0" : "1");
        } else if (roll < 90) {
            return in + "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE";
        } else if (roll < 91) {
            return in + "iptables -t nat -L -n";
        } else {
            return mistake(r);
        }
    }

    private static String mistake(Random r) {
        return pick(r, TYPOS);
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }
}
