package org.netnslab.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.shell.Terminal;
import org.netnslab.sim.SimBackend;

class JourneyHopsTests {

    private static List<Map<String, Object>> pinged(String ping, String... commands) throws Exception {
        SimBackend backend = new SimBackend(7);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String c : commands) {
            assertThat(t.run(c).exitStatus()).as(c).isZero();
        }
        PingResult result = t.run(ping).ping().orElseThrow();
        return JourneyHops.of(result);
    }

    private static final String[] BLUE = {
        "ip netns add blue",
        "ip link add veth0 type veth peer name veth1",
        "ip link set veth1 netns blue",
        "ip addr add 10.0.0.1/24 dev veth0",
        "ip link set veth0 up",
        "ip netns exec blue ip addr add 10.0.0.2/24 dev veth1",
        "ip netns exec blue ip link set veth1 up",
        "ip netns exec blue ip link set lo up",
    };

    @Test
    void aPingToANeighbourGoesOutOnThePortAsksArpAndComesBackAsAnEchoReply() throws Exception {
        List<Map<String, Object>> hops = pinged("ping -c1 10.0.0.2", BLUE);
        Map<String, Object> first = hops.get(0);
        assertThat(first).containsEntry("namespace", "host").containsEntry("port", "host:veth0")
                .containsEntry("drop", "");
        assertThat(first.get("headers")).asList()
                .containsExactly("IPv4: src 10.0.0.1, dst 10.0.0.2, ttl 64", "ICMP: echo request, seq 1");
        assertThat(hops).anySatisfy(h -> assertThat(h.get("headers")).asList()
                .contains("Ethernet: dst ff:ff:ff:ff:ff:ff (broadcast)", "ARP: who-has 10.0.0.2"));
        assertThat(hops).anySatisfy(h -> assertThat(h).containsEntry("port", "blue:veth1"));
        assertThat(hops.get(hops.size() - 1).get("headers")).asList()
                .contains("IPv4: src 10.0.0.2, dst 10.0.0.1, ttl 64", "ICMP: echo reply, seq 1");
        assertThat(hops).extracting(h -> h.get("number")).startsWith(1, 2, 3);
    }

    @Test
    void throughTheHostTheTtlGoesDownByOneAndMasqueradeRewritesTheSource() throws Exception {
        List<Map<String, Object>> hops = pinged("ip netns exec blue ping -c1 198.51.100.8", concat(BLUE,
                "ip netns exec blue ip route add default via 10.0.0.1",
                "sysctl -w net.ipv4.ip_forward=1",
                "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE"));
        assertThat(hops).anySatisfy(h -> assertThat(h.get("changes")).asList().containsExactly("TTL 64 -> 63"));
        Map<String, Object> masqueraded = hops.stream()
                .filter(h -> h.get("changes").toString().contains("masquerade)")).findFirst().orElseThrow();
        assertThat(masqueraded.get("changes").toString()).contains("source 10.0.0.2 -> ");
        assertThat(masqueraded.get("headers").toString()).doesNotContain("src 10.0.0.2,");
    }

    @Test
    void aPacketTheHostDoesNotForwardDiesThereWithTheReason() throws Exception {
        List<Map<String, Object>> hops = pinged("ip netns exec blue ping -c1 -W1 203.0.113.9", concat(BLUE,
                "ip netns exec blue ip route add default via 10.0.0.1"));
        Map<String, Object> last = hops.get(hops.size() - 1);
        assertThat(last).containsEntry("namespace", "host").containsEntry("port", "host:veth0");
        assertThat((String) last.get("drop")).contains("forwarding is off");
        assertThat(hops.subList(0, hops.size() - 1)).allSatisfy(h -> assertThat(h).containsEntry("drop", ""));
    }

    @Test
    void hopsOfAHandMadeJourneyKeepTheirOrderAndAHopOffALinkHasNoPort() {
        PingResult ping = new PingResult(Ipv4Address.parse("10.0.0.9"), List.of(Probe.lost(1, List.of(
                Hop.pass("blue", "veth1", "echo request icmp_seq=1 sent, 10.0.0.2 > 10.0.0.9, ttl 64"),
                Hop.dropped("blue", "", "no route to 10.0.0.9 after DNAT [IP_OUTNOROUTES]")))));
        List<Map<String, Object>> hops = JourneyHops.of(ping);
        assertThat(hops).extracting(h -> h.get("port")).containsExactly("blue:veth1", "");
        assertThat(hops.get(1)).containsEntry("drop", "no route to 10.0.0.9 after DNAT [IP_OUTNOROUTES]")
                .containsEntry("namespace", "blue");
        assertThat(JourneyHops.of(new PingResult(Ipv4Address.parse("10.0.0.9"), List.of()))).isEmpty();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
