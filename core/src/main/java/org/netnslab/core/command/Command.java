package org.netnslab.core.command;

import org.netnslab.core.backend.KernelException;

/**
 * A command line, understood: what a tool makes of its arguments, ready to run in a namespace. Each tool's
 * commands are its own and run themselves; a line the tool refuses before it does anything is an
 * {@link Invalid} with its own words.
 */
public interface Command {

    /**
     * Runs the command as if typed in namespace {@code ns} ({@link org.netnslab.core.backend.Backend#HOST}
     * for the host) and prints what the real tool prints: its output, or its error and exit status. A
     * refusal of the kernel that the tool does not word itself is thrown, for the shell to print as
     * iproute2 does ({@link KernelErrors}).
     */
    CommandResult run(Context context, String ns) throws KernelException;
}
