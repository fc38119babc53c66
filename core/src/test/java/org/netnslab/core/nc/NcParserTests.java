package org.netnslab.core.nc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/**
 * netcat's arguments as netcat-openbsd 1.219 reads them. Every row was checked against the real nc on
 * Debian 12, in a namespace of its own ({@code unshare -n}).
 */
class NcParserTests {

    /** Lines nc accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nc -l -p 8080                      | NcListen[port=8080]
            nc -l 8080                         | NcListen[port=8080]
            nc -lp 8080                        | NcListen[port=8080]
            nc -lp8080                         | NcListen[port=8080]
            nc -l -p8080                       | NcListen[port=8080]
            nc -p 8080 -l                      | NcListen[port=8080]
            nc 8080 -l                         | NcListen[port=8080]
            nc -l -- 8080                      | NcListen[port=8080]
            nc -l -p 8080 -p 9090              | NcListen[port=9090]
            nc -ll 8080                        | NcListen[port=8080]
            nc -l -n -4 8080                   | NcListen[port=8080]
            nc -l 08080                        | NcListen[port=8080]
            nc -l +80                          | NcListen[port=80]
            nc -l 99999                        | NcListen[port=34463]
            nc -l 4294967377                   | NcListen[port=81]
            sudo nc -l -p 8080                 | NcListen[port=8080]
            netcat -l -p 8080                  | NcListen[port=8080]
            nc 10.0.0.1 8080                   | NcConnect[address=10.0.0.1, port=8080]
            nc 10.0.0.1 08080                  | NcConnect[address=10.0.0.1, port=8080]
            nc 10.0.0.1 +80                    | NcConnect[address=10.0.0.1, port=80]
            nc 10.0.0.1 65535                  | NcConnect[address=10.0.0.1, port=65535]
            nc -n -4 10.0.0.1 8080             | NcConnect[address=10.0.0.1, port=8080]
            nc 10.0.0.1 -- 8080                | NcConnect[address=10.0.0.1, port=8080]
            nc 10.1 80                         | NcConnect[address=10.0.0.1, port=80]
            nc 127.1 80                        | NcConnect[address=127.0.0.1, port=80]
            nc 0x0a000001 80                   | NcConnect[address=10.0.0.1, port=80]
            nc 167772161 80                    | NcConnect[address=10.0.0.1, port=80]
            nc 010.0.0.1 80                    | NcConnect[address=8.0.0.1, port=80]
            nc 10.0.0 80                       | NcConnect[address=10.0.0.0, port=80]
            ip netns exec ns2 nc 10.0.0.1 8080 | InNamespace[namespace=ns2, inner=NcConnect[address=10.0.0.1, port=8080], exec=true]
            ip netns exec ns1 nc -l -p 8080    | InNamespace[namespace=ns1, inner=NcListen[port=8080], exec=true]
            nc -z 10.0.0.1 8080                | NcScan[address=10.0.0.1, port=8080, verbose=false]
            nc -zv 10.0.0.1 8080               | NcScan[address=10.0.0.1, port=8080, verbose=true]
            nc -v -z 10.0.0.1 22               | NcScan[address=10.0.0.1, port=22, verbose=true]
            nc -v 10.0.0.1 8080                | NcConnectVerbose[address=10.0.0.1, port=8080]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("nc", 1, Nc.USAGE),
                Arguments.of("nc -l", 1, "nc: missing port number\n"),
                Arguments.of("netcat -l", 1, "netcat: missing port number\n"),
                Arguments.of("nc 10.0.0.1", 1, "nc: missing port number\n"),
                Arguments.of("nc -p 8080", 1, Nc.USAGE),
                Arguments.of("nc -l -p", 1, "nc: option requires an argument -- 'p'\n" + Nc.USAGE),
                Arguments.of("nc -lp", 1, "nc: option requires an argument -- 'p'\n" + Nc.USAGE),
                Arguments.of("nc -l -p 8080 -x", 1, "nc: option requires an argument -- 'x'\n" + Nc.USAGE),
                Arguments.of("nc -c", 1, "nc: invalid option -- 'c'\n" + Nc.USAGE),
                Arguments.of("/bin/nc -c", 1, "/bin/nc: invalid option -- 'c'\n" + Nc.USAGE),
                Arguments.of("nc --help", 1, "nc: invalid option -- '-'\n" + Nc.USAGE),
                Arguments.of("nc 10.0.0.1 -5", 1, "nc: invalid option -- '5'\n" + Nc.USAGE),
                Arguments.of("nc '-l 8080'", 1, "nc: invalid option -- ' '\n" + Nc.USAGE),
                Arguments.of("nc -l -p 8080 9090", 1, Nc.USAGE),
                Arguments.of("nc -l -p 8080 10.0.0.1", 1, Nc.USAGE),
                Arguments.of("nc -l -p 8080 ''", 1, Nc.USAGE),
                Arguments.of("nc -l 8080 -p 9090", 1, Nc.USAGE),
                Arguments.of("nc -l 127.0.0.1 8080 9090", 1, Nc.USAGE),
                Arguments.of("nc 10.0.0.1 99999", 1, "nc: port number too large: 99999\n"),
                Arguments.of("nc 10.0.0.1 65536", 1, "nc: port number too large: 65536\n"),
                Arguments.of("nc 10.0.0.1 99999999999999999999", 1,
                        "nc: port number too large: 99999999999999999999\n"),
                Arguments.of("nc 10.0.0.1 0", 1, "nc: port number too small: 0\n"),
                Arguments.of("nc 10.0.0.1 -- -80", 1, "nc: port number too small: -80\n"),
                Arguments.of("nc 10.0.0.1 abc", 1, "nc: port number invalid: abc\n"),
                Arguments.of("nc 10.0.0.1 0x50", 1, "nc: port number invalid: 0x50\n"),
                Arguments.of("nc 10.0.0.1 ''", 1, "nc: port number invalid: \n"),
                Arguments.of("nc foo abc", 1, "nc: port number invalid: abc\n"),
                Arguments.of("nc foo 8080", 1,
                        "nc: getaddrinfo for host \"foo\" port 8080: Temporary failure in name resolution\n"),
                Arguments.of("nc foo +80", 1,
                        "nc: getaddrinfo for host \"foo\" port 80: Temporary failure in name resolution\n"),
                Arguments.of("nc 256.1.1.1 80", 1,
                        "nc: getaddrinfo for host \"256.1.1.1\" port 80: Temporary failure in name resolution\n"),
                Arguments.of("nc 1.2.3.4.5 80", 1,
                        "nc: getaddrinfo for host \"1.2.3.4.5\" port 80: Temporary failure in name resolution\n"),
                Arguments.of("nc -n foo 8080", 1,
                        "nc: getaddrinfo for host \"foo\" port 8080: Name or service not known\n"),
                Arguments.of("nc '@@' 80", 1, "nc: getaddrinfo for host \"@@\" port 80: Name or service not known\n"),
                Arguments.of("nc '' 8080", 1, "nc: getaddrinfo for host \"\" port 8080: Name or service not known\n"),
                Arguments.of("nc -l -p abc", 1, "nc: getaddrinfo: Servname not supported for ai_socktype\n"),
                Arguments.of("nc -l -p -1", 1, "nc: getaddrinfo: Servname not supported for ai_socktype\n"),
                Arguments.of("nc -l 0x50", 1, "nc: getaddrinfo: Servname not supported for ai_socktype\n"),
                Arguments.of("nc -l 8080x", 1, "nc: getaddrinfo: Servname not supported for ai_socktype\n"),
                Arguments.of("nc -l -- -5", 1, "nc: getaddrinfo: Servname not supported for ai_socktype\n"),
                Arguments.of("nc -h", 0, Nc.HELP),
                Arguments.of("nc 10.0.0.1 80 -h", 0, Nc.HELP),
                Arguments.of("nc -x foo -h", 0, Nc.HELP));
    }

    /** Lines nc refuses before it opens a socket: its words (getopt's, its own) and exit status. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String line, int status, String output) {
        Command c = Bash.parse(line);
        assertThat(c).isInstanceOf(Invalid.class);
        assertThat(CommandResult.of(((Invalid) c).message(), ((Invalid) c).exitStatus()))
                .isEqualTo(new CommandResult(output, status));
    }

    /** What nc does that a lab does not: said plainly, never half done. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nc -l -v 8080                 | nc -l with -v
            nc -lz 8080                   | nc -l with -z
            nc -u -l 8080                 | nc -u
            nc -l -p 8080 -k              | nc -k
            nc -w 1 10.0.0.1 8080         | nc -w
            nc -l 127.0.0.1 8080          | nc -l with an address to listen on
            nc -l 0                       | nc -l on port 0 (a port the kernel picks)
            nc -l 65536                   | nc -l on port 0 (a port the kernel picks)
            nc -l http                    | nc -l with a service name for the port
            nc 10.0.0.1 http              | nc with a service name for a port
            nc 10.0.0.1 8080-8090         | nc with a range of ports
            nc 10.0.0.1 8080 9090         | nc with several ports
            nc -p 5000 10.0.0.1 8080      | nc -p to connect from a given port
            """)
    void unsupported(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }
}
