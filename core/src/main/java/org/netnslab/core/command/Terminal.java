package org.netnslab.core.command;

import java.util.ArrayDeque;
import java.util.Deque;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.Command.Exit;
import org.netnslab.core.command.Command.InNamespace;
import org.netnslab.core.command.Command.Shell;

/**
 * A learner's terminal on a lab: lines in, what the tools print out. It keeps the one piece of state a
 * terminal has, the stack of shells: {@code ip netns exec NS bash} opens a shell inside NS, and {@code exit}
 * leaves it, as on a real machine.
 */
public final class Terminal {

    private final Backend backend;
    private final Executor executor;
    private final Deque<String> shells = new ArrayDeque<>();

    public Terminal(Backend backend) {
        this.backend = backend;
        this.executor = new Executor(backend);
    }

    /** Runs one line as typed. */
    public CommandResult run(String line) {
        Command command = Parser.parse(line);
        String here = namespace();
        if (command instanceof Exit) {
            if (!shells.isEmpty()) {
                shells.pop();
            }
            return CommandResult.OK;
        }
        if (command instanceof Shell) {
            shells.push(here);
            return CommandResult.OK;
        }
        if (command instanceof InNamespace in && in.exec() && in.inner() instanceof Shell) {
            CommandResult checked = executor.run(command, here);
            if (checked.ok()) {
                shells.push(in.namespace());
            }
            return checked;
        }
        CommandResult result = executor.run(command, here);
        // a shell whose namespace was deleted under it has nowhere to be: it ends, as the learner would see
        while (!shells.isEmpty() && !Backend.HOST.equals(shells.peek())
                && !backend.namespaces().contains(shells.peek())) {
            shells.pop();
        }
        return result;
    }

    /** The namespace commands run in now: {@link Backend#HOST} unless a shell was opened inside another. */
    public String namespace() {
        return shells.isEmpty() ? Backend.HOST : shells.peek();
    }

    /** The prompt a learner sees: {@code root@host:~# }, or with the namespace they are in. */
    public String prompt() {
        String ns = namespace();
        return Backend.HOST.equals(ns) ? "root@host:~# " : "root@host:~# (netns " + ns + ") ";
    }

    public Backend backend() {
        return backend;
    }
}
