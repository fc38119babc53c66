package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;

/** A fault of netns-lab inside one command is that command's error: the terminal and its lab go on. */
class TerminalFaultTests {

    /** A backend whose {@code addBridge} fails as a bug would, and whose every other method works. */
    private static Backend faultyOnBridges(Backend real, Throwable fault) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addBridge")) {
                        throw fault;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aFaultIsOneLineAndTheNextCommandRuns() {
        Terminal t = new Terminal(faultyOnBridges(new FakeBackend(), new NullPointerException("boom")));

        CommandResult fault = t.run("ip link add name br0 type bridge");

        assertThat(fault.exitStatus()).isEqualTo(1);
        assertThat(fault.output()).startsWith("netns-lab: this command met a fault of netns-lab (NullPointerException")
                .endsWith("please report it.\n")
                .doesNotContain("\tat ");
        assertThat(fault.output().lines()).hasSize(1);
        assertThat(t.run("ip netns add blue")).isEqualTo(CommandResult.OK);
        assertThat(t.run("ip netns").output()).isEqualTo("blue\n");
    }

    @Test
    void aStackOverflowIsOneLineToo() {
        Terminal t = new Terminal(faultyOnBridges(new FakeBackend(), new StackOverflowError()));
        assertThat(t.run("ip link add name br0 type bridge").output()).contains("(StackOverflowError");
        assertThat(t.run("ip netns add red").exitStatus()).isZero();
    }
}
