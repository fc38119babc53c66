package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ns0 reaches 10.1.20.2 with ttl 63             | `ns0` reaches `10.1.20.2`, with ttl 63
            blue reaches 10.0.0.10                        | `blue` reaches `10.0.0.10`
            host does not reach 10.0.0.1                  | `host` does not reach `10.0.0.1`
            three has route default via 10.0.0.1          | `three` has a default route via `10.0.0.1`
            ns0 has route 10.1.20.0/24 via 10.1.10.1 dev veth12 | `ns0` has a route to `10.1.20.0/24` via `10.1.10.1` out of `veth12`
            host has route 10.0.0.1 dev veth0             | `host` has a route to `10.0.0.1` out of `veth0`
            host has no route 10.0.0.0/24                 | `host` has no route to `10.0.0.0/24`
            pc-one has no route default                   | `pc-one` has no default route
            one has address 10.0.0.10/24 on veth-one-in   | `one` has the address `10.0.0.10/24` on `veth-one-in`
            ns2 has no address 127.0.0.1                  | `ns2` has no address `127.0.0.1`
            blue has link veth1 state DOWN                | `blue` has a link `veth1`, down
            host has link veth-two-out state UP master virtual-bridge | `host` has a link `veth-two-out`, up, a port of the bridge `virtual-bridge`
            pc-one has link lo state UNKNOWN              | `pc-one` has a link `lo`, in state `UNKNOWN` (a loopback that is up)
            host has no link veth1                        | `host` has no link `veth1`
            host forwards                                 | `host` forwards packets (`net.ipv4.ip_forward` is on)
            host does not forward                         | `host` does not forward packets (`net.ipv4.ip_forward` is 0)
            output contains "veth1@veth0"                 | A command you type prints a line with `veth1@veth0`
            output does not contain "nc:"                 | The last command you type prints no line with `nc:`
            ns1 receives "hello from ns2"                 | The nc in `ns1` prints `hello from ns2`
            """)
    void eachExpectationReadsAsAGoal(String expectation, String goal) {
        assertThat(Goals.of(Expectations.parse(expectation))).isEqualTo(goal);
    }

    @Test
    void aNegativeOutputGoalNamesTheCommandItLooksAt() {
        Step step = new Step("Clean up", "", List.of("sudo ip netns del ns1", "ip netns list"),
                List.of(Expectations.parse("output does not contain \"ns1\"")));

        assertThat(Goals.of(step)).containsExactly("The last `ip netns list` you type prints no line with `ns1`");
    }

    @Test
    void aTextWithBackticksStaysOneCodeSpan() {
        assertThat(Goals.code("a `b` c")).isEqualTo("`` a `b` c ``");
    }

    @Test
    void aStepWithAChatSaysHowToTypeIntoTheSecondWindow() {
        Step chat = new Step("Chat", "", List.of("ns1$ nc -l -p 8080", "ns2$ nc 10.0.0.1 8080", "ns2> hi"),
                List.of());
        Step plain = new Step("Plain", "", List.of("ip netns add ns1"), List.of());

        assertThat(Goals.notes(chat)).singleElement().asString().contains("`NS$ COMMAND`", "`NS> TEXT`");
        assertThat(Goals.notes(plain)).isEmpty();
    }
}
