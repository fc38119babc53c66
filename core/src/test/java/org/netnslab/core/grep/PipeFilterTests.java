package org.netnslab.core.grep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.shell.Bash;

/**
 * grep, head and wc on what a pipe feeds them, and their refusals, in GNU grep 3.8's and coreutils 9.1's
 * words (checked by hand on Debian 12); the goldens hold them to the real tools on the tutorials' output.
 */
class PipeFilterTests {

    private static final String INPUT = "1: lo: <LOOPBACK>\n    inet 127.0.0.1/8\n2: eth0: <UP>\n    inet 203.0.113.2/24\n"
            + "x(\n";

    /** A context whose stdin is {@link #INPUT}: the filters ask nothing of the backend. */
    private static final Context PIPED = new Context() {
        @Override
        public Backend backend() {
            throw new UnsupportedOperationException("a filter reads its stdin only");
        }

        @Override
        public <T> T session(Class<T> kind, Function<Backend, T> start) {
            throw new UnsupportedOperationException("a filter keeps no session");
        }

        @Override
        public Optional<String> stdin() {
            return Optional.of(INPUT);
        }
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '^', quoteCharacter = '"', textBlock = """
            grep inet                  ^ 0 ^ "    inet 127.0.0.1/8\\n    inet 203.0.113.2/24\\n"
            grep -c inet               ^ 0 ^ "2\\n"
            grep -v inet               ^ 0 ^ "1: lo: <LOOPBACK>\\n2: eth0: <UP>\\nx(\\n"
            grep -y LO                 ^ 0 ^ "1: lo: <LOOPBACK>\\n"
            grep -i -w LO              ^ 0 ^ "1: lo: <LOOPBACK>\\n"
            grep -w et                 ^ 1 ^ ""
            grep -o 'inet [0-9.]*'     ^ 0 ^ "inet 127.0.0.1\\ninet 203.0.113.2\\n"
            grep -E 'lo|eth0'          ^ 0 ^ "1: lo: <LOOPBACK>\\n2: eth0: <UP>\\n"
            grep 'lo\\|eth0'           ^ 0 ^ "1: lo: <LOOPBACK>\\n2: eth0: <UP>\\n"
            grep '('                   ^ 0 ^ "x(\\n"
            grep -E '('                ^ 2 ^ "grep: Unmatched ( or \\(\\n"
            grep -n -e lo -e eth0      ^ 0 ^ "1:1: lo: <LOOPBACK>\\n3:2: eth0: <UP>\\n"
            grep -q inet               ^ 0 ^ ""
            grep                       ^ 2 ^ "Usage: grep [OPTION]... PATTERNS [FILE]...\\nTry 'grep --help' for more information.\\n"
            grep -e                    ^ 2 ^ "grep: option requires an argument -- 'e'\\nUsage: grep [OPTION]... PATTERNS [FILE]...\\nTry 'grep --help' for more information.\\n"
            grep --bogus a             ^ 2 ^ "grep: unrecognized option '--bogus'\\nUsage: grep [OPTION]... PATTERNS [FILE]...\\nTry 'grep --help' for more information.\\n"
            head -n 1                  ^ 0 ^ "1: lo: <LOOPBACK>\\n"
            head -2                    ^ 0 ^ "1: lo: <LOOPBACK>\\n    inet 127.0.0.1/8\\n"
            head -n x                  ^ 1 ^ "head: invalid number of lines: ‘x’\\n"
            head -y                    ^ 1 ^ "head: invalid option -- 'y'\\nTry 'head --help' for more information.\\n"
            wc -l                      ^ 0 ^ "5\\n"
            wc                         ^ 0 ^ "      5      11      80\\n"
            wc -x                      ^ 1 ^ "wc: invalid option -- 'x'\\nTry 'wc --help' for more information.\\n"
            """)
    void filtersPrintWhatGrepHeadAndWcPrint(String line, int status, String output) throws Exception {
        CommandResult r = Bash.parse(line).run(PIPED, Backend.HOST);
        assertThat(r.output()).isEqualTo(output.replace("\\n", "\n"));
        assertThat(r.exitStatus()).isEqualTo(status);
    }
}
