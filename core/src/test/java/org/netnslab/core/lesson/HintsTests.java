package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HintsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip netns add blue                                   | ip netns add ___
            ip link add veth0 type veth peer name veth1         | ip link add ___ type veth peer name ___
            ip netns exec blue ip addr add 10.0.0.1/24 dev veth1 | ip netns exec ___ ip addr add ___ dev ___
            ip -n pc-one addr add 10.0.0.1/24 dev veth-pc-one   | ip -n ___ addr add ___ dev ___
            ip netns exec one ip link set dev lo up             | ip netns exec ___ ip link set dev lo up
            sysctl -w net.ipv4.ip_forward=1                     | sysctl -w net.ipv4.ip_forward=___
            iptables -t nat -A POSTROUTING -s 192.168.1.0/24 -o eth0 -j MASQUERADE | iptables -t nat -A POSTROUTING -s ___ -o eth0 -j MASQUERADE
            ip netns exec ns0 ping -c 1 -W 1 10.1.20.2          | ip netns exec ___ ping -c 1 -W 1 ___
            ip route add default via 10.0.0.1                   | ip route add default via ___
            sudo ip netns exec ns1 bash                         | sudo ip netns exec ___ bash
            ns1$ nc -l -p 8080                                  | ns1$ nc -l -p ___
            ns2> hello from ns2                                 | ns2> ___
            ip route                                            | ip route
            """)
    void blanksHideTheNamesAndAddressesAndKeepTheKeywords(String command, String blanked) {
        assertThat(Hints.blanks(command)).isEqualTo(blanked);
    }

    @Test
    void derivedHintsGoFromWhatToThinkAboutToBlanksToTheCommands() {
        Step step = new Step("Wire", "", List.of("ip link add veth0 type veth peer name veth1",
                "ip link set veth1 netns blue", "ip netns exec blue ip link set veth1 up"), List.of());

        List<String> hints = Hints.of(step);

        assertThat(hints).hasSize(3);
        assertThat(hints.get(0)).startsWith("Think about what the goal takes: a veth pair")
                .contains("moving one end of a cable into a namespace", "bringing links up", "`host` and `blue`",
                        "`ip netns exec NS ...`")
                .doesNotContain("veth0", "veth1 netns");
        assertThat(hints.get(1)).isEqualTo("""
                Fill in the blanks:

                ```
                ip link add ___ type veth peer name ___
                ip link set ___ netns ___
                ip netns exec ___ ip link set ___ up
                ```""");
        assertThat(hints.get(2)).startsWith("The commands, in order:").contains(step.commands());
    }

    @Test
    void aTeachersOwnHintsComeFirstThenTheBlanksAndTheCommands() {
        Step step = new Step("Route", "", List.of("ip netns exec ns0 ip route add 10.1.20.0/24 via 10.1.10.1"),
                List.of(), List.of("Which address is the host's, on ns0's cable?", "It is `10.1.10.1`."),
                Step.Lines.unknown(1, 0));

        assertThat(Hints.of(step)).containsExactly("Which address is the host's, on ns0's cable?",
                "It is `10.1.10.1`.",
                "Fill in the blanks:\n\n```\nip netns exec ___ ip route add ___ via ___\n```",
                "The command:\n\n```\nip netns exec ns0 ip route add 10.1.20.0/24 via 10.1.10.1\n```");
    }

    @Test
    void withNothingToBlankTheBlanksAreLeftOut() {
        Step step = new Step("Look", "", List.of("ip route", "ip netns list"), List.of());

        assertThat(Hints.of(step)).hasSize(2);
        assertThat(Hints.of(step).get(0)).contains("the routing table (`ip route`)", "the list of namespaces")
                .doesNotContain("inside a namespace");
    }

    @Test
    void aChatsLinesAreThoughtOfAsTypingIntoNc() {
        Step step = new Step("Chat", "", List.of("ns1$ nc -l -p 8080", "ns2$ nc 10.0.0.1 8080", "ns2> hi"),
                List.of());

        assertThat(Hints.of(step).get(0)).contains("a netcat that listens", "a netcat that connects",
                "a line typed into the nc on each side", "`ns1` and `ns2`");
    }
}
