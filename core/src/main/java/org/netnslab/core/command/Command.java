package org.netnslab.core.command;

import org.netnslab.core.backend.KernelException;

/**
 * A command line, understood: what a tool makes of its arguments, ready to run in a namespace. Each tool's
 * commands are its own and run themselves; a line the tool refuses before it does anything is an
 * {@link Invalid} with its own words.
 *
 * <p>The records below are the shell's own commands, until the shell has its package.
 */
public interface Command {

    /**
     * Runs the command as if typed in namespace {@code ns} ({@link org.netnslab.core.backend.Backend#HOST}
     * for the host) and prints what the real tool prints: its output, or its error and exit status. A
     * refusal of the kernel that the tool does not word itself is thrown, for the shell to print as
     * iproute2 does ({@link KernelErrors}).
     */
    CommandResult run(Context context, String ns) throws KernelException;

    /** {@code bash} (or {@code sh}) typed in an interactive shell: a new shell in the current namespace. */
    record Shell() implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return CommandResult.OK;
        }
    }

    /** {@code exit}: leave the shell that {@code ip netns exec NS bash} started. */
    record Exit() implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return CommandResult.OK;
        }
    }
}
