package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.shell.Terminal;
import org.netnslab.kernel.sys.Namespaces;

/** A ping's journeys on the kernel, from the packet sockets of every namespace of the lab. */
class PingJourneysIT {

    /** blue and red behind the host, each on a veth of its own; the host does not forward. */
    private static final String[] LAB = {
        "ip netns add blue", "ip netns add red",
        "ip link add veth0 type veth peer name veth1", "ip link set veth1 netns blue",
        "ip addr add 10.0.0.1/24 dev veth0", "ip link set veth0 up",
        "ip -n blue addr add 10.0.0.2/24 dev veth1", "ip -n blue link set veth1 up",
        "ip -n blue route add default via 10.0.0.1",
        "ip link add vr0 type veth peer name vr1", "ip link set vr1 netns red",
        "ip addr add 10.0.1.1/24 dev vr0", "ip link set vr0 up",
        "ip -n red addr add 10.0.1.2/24 dev vr1", "ip -n red link set vr1 up",
        "ip -n red route add default via 10.0.1.1",
        "sysctl -w net.ipv4.ip_forward=0",
    };

    private KernelBackend lab;
    private String machineBefore;
    private String threadNamespace;

    @BeforeEach
    void lab() throws Exception {
        KernelLabs.assumeKernel();
        machineBefore = Machine.networkState();
        threadNamespace = Namespaces.currentThreadNamespace();
        lab = KernelLabs.freshLab();
        Terminal t = new Terminal(lab);
        for (String line : LAB) {
            t.run(line);
        }
    }

    @AfterEach
    void close() throws Exception {
        if (lab != null) {
            lab.close();
            assertThat(Namespaces.currentThreadNamespace()).isEqualTo(threadNamespace);
            assertThat(Machine.networkState()).as("the machine, after the lab").isEqualTo(machineBefore);
        }
    }

    private static List<String> places(Probe p) {
        return p.journey().stream().map(h -> h.namespace() + " " + h.device() + " " + h.what()).toList();
    }

    @Test
    void aPingThatIsNotForwardedDiesAtTheHostsEndAndTheKernelsCounterSaysWhy() throws Exception {
        PingResult r = lab.ping("blue", new PingRequest(Ipv4Address.parse("10.0.1.2"), 1, Optional.empty(), 1000,
                1000));

        Probe p = r.probes().get(0);
        assertThat(p.outcome()).isEqualTo(Probe.Outcome.LOST);
        assertThat(places(p)).as(JourneyFormat.trace(r)).startsWith(
                "blue veth1 echo request icmp_seq=1 sent on veth1, 10.0.0.2 > 10.0.1.2, ttl 64",
                Backend.HOST + " veth0 echo request icmp_seq=1 received on veth0, 10.0.0.2 > 10.0.1.2, ttl 64");
        Hop last = p.journey().get(p.journey().size() - 1);
        assertThat(last.namespace()).isEqualTo(Backend.HOST);
        assertThat(last.device()).isEqualTo("veth0");
        assertThat(last.drop()).hasValue("not for this namespace, and forwarding is off (net.ipv4.ip_forward = 0; "
                + "IpInAddrErrors) [IP_INADDRERRORS]");
        assertThat(p.journey()).as("nothing went out of the host towards red")
                .noneMatch(h -> h.namespace().equals("red") || h.device().equals("vr0"));
        assertThat(Machine.networkState()).as("the machine, mid-lab").isEqualTo(machineBefore);
    }

    @Test
    void aWorkingPingGoesOutAndBackThroughTheVeth() throws Exception {
        PingResult r = lab.ping(Backend.HOST, PingRequest.of(Ipv4Address.parse("10.0.0.2"), 2));

        assertThat(r.probes()).hasSize(2).allMatch(p -> p.outcome() == Probe.Outcome.REPLY);
        for (Probe p : r.probes()) {
            int seq = p.sequence();
            assertThat(places(p)).as(JourneyFormat.trace(r)).containsExactly(
                    Backend.HOST + " veth0 echo request icmp_seq=" + seq + " sent on veth0, 10.0.0.1 > 10.0.0.2, ttl 64",
                    "blue veth1 echo request icmp_seq=" + seq + " received on veth1, 10.0.0.1 > 10.0.0.2, ttl 64",
                    "blue veth1 echo reply icmp_seq=" + seq + " sent on veth1, 10.0.0.2 > 10.0.0.1, ttl 64",
                    Backend.HOST + " veth0 echo reply icmp_seq=" + seq + " received on veth0, 10.0.0.2 > 10.0.0.1, ttl 64");
        }
    }

    @Test
    void withForwardingTheTtlGoesDownByOneThroughTheHost() throws Exception {
        new Terminal(lab).run("sysctl -w net.ipv4.ip_forward=1");

        PingResult r = lab.ping("blue", PingRequest.of(Ipv4Address.parse("10.0.1.2"), 1));

        Probe p = r.probes().get(0);
        assertThat(p.outcome()).isEqualTo(Probe.Outcome.REPLY);
        assertThat(places(p)).as(JourneyFormat.trace(r)).containsExactly(
                "blue veth1 echo request icmp_seq=1 sent on veth1, 10.0.0.2 > 10.0.1.2, ttl 64",
                Backend.HOST + " veth0 echo request icmp_seq=1 received on veth0, 10.0.0.2 > 10.0.1.2, ttl 64",
                Backend.HOST + " vr0 echo request icmp_seq=1 sent on vr0, 10.0.0.2 > 10.0.1.2, ttl 63",
                "red vr1 echo request icmp_seq=1 received on vr1, 10.0.0.2 > 10.0.1.2, ttl 63",
                "red vr1 echo reply icmp_seq=1 sent on vr1, 10.0.1.2 > 10.0.0.2, ttl 64",
                Backend.HOST + " vr0 echo reply icmp_seq=1 received on vr0, 10.0.1.2 > 10.0.0.2, ttl 64",
                Backend.HOST + " veth0 echo reply icmp_seq=1 sent on veth0, 10.0.1.2 > 10.0.0.2, ttl 63",
                "blue veth1 echo reply icmp_seq=1 received on veth1, 10.0.1.2 > 10.0.0.2, ttl 63");
    }

    @Test
    void anIcmpErrorAboutAProbeIsOnItsJourney() throws Exception {
        new Terminal(lab).run("sysctl -w net.ipv4.ip_forward=1");

        PingResult r = lab.ping("blue", new PingRequest(Ipv4Address.parse("10.0.1.2"), 1, Optional.empty(), 1000,
                1000, java.util.OptionalInt.of(1)));

        Probe p = r.probes().get(0);
        assertThat(p.outcome()).isEqualTo(Probe.Outcome.ERROR);
        assertThat(places(p)).as(JourneyFormat.trace(r)).containsExactly(
                "blue veth1 echo request icmp_seq=1 sent on veth1, 10.0.0.2 > 10.0.1.2, ttl 1",
                Backend.HOST + " veth0 echo request icmp_seq=1 received on veth0, 10.0.0.2 > 10.0.1.2, ttl 1",
                Backend.HOST + " veth0 ICMP Time to live exceeded about icmp_seq=1 sent on veth0, 10.0.0.1 > 10.0.0.2, ttl 64",
                "blue veth1 ICMP Time to live exceeded about icmp_seq=1 received on veth1, 10.0.0.1 > 10.0.0.2, ttl 64");
    }

    @Test
    void aRuleThatDropsIsNamedWhereThePacketDied() throws Exception {
        Terminal t = new Terminal(lab);
        t.run("sysctl -w net.ipv4.ip_forward=1");
        assertThat(t.run("iptables -A FORWARD -s 10.0.0.2 -p icmp -j DROP").exitStatus()).isZero();

        Probe p = lab.ping("blue", new PingRequest(Ipv4Address.parse("10.0.1.2"), 1, Optional.empty(), 1000, 1000))
                .probes().get(0);

        assertThat(p.outcome()).isEqualTo(Probe.Outcome.LOST);
        Hop last = p.journey().get(p.journey().size() - 1);
        assertThat(last.namespace() + " " + last.device()).isEqualTo(Backend.HOST + " veth0");
        assertThat(last.drop()).hasValue("dropped by filter/FORWARD rule 1 -s 10.0.0.2/32 -p icmp -j DROP [NETFILTER_DROP]");
    }

    @Test
    void aPolicyThatDropsIsNamedToo() throws Exception {
        Terminal t = new Terminal(lab);
        t.run("sysctl -w net.ipv4.ip_forward=1");
        assertThat(t.run("iptables -P FORWARD DROP").exitStatus()).isZero();

        Probe p = lab.ping("blue", new PingRequest(Ipv4Address.parse("10.0.1.2"), 1, Optional.empty(), 1000, 1000))
                .probes().get(0);

        Hop last = p.journey().get(p.journey().size() - 1);
        assertThat(last.drop()).hasValue("dropped by filter/FORWARD policy DROP [NETFILTER_DROP]");
    }

    @Test
    void aProbeDroppedOnItsWayOutIsDroppedWhereItWasSent() throws Exception {
        Terminal t = new Terminal(lab);
        assertThat(t.run("ip netns exec blue iptables -A OUTPUT -p icmp -j DROP").exitStatus()).isZero();

        PingResult r = lab.ping("blue", new PingRequest(Ipv4Address.parse("10.0.0.1"), 1, Optional.empty(), 1000,
                1000));

        assertThat(r.probes().get(0).journey()).as(JourneyFormat.trace(r)).containsExactly(
                Hop.dropped("blue", "", "dropped by filter/OUTPUT rule 1 -p icmp -j DROP [NETFILTER_DROP]"));
    }
}
