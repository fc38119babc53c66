package org.netnslab.core.command;

import java.util.Optional;
import java.util.function.Function;
import org.netnslab.core.backend.Backend;

/**
 * Another command's context, but for what a subclass says otherwise: how the shell gives a command its own
 * stdin, redirections or background without repeating the rest.
 */
public abstract class ForwardingContext implements Context {

    private final Context inner;

    protected ForwardingContext(Context inner) {
        this.inner = inner;
    }

    @Override
    public Backend backend() {
        return inner.backend();
    }

    @Override
    public <T> T session(Class<T> kind, Function<Backend, T> start) {
        return inner.session(kind, start);
    }

    @Override
    public Optional<String> stdin() {
        return inner.stdin();
    }

    @Override
    public boolean discards(boolean stderr) {
        return inner.discards(stderr);
    }

    @Override
    public boolean background() {
        return inner.background();
    }
}
