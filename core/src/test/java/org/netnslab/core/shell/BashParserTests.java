package org.netnslab.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.Unsupported;

/**
 * What the shell makes of a line before a program reads it; each tool's reading is in its package's tests.
 * Bash's own errors are kept out of the goldens: the recorder runs each line through {@code eval} in
 * {@code bash -c}, which words them as a script's ({@code _: line 25: ...}), where a learner's interactive
 * bash says {@code bash: ...}; these rows are the interactive words, checked by hand on bash 5.2.15.
 */
class BashParserTests {

    static Stream<Arguments> refusedWhole() {
        return Stream.of(
                arguments("echo 'a", "bash: unexpected EOF while looking for matching `''", 2),
                arguments("echo \"a", "bash: unexpected EOF while looking for matching `\"'", 2),
                arguments("ip a | | wc", "bash: syntax error near unexpected token `|'", 2),
                arguments("| grep x", "bash: syntax error near unexpected token `|'", 2),
                arguments("; echo", "bash: syntax error near unexpected token `;'", 2),
                arguments("echo a;;", "bash: syntax error near unexpected token `;;'", 2),
                arguments("echo a ; ; echo b", "bash: syntax error near unexpected token `;'", 2),
                arguments("echo a &; echo b", "bash: syntax error near unexpected token `;'", 2),
                arguments("&", "bash: syntax error near unexpected token `&'", 2),
                arguments("&& echo", "bash: syntax error near unexpected token `&&'", 2),
                arguments("echo a >", "bash: syntax error near unexpected token `newline'", 2),
                arguments("ip link |", "bash: syntax error: unexpected end of file", 2),
                arguments("true &&", "bash: syntax error: unexpected end of file", 2),
                arguments("false ||", "bash: syntax error: unexpected end of file", 2),
                arguments("bash -c 'ls |'", "bash: -c: line 2: syntax error: unexpected end of file", 2),
                arguments("bash -c '| x'", "bash: -c: line 1: syntax error near unexpected token `|'\n"
                        + "bash: -c: line 1: `| x'", 2),
                arguments("bash -c vim", "bash: line 1: vim: command not found", 127));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedWhole")
    void bashRefusesTheLineWhole(String line, String message, int status) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message, status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            echo $HOME          | the shell's "$"
            ip a > /tmp/$(date) | the shell's "$"
            echo `id`           | the shell's "`"
            (ip a)              | the shell's "("
            grep x < file       | the shell's "<"
            """)
    void whatTheLabDoesNotSimulateIsSaidPlainly(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vim", "ip a | vim", "ip a; vim", "false || vim"})
    void aNameThatIsNoProgramIsBashsCommandNotFound(String line) {
        assertThat(Bash.parse(line).toString()).contains("NotFound[word=vim]");
        assertThat(new NotFound("vim").run(null, "host").output()).isEqualTo("bash: vim: command not found\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip a ;                 | AddrShow[device=Optional.empty, upOnly=false, options=[]]
            '  ip\ta  '            | AddrShow[device=Optional.empty, upOnly=false, options=[]]
            echo 'a  b' "c  d" e\\ f | Echo[args=[a  b, c  d, e f]]
            echo cost $            | Echo[args=[cost, $]]
            """)
    void wordsAreBashs(String line, String expected) {
        assertThat(Bash.parse(line.replace("\\t", "\t")).toString()).isEqualTo(expected);
    }

    @Test
    void garbageNeverThrows() {
        assertThat(Bash.parse("\u0000\u0001\u00ff\ufffd ip")).isInstanceOf(NotFound.class);
        assertThat(Bash.parse("ip 'unclosed")).isInstanceOf(Invalid.class);
        assertThat(Bash.parse("")).isEqualTo(new Invalid("", 0));
        assertThat(Bash.parse("   \t ")).isEqualTo(new Invalid("", 0));
    }
}
