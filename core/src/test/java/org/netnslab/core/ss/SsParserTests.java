package org.netnslab.core.ss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/** ss's command lines, as its getopt_long reads them: what each asks for, and what it refuses or the lab lacks. */
class SsParserTests {

    /** The states are ss's masks: 1152 for -l (LISTEN, CLOSE), 4095 for -a, 2871 for -t alone (SS_CONN). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ss -tln                              | true  | false | true  | true  | 1152  | true  | false | true
            ss -ltn                              | true  | false | true  | true  | 1152  | true  | false | true
            ss -t -l -n                          | true  | false | true  | true  | 1152  | true  | false | true
            ss --tcp --listening --numeric       | true  | false | true  | true  | 1152  | true  | false | true
            ss -tlnp                             | true  | false | true  | true  | 1152  | true  | true  | true
            ss -tlnH                             | true  | false | true  | true  | 1152  | true  | false | false
            ss -tln4                             | true  | false | true  | false | 1152  | true  | false | true
            ss -tln6                             | true  | false | false | true  | 1152  | true  | false | true
            ss -tuln                             | true  | true  | true  | true  | 1152  | true  | false | true
            ss -tan                              | true  | false | true  | true  | 4095  | true  | false | true
            ss -tl                               | true  | false | true  | true  | 1152  | false | false | true
            ss -tn                               | true  | false | true  | true  | 2871  | true  | false | true
            sudo ip netns exec blue ss -tln      | true  | false | true  | true  | 1152  | true  | false | true
            """)
    void accepted(String line, boolean tcp, boolean udp, boolean ipv4, boolean ipv6, int states, boolean numeric,
            boolean processes, boolean header) {
        String command = Bash.parse(line).toString();
        assertThat(command).contains(new Ss.SsShow(tcp, udp, ipv4, ipv6, states, numeric, processes, header)
                .toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ss -tlnq          | 255 | ss: invalid option -- 'q'
            ss --bogus        | 255 | ss: unrecognized option '--bogus'
            ss -N             | 255 | ss: option requires an argument -- 'N'
            /usr/bin/ss -tlnq | 255 | /usr/bin/ss: invalid option -- 'q'
            ss -V             | 0   | ss utility, iproute2-6.1.0
            """)
    void refused(String line, int status, String firstLine) {
        assertThat(Bash.parse(line)).isInstanceOfSatisfying(Invalid.class, i -> {
            assertThat(i.exitStatus()).isEqualTo(status);
            assertThat(i.message().lines().findFirst()).contains(firstLine);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ss -ln                  | ss without -t or -u (every table, netlink's and unix's too)
            ss -s                   | ss -s (the kernel counts TCP sockets for the whole machine there)
            ss -tlne                | ss -e
            ss -tln sport = :8080   | ss with a filter
            ss -xl                  | ss -x
            """)
    void unsupported(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }
}
