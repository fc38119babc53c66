package org.netnslab.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.Unsupported;

class HelpTests {

    /** help needs nothing of the lab: a context without one. */
    private static final Context NO_LAB = new Context() {
        @Override
        public Backend backend() {
            throw new AssertionError("help asked the lab");
        }

        @Override
        public <T> T session(Class<T> kind, Function<Backend, T> start) {
            throw new AssertionError("help asked the lab");
        }
    };

    private static CommandResult run(String line) throws Exception {
        return Bash.parse(line).run(NO_LAB, Backend.HOST);
    }

    @Test
    void namesEveryToolWithWhereItTellsMore() throws Exception {
        CommandResult r = run("help");
        assertThat(r.exitStatus()).isZero();
        assertThat(r.output()).startsWith("netns-lab: ").contains("ip help, ip link help", "nc -h", "iptables -h",
                "Tab completes");
        assertThat(Help.TOOLS.keySet()).allMatch(t -> r.output().contains("  " + t + " "));
    }

    @Test
    void everyPointerIsACommandTheLabRuns() {
        for (String[] tool : Help.TOOLS.values()) {
            for (String pointer : tool[1].split(", ")) {
                if (!pointer.matches(".*\\b[A-Z]{2,}\\b.*")) {
                    Command c = Bash.parse(pointer);
                    assertThat(c).as(pointer).isNotInstanceOf(Unsupported.class).isNotInstanceOf(NotFound.class);
                }
            }
        }
    }

    @Test
    void helpOfOneToolIsItsLineAndOfAnotherWordSaysWhatItKnows() throws Exception {
        assertThat(run("help nc").output()).startsWith("  nc ").contains("nc -h").hasLineCount(1);
        CommandResult vim = run("help vim");
        assertThat(vim.exitStatus()).isEqualTo(1);
        assertThat(vim.output()).startsWith("netns-lab: help knows ip, ");
    }
}
