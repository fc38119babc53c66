package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;

/** A backend without TCP (the port's default methods, as the kernel backend has until it does TCP). */
class TerminalWithoutTcpTests {

    @Test
    void ncSaysInOneLineThatTheBackendCannotRunIt() {
        Terminal t = new Terminal(new FakeBackend());
        CommandResult cannot = new CommandResult("netns-lab: the fake backend cannot run nc yet.\n", 1);
        assertThat(t.run("nc -l -p 8080")).isEqualTo(cannot);
        assertThat(t.run("nc 203.0.113.1 80")).isEqualTo(cannot);
        assertThat(t.run("nc 203.0.113.1")).isEqualTo(new CommandResult("nc: missing port number\n", 1));
        assertThat(t.chat()).isEmpty();
    }
}
