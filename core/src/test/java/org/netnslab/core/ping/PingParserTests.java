package org.netnslab.core.ping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.shell.Bash;

/** ping's arguments as iputils 20221126 reads them. */
class PingParserTests {

    /** Lines the tool accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ping -c1 10.0.0.1                          | Ping[request=PingRequest[destination=10.0.0.1, count=1, device=Optional.empty, intervalMillis=1000, timeoutMillis=10000, ttl=OptionalInt.empty, payloadSize=56, pattern=Optional.empty, dontFragment=false, source=Optional.empty], display=Display[quiet=false, warnings=, deadline=false, asked=1, host=10.0.0.1]]
            ping 10.0.0.1 -c 2                         | Ping[request=PingRequest[destination=10.0.0.1, count=2, device=Optional.empty, intervalMillis=1000, timeoutMillis=10000, ttl=OptionalInt.empty, payloadSize=56, pattern=Optional.empty, dontFragment=false, source=Optional.empty], display=Display[quiet=false, warnings=, deadline=false, asked=2, host=10.0.0.1]]
            ping -I veth0 -c1 -W 1 -i 0.2 10.0.0.1     | Ping[request=PingRequest[destination=10.0.0.1, count=1, device=Optional[veth0], intervalMillis=200, timeoutMillis=1000, ttl=OptionalInt.empty, payloadSize=56, pattern=Optional.empty, dontFragment=false, source=Optional.empty], display=Display[quiet=false, warnings=, deadline=false, asked=1, host=10.0.0.1]]
            ping -q -t 1 -n -4 -c1 10.0.0.2            | Ping[request=PingRequest[destination=10.0.0.2, count=1, device=Optional.empty, intervalMillis=1000, timeoutMillis=10000, ttl=OptionalInt[1], payloadSize=56, pattern=Optional.empty, dontFragment=false, source=Optional.empty], display=Display[quiet=true, warnings=, deadline=false, asked=1, host=10.0.0.2]]
            ping -s 16 -w 3 10.0.0.2                   | Ping[request=PingRequest[destination=10.0.0.2, count=3, device=Optional.empty, intervalMillis=1000, timeoutMillis=1000, ttl=OptionalInt.empty, payloadSize=16, pattern=Optional.empty, dontFragment=false, source=Optional.empty], display=Display[quiet=false, warnings=, deadline=true, asked=0, host=10.0.0.2]]
            ping -c 5 -w 1 -i 0.5 10.0.0.2             | Ping[request=PingRequest[destination=10.0.0.2, count=2, device=Optional.empty, intervalMillis=500, timeoutMillis=500, ttl=OptionalInt.empty, payloadSize=56, pattern=Optional.empty, dontFragment=false, source=Optional.empty], display=Display[quiet=false, warnings=, deadline=true, asked=5, host=10.0.0.2]]
            ping 10.0.0.2                              | Ping[request=PingRequest[destination=10.0.0.2, count=4, device=Optional.empty, intervalMillis=1000, timeoutMillis=10000, ttl=OptionalInt.empty, payloadSize=56, pattern=Optional.empty, dontFragment=false, source=Optional.empty], display=Display[quiet=false, warnings=, deadline=false, asked=0, host=10.0.0.2]]
            ping -c1 -q -p ab0c -M do -s 1500 127.1  | Ping[request=PingRequest[destination=127.0.0.1, count=1, device=Optional.empty, intervalMillis=1000, timeoutMillis=10000, ttl=OptionalInt.empty, payloadSize=1500, pattern=Optional[ab0c], dontFragment=true, source=Optional.empty], display=Display[quiet=true, warnings=, deadline=false, asked=1, host=127.1]]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ping -c 0 10.0.0.2                   | 1   | ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807
            ping -W -1 -c1 10.0.0.2              | 2   | ping: bad linger time: -1
            ping -c1 -W1 ,,,                     | 2   | ping: ,,,: Name or service not known
            ping                                 | 1   | ping: usage error: Destination address required
            ping -c 1                            | 1   | ping: usage error: Destination address required
            ping -c x 10.0.0.1                   | 1   | ping: invalid argument: 'x'
            ping -t 256 -c1 10.0.0.1             | 1   | ping: invalid argument: '256': out of range: 0 <= value <= 255
            ping -t -1 -c1 10.0.0.1              | 1   | ping: invalid argument: '-1': out of range: 0 <= value <= 255
            ping -t 1x -c1 10.0.0.1              | 1   | ping: invalid argument: '1x'
            ping -s -1 -c1 10.0.0.1              | 1   | ping: invalid argument: '-1': out of range: 0 <= value <= 2147483647
            ping -w x 10.0.0.1                   | 1   | ping: invalid argument: 'x'
            ping -W -1x -c1 10.0.0.2             | 2   | ping: option argument contains garbage: x\\nping: this will become fatal error in the future\\nping: bad linger time: -1x
            ping 999.1.1.1                       | 2   | ping: 999.1.1.1: Temporary failure in name resolution
            ping nosuchhost -c1                  | 2   | ping: nosuchhost: Temporary failure in name resolution
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message.replace("\\n", "\n"), status));
    }

    @Test
    void usageTextsAreTheToolsOwn() {
        assertThat(((Invalid) Bash.parse("ping -c")).message())
                .startsWith("ping: option requires an argument -- 'c'\n\nUsage\n  ping [options] <destination>");
    }

    @Test
    void garbageNeverThrows() {
        assertThat(Bash.parse("ping -c 1 10.0.0.1")).isInstanceOf(Ping.class);
    }
}
