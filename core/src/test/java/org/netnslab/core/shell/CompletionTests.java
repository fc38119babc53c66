package org.netnslab.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.backend.Backend;

class CompletionTests {

    /** Lesson 2's lab after its cable: ns1 and ns2 joined by v1/v2, and the host's own links. */
    private static final Completion.Lab LAB = new Completion.Lab(List.of("ns1", "ns2"),
            Map.of(Backend.HOST, List.of("lo", "eth0", "veth0"), "ns1", List.of("lo", "v1"), "ns2",
                    List.of("lo", "v2")),
            List.of("203.0.113.2", "10.0.0.1", "10.0.0.2"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'ip netns exec n'        | ns1 ns2",
        "'ip netns del'           | delete",
        "'ip netns delete '       | ns1 ns2",
        "'ip -n ns1 link set '    | address dev down lo master mtu name netns nomaster peer type up v1",
        "'ip -n ns2 addr add 10.0.0.2/24 dev ' | lo v2",
        "'ip link set veth0 netns ' | ns1 ns2",
        "'ip link set v'          | veth0",
        "'ip li'                  | link",
        "'ip '                    | address help link neighbour netns route",
        "'ip -b'                  | -br -brief",
        "'ip -n '                 | ns1 ns2",
        "'ip netns exec ns1 ip link set '   | address dev down lo master mtu name netns nomaster peer type up v1",
        "'ip netns exec ns2 pi'   | ping",
        "'sudo ip netns a'        | add",
        "'ip r '                  | add delete flush get help replace show",
        "'ip r add '              | default dev metric proto scope src table via",
        "'ip route add default via ' | 10.0.0.1 10.0.0.2 203.0.113.2",
        "'ip link add veth0 type ' | bridge veth",
        "'ip link add veth0 type veth peer ' | name",
        "'ping 10.'               | 10.0.0.1 10.0.0.2",
        "'ping -c 1 -I '          | eth0 lo veth0",
        "'ping -c '               | ''",
        "'nc 10.0.0.'             | 10.0.0.1 10.0.0.2",
        "'nc -l -p '              | ''",
        "'iptables -t '           | filter nat",
        "'iptables -t nat -A POSTROUTING -o ' | eth0 lo veth0",
        "'iptables -t nat -A POSTROUTING -j M' | MASQUERADE",
        "'iptables -t nat -A P'   | POSTROUTING PREROUTING",
        "'sysctl -w net.ipv4.ip_f' | net.ipv4.ip_forward net.ipv4.ip_forward=0 net.ipv4.ip_forward=1",
        "'ip a; ip netns exec ns' | ns1 ns2",
        "'ip netns list | gr'     | grep",
        "'nsenter --net=/run/netns/n' | --net=/run/netns/ns1 --net=/run/netns/ns2",
        "'cle'                    | clear",
        "'he'                     | head help",
        "'ip neigh add 10.0.0.2 lladdr 00:11:22:33:44:55 nud ' | delay failed incomplete noarp none permanent probe reachable stale",
        "'vim '                   | ''",
        "'ip xfrm '               | ''",
    })
    void candidates(String line, String expected) {
        List<String> want = expected == null || expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(Completion.complete(line, line.length(), LAB, Backend.HOST).words()).isEqualTo(want);
    }

    @Test
    void theWordUnderTheCursorIsCompletedAndItsStartIsWhereTheCandidateGoes() {
        String line = "ip netns exec n ip a";
        Completion.Candidates c = Completion.complete(line, "ip netns exec n".length(), LAB, Backend.HOST);
        assertThat(c.start()).isEqualTo("ip netns exec ".length());
        assertThat(c.words()).containsExactly("ns1", "ns2");
        assertThat(c.commonPrefix()).isEqualTo("ns");
    }

    @Test
    void aShellInsideANamespaceCompletesThatNamespacesLinks() {
        assertThat(Completion.complete("ip link set ", 12, LAB, "ns1").words()).contains("v1").doesNotContain("veth0");
    }

    @Test
    void theFirstWordIsEveryProgramOfTheLabByItsName() {
        List<String> words = Completion.complete("", 0, LAB, Backend.HOST).words();
        assertThat(words).contains("ip", "ping", "nc", "iptables", "sysctl", "bridge", "help", "clear", "exit")
                .noneMatch(w -> w.startsWith("/"));
    }
}
