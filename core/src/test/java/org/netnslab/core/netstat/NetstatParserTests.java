package org.netnslab.core.netstat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/** netstat's command lines, as its getopt_long reads them. */
class NetstatParserTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            netstat -tln                          | NetstatShow[ipv4=true, listening=true, all=false, numeric=true, programs=false]
            netstat -lnt4                         | NetstatShow[ipv4=true, listening=true, all=false, numeric=true, programs=false]
            netstat -ltn6                         | NetstatShow[ipv4=false, listening=true, all=false, numeric=true, programs=false]
            netstat --tcp --listening --numeric   | NetstatShow[ipv4=true, listening=true, all=false, numeric=true, programs=false]
            netstat -tanp                         | NetstatShow[ipv4=true, listening=false, all=true, numeric=true, programs=true]
            netstat -tu                           | NetstatShow[ipv4=true, listening=false, all=false, numeric=false, programs=false]
            netstat -rn                           | NetstatRoute[numeric=true]
            netstat -nr                           | NetstatRoute[numeric=true]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            netstat -tlnq     | 3 | netstat: invalid option -- 'q'
            netstat --bogus   | 3 | netstat: unrecognized option '--bogus'
            netstat -A        | 3 | netstat: option requires an argument -- 'A'
            netstat -h        | 0 | usage: netstat [-vWeenNcCF] [<Af>] -r
            """)
    void refused(String line, int status, String firstLine) {
        assertThat(Bash.parse(line)).isInstanceOfSatisfying(Invalid.class, i -> {
            assertThat(i.exitStatus()).isEqualTo(status);
            assertThat(i.message()).startsWith(firstLine);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            netstat -ln   | netstat without -t or -u (unix sockets and every other table too)
            netstat -tlo  | netstat -o
            """)
    void unsupported(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }
}
