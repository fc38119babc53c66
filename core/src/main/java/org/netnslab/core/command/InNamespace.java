package org.netnslab.core.command;

import org.netnslab.core.backend.KernelException;

/**
 * {@code ip -n NS ...} or {@code ip netns exec NS ...}: the inner command runs in NS, once NS is found. The
 * words are iproute2's ({@code ip/ipnetns.c}).
 *
 * @param exec whether it came by {@code ip netns exec}, which runs a program (and says so when there is none)
 */
public record InNamespace(String namespace, Command inner, boolean exec) implements Command {

    @Override
    public CommandResult run(Context context, String ns) throws KernelException {
        if (!context.backend().namespaces().contains(namespace)) {
            return CommandResult.of("Cannot open network namespace \"" + namespace
                    + "\": No such file or directory", 255);
        }
        if (exec && inner instanceof NotFound nf) {
            return CommandResult.of("exec of \"" + nf.word() + "\" failed: No such file or directory", 1);
        }
        return inner.run(context, namespace);
    }
}
