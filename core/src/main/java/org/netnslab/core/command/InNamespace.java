package org.netnslab.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.netnslab.core.backend.KernelException;

/**
 * {@code ip -n NS ...} or {@code ip netns exec NS ...}: the inner command runs in NS, once NS is found. The
 * words are iproute2's ({@code ip/ipnetns.c}).
 *
 * <p>The inner command may be another InNamespace, and a line may nest thousands ({@code ip netns exec red}
 * 2,000 times is a line of 36,000 characters): every walk down the chain, equality and the text of the
 * record included, is a loop, so that depth costs no stack.
 *
 * @param exec whether it came by {@code ip netns exec}, which runs a program (and says so when there is none)
 */
public record InNamespace(String namespace, Command inner, boolean exec) implements Command {

    @Override
    public CommandResult run(Context context, String ns) throws KernelException {
        Command command = this;
        String where = ns;
        while (command instanceof InNamespace in) {
            if (!context.backend().namespaces().contains(in.namespace)) {
                return CommandResult.of("Cannot open network namespace \"" + in.namespace
                        + "\": No such file or directory", 255);
            }
            if (in.exec && in.inner instanceof NotFound nf) {
                return CommandResult.of("exec of \"" + nf.word() + "\" failed: No such file or directory", 1);
            }
            where = in.namespace;
            command = in.inner;
        }
        return command.run(context, where);
    }

    /** The command at the end of the chain, which is no InNamespace. */
    public Command command() {
        Command command = this;
        while (command instanceof InNamespace in) {
            command = in.inner;
        }
        return command;
    }

    /** The namespace the command at the end of the chain runs in: the chain's last. */
    public String target() {
        InNamespace last = this;
        while (last.inner instanceof InNamespace in) {
            last = in;
        }
        return last.namespace;
    }

    @Override
    public boolean equals(Object o) {
        Object a = this;
        Object b = o;
        while (a instanceof InNamespace x && b instanceof InNamespace y) {
            if (x.exec != y.exec || !Objects.equals(x.namespace, y.namespace)) {
                return false;
            }
            a = x.inner;
            b = y.inner;
        }
        return !(a instanceof InNamespace) && !(b instanceof InNamespace) && Objects.equals(a, b);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        Object c = this;
        while (c instanceof InNamespace x) {
            hash = 31 * hash + Objects.hash(x.namespace, x.exec);
            c = x.inner;
        }
        return 31 * hash + Objects.hashCode(c);
    }

    /** The record's text, {@code InNamespace[namespace=NS, inner=..., exec=true]}, nested as the chain is. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        List<InNamespace> chain = new ArrayList<>();
        Object c = this;
        while (c instanceof InNamespace x) {
            sb.append("InNamespace[namespace=").append(x.namespace).append(", inner=");
            chain.add(x);
            c = x.inner;
        }
        sb.append(c);
        for (int i = chain.size() - 1; i >= 0; i--) {
            sb.append(", exec=").append(chain.get(i).exec).append(']');
        }
        return sb.toString();
    }
}
