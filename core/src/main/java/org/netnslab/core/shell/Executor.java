package org.netnslab.core.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.KernelErrors;

/**
 * Runs a {@link Command} on a backend, in one namespace, and prints what the real tool prints: its output,
 * or its error and exit status. The checks the tools make on their own (does the device exist, does the
 * namespace exist) come first, in the tools' order; then the backend is asked, and a kernel refusal is
 * printed the way iproute2 prints it ({@code Error: EXTACK.} or {@code RTNETLINK answers: STRERROR}).
 */
public final class Executor implements Context {

    private final Backend backend;
    private final Map<Class<?>, Object> sessions = new HashMap<>();

    public Executor(Backend backend) {
        this.backend = backend;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public <T> T session(Class<T> kind, Function<Backend, T> start) {
        return kind.cast(sessions.computeIfAbsent(kind, k -> start.apply(backend)));
    }

    /** Runs the command as if typed in namespace {@code ns} ({@link Backend#HOST} for the host). */
    public CommandResult run(Command command, String ns) {
        try {
            return command.run(this, ns);
        } catch (KernelException e) {
            return KernelErrors.rtnetlink(e);
        }
    }
}
