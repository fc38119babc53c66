package org.netnslab.core.sysctl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.shell.Bash;

/** sysctl's arguments as procps-ng 4.0.2 reads them. */
class SysctlParserTests {

    /** Lines the tool accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sysctl net.ipv4.ip_forward                 | Sysctl[settings=[net.ipv4.ip_forward], flags=]
            sysctl -w net.ipv4.ip_forward=1            | Sysctl[settings=[net.ipv4.ip_forward=1], flags=]
            sysctl net/ipv4/ip_forward=1               | Sysctl[settings=[net/ipv4/ip_forward=1], flags=]
            sysctl -n -q a b=1                         | Sysctl[settings=[a, b=1], flags=nq]
            sysctl -nq a                               | Sysctl[settings=[a], flags=nq]
            sysctl --values --quiet --ignore --names a | Sysctl[settings=[a], flags=nqeN]
            sysctl -a                                  | Sysctl[settings=[], flags=a]
            sysctl -A                                  | Sysctl[settings=[], flags=a]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sysctl -w                            | 1   | sysctl: no variables specified\\nTry `sysctl --help' for more information.
            sysctl -w net.ipv4.ip_forward        | 1   | sysctl: command line(0): invalid syntax, continuing...
            sysctl -w a=1 net.ipv4.ip_forward    | 1   | sysctl: command line(0): invalid syntax, continuing...
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message.replace("\\n", "\n"), status));
    }

    @Test
    void garbageNeverThrows() {
        assertThat(Bash.parse("sysctl net.ipv4.ip_forward=1")).isInstanceOf(Sysctl.class);
    }
}
