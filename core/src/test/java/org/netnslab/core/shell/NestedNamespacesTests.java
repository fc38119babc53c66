package org.netnslab.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.lesson.FakeBackend;

/**
 * {@code ip netns exec} inside {@code ip netns exec}, as deep as a line allows: the shell reads the levels in
 * a loop and the chain runs in a loop, so that depth costs no stack. The short lines are the golden
 * netns-exec-nested's, recorded on the real kernel.
 */
class NestedNamespacesTests {

    /** A stack a walk that recursed per level would overflow long before 2,000 levels. */
    private static final long SMALL_STACK = 256 * 1024;

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {2_000, 5_000})
    void aLineOfNestedExecsRunsAsOneOfThreeLevels(int levels) throws Throwable {
        String nest = "ip netns exec red ".repeat(levels);
        onSmallStack(() -> {
            Terminal t = labWithRedAndBlue();
            assertThat(t.run(nest)).isEqualTo(new CommandResult("No command specified\n", 1))
                    .isEqualTo(t.run("ip netns exec red ip netns exec red ip netns exec red"));
            assertThat(t.run(nest + "ip -br link")).isEqualTo(t.run("ip netns exec red ip -br link"))
                    .isEqualTo(new CommandResult("lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n", 0));
            assertThat(t.run(nest + "ip -n blue netns exec nosuch ip link")).isEqualTo(new CommandResult(
                    "Cannot open network namespace \"nosuch\": No such file or directory\n", 255));
            assertThat(t.run(nest + "nosuchcmd")).isEqualTo(new CommandResult(
                    "exec of \"nosuchcmd\" failed: No such file or directory\n", 1));
        });
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {2_000, 5_000})
    void aDeepChainComparesAndPrintsWithoutRecursion(int levels) throws Throwable {
        String line = "ip netns exec red ".repeat(levels) + "ip link";
        onSmallStack(() -> {
            Command a = Bash.parse(line);
            Command b = Bash.parse(line);
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(Bash.parse("ip netns exec red " + line));
            assertThat(a.toString()).startsWith("InNamespace[namespace=red, inner=InNamespace[namespace=red, ")
                    .contains("inner=LinkShow[").endsWith(", exec=true], exec=true]");
        });
    }

    @Test
    void aShellOpenedAtTheEndOfAChainIsInItsLastNamespace() throws KernelException {
        Terminal t = labWithRedAndBlue();
        assertThat(t.run("ip netns exec red ip -n red netns exec blue bash")).isEqualTo(CommandResult.OK);
        assertThat(t.namespace()).isEqualTo("blue");
        assertThat(t.run("exit")).isEqualTo(CommandResult.OK);
        assertThat(t.namespace()).isEqualTo(Backend.HOST);
    }

    private static Terminal labWithRedAndBlue() throws KernelException {
        FakeBackend lab = new FakeBackend();
        lab.addNamespace("red");
        lab.addNamespace("blue");
        return new Terminal(lab);
    }

    private interface Check {
        void run() throws Exception;
    }

    private static void onSmallStack(Check check) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                check.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
