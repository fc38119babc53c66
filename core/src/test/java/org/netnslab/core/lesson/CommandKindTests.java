package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandKindTests {

    @ParameterizedTest(name = "{0} is the same kind as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ip netns exec blue ip addr           | ip -n blue address show
            ip a                                 | ip addr list
            sudo ip netns exec ns2 ping 10.0.0.1 | ping -c1 10.0.0.2
            ip netns list                        | ip netns
            ip -br link                          | ip link show
            ns2$ nc 10.0.0.1 8080                | nc -v 10.0.0.1 8080
            """)
    void theSameKindWhereverItRunsAndHoweverItIsAbbreviated(String one, String other) {
        assertThat(CommandKind.of(one).orElseThrow().key()).isEqualTo(CommandKind.of(other).orElseThrow().key());
    }

    @ParameterizedTest(name = "{0} is not the kind of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ip netns del ns1 | ip netns list
            ip link set veth0 up | ip link
            vim notes.txt | ping 10.0.0.1
            """)
    void otherCommandsAreOtherKinds(String one, String other) {
        assertThat(CommandKind.of(one).orElseThrow().key()).isNotEqualTo(CommandKind.of(other).orElseThrow().key());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"exit", "sudo ip netns exec ns1 bash", "ns2> hello"})
    void shellsAndChatLinesHaveNoKind(String line) {
        assertThat(CommandKind.of(line)).isEmpty();
    }
}
