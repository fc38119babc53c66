package org.netnslab.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/** route's command lines: the views it prints, its getopt's complaint, what the lab does not do with it. */
class RouteToolParserTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            route -n          | RouteShow[numeric=true, extended=false]
            route -n4         | RouteShow[numeric=true, extended=false]
            route -e -n       | RouteShow[numeric=true, extended=true]
            route             | RouteShow[numeric=false, extended=false]
            /sbin/route -n    | RouteShow[numeric=true, extended=false]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            route -q     | route: invalid option -- 'q'
            route -n -x  | route: invalid option -- 'x'
            route -A     | route: option requires an argument -- 'A'
            """)
    void refused(String line, String firstLine) {
        assertThat(Bash.parse(line)).isInstanceOfSatisfying(Invalid.class, i -> {
            assertThat(i.exitStatus()).isZero();
            assertThat(i.message()).startsWith(firstLine + "\n    inet (DARPA Internet)").endsWith(
                    "  List of possible address families (which support routing):\n");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            route add default gw 10.0.0.1  | route add
            route -C                       | route -C
            route -ee                      | route -ee
            """)
    void unsupported(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }
}
