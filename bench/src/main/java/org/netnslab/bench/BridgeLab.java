package org.netnslab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab of issue 10: {@code n} namespaces {@code n0}.. on the host's bridge {@code br0} (10.0.0.1/16), seven
 * commands a namespace, as a learner (or a script) types them; and the veth pairs of the kernel figure.
 */
final class BridgeLab {

    private BridgeLab() {}

    /** The address of namespace {@code nI} on the bridge. */
    static String address(int i) {
        int host = i + 2;
        return "10.0." + (host / 256) + "." + (host % 256);
    }

    /** The bridge's three lines, as {@code ip} takes them (without the leading {@code ip}). */
    static List<String> bridge() {
        return List.of("link add br0 type bridge", "addr add 10.0.0.1/16 dev br0", "link set br0 up");
    }

    /** What the host does for namespace {@code nI}, as {@code ip} takes it. */
    static List<String> hostSide(int i) {
        return List.of(
                "netns add n" + i,
                "link add p" + i + " type veth peer name v" + i + " netns n" + i,
                "link set p" + i + " master br0",
                "link set p" + i + " up");
    }

    /** What is done inside namespace {@code nI}, as {@code ip -n nI} takes it. */
    static List<String> insideSide(int i) {
        return List.of(
                "addr add " + address(i) + "/16 dev v" + i,
                "link set v" + i + " up",
                "link set lo up");
    }

    /** The whole lab as typed into the lab's terminal: {@code 3 + 7n} lines. */
    static List<String> terminalLines(int n) {
        List<String> out = new ArrayList<>();
        for (String l : bridge()) {
            out.add("ip " + l);
        }
        for (int i = 0; i < n; i++) {
            for (String l : hostSide(i)) {
                out.add("ip " + l);
            }
            for (String l : insideSide(i)) {
                out.add("ip -n n" + i + " " + l);
            }
        }
        return out;
    }

    /** One ping a namespace, each to the next one's address: every one floods an ARP request to every port. */
    static List<String> pingLines(int n, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("ip netns exec n" + (i % n) + " ping -c1 " + address((i + 1) % n));
        }
        return out;
    }

    /** Veth pair {@code aI}/{@code bI}: address, up, a route through it; four {@code ip} lines. */
    static List<String> vethPair(int i) {
        return List.of(
                "link add a" + i + " type veth peer name b" + i,
                "addr add " + pairAddress(i) + "/24 dev a" + i,
                "link set a" + i + " up",
                "route add " + pairRoute(i) + " dev a" + i);
    }

    static String pairAddress(int i) {
        return "10." + (100 + i / 256) + "." + (i % 256) + ".1";
    }

    static String pairRoute(int i) {
        return "172." + (16 + i / 256) + "." + (i % 256) + ".0/24";
    }
}
