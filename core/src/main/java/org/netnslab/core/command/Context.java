package org.netnslab.core.command;

import java.util.Optional;
import java.util.function.Function;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;

/** Where a command runs: the lab's backend, and the terminal it was typed in. */
public interface Context {

    Backend backend();

    /**
     * What a program keeps in this terminal from one command to the next, made by {@code start} on first use:
     * netcat's listeners and its chat outlive the {@code nc} that started them, as a real nc holds its
     * terminal. One of each kind a terminal.
     */
    <T> T session(Class<T> kind, Function<Backend, T> start);

    /**
     * What a pipe feeds the command ({@code ip a | grep inet}: what ip printed); empty when its input is the
     * terminal, which the lab does not read from.
     */
    default Optional<String> stdin() {
        return Optional.empty();
    }

    /**
     * Link {@code name} of namespace {@code ns}, as the tools look a name up before they ask the kernel to
     * change it ({@code if_nametoindex}); empty when there is none.
     */
    default Optional<Link> link(String ns, String name) {
        return backend().link(ns, name);
    }

    /** The state of namespace {@code ns}, which exists. */
    default NamespaceState state(String ns) {
        return backend().namespace(ns).orElseThrow(() -> new IllegalStateException("no namespace " + ns));
    }
}
