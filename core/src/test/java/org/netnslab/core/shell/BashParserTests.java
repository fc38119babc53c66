package org.netnslab.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.Unsupported;

/** What the shell makes of a line before a program reads it; each tool's reading is in its package's tests. */
class BashParserTests {

    @Test
    void whatTheLabDoesNotSimulateIsSaidPlainly() {
        assertThat(Bash.parse("ip a | grep inet")).isInstanceOf(Unsupported.class);
    }

    @Test
    void garbageNeverThrows() {
        assertThat(Bash.parse("\u0000\u0001\u00ff\ufffd ip")).isInstanceOf(NotFound.class);
        assertThat(Bash.parse("ip 'unclosed")).isInstanceOf(Invalid.class);
        assertThat(Bash.parse("")).isEqualTo(new Invalid("", 0));
    }
}
