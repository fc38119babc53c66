package org.netnslab.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/** A bridge's options, as iproute2 6.1's iplink_bridge.c reads them. */
class IpLinkBridgeParserTests {

    /** Lines the tool accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip link set br0 type bridge stp_state 0 ageing_time 1000 | BridgeSet[device=br0, options=BridgeOptions[forwardDelay=OptionalLong.empty, helloTime=OptionalLong.empty, maxAge=OptionalLong.empty, ageingTime=OptionalLong[1000], stpState=OptionalLong[0], priority=OptionalInt.empty]]
            ip link set dev br0 type bridge priority 4096 | BridgeSet[device=br0, options=BridgeOptions[forwardDelay=OptionalLong.empty, helloTime=OptionalLong.empty, maxAge=OptionalLong.empty, ageingTime=OptionalLong.empty, stpState=OptionalLong.empty, priority=OptionalInt[4096]]]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip link set br0 type bridge forward_delay x     | 255 | Error: argument "x" is wrong: invalid forward_delay
            ip link set br0 type bridge priority 70000      | 255 | Error: argument "70000" is wrong: invalid priority
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message, status));
    }

    /** STP is not simulated: turning it on says so, on every backend alike. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip link set br0 type bridge stp_state 1
            ip link set br0 type bridge vlan_filtering 1
            """)
    void notSimulated(String line) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class);
    }
}
