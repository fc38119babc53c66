package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.matches;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Exec;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;

/**
 * {@code ip netns}, as iproute2 6.1's {@code ip/ipnetns.c} has it: {@code do_netns}'s subcommands, each
 * command with its run, and {@code netns_list}'s printing. {@code ip netns exec NS PROGRAM...} hands the
 * program's words on ({@link Exec}), for the shell to find the program, as ip hands them to execvp.
 */
public final class IpNetns {

    private IpNetns() {}

    /** {@code ip netns add NAME}. */
    public record NetnsAdd(String name) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            try {
                context.backend().addNamespace(name);
                return CommandResult.OK;
            } catch (KernelException e) {
                if (e.errno() == Errno.EEXIST) {
                    return CommandResult.of("Cannot create namespace file \"/run/netns/" + name
                            + "\": File exists", 1);
                }
                throw e;
            }
        }
    }

    /** {@code ip netns del NAME}. */
    public record NetnsDelete(String name) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (!context.backend().namespaces().contains(name)) {
                return CommandResult.of("Cannot remove namespace file \"/run/netns/" + name
                        + "\": No such file or directory", 1);
            }
            context.backend().deleteNamespace(name);
            return CommandResult.OK;
        }
    }

    /** {@code ip netns [list]}. */
    public record NetnsList() implements Command {

        /**
         * Newest first, as readdir lists /run/netns; with the id this namespace has given each, if any. Each
         * id is asked for ({@code RTM_GETNSID}), which numbers nothing: no dump of links here.
         */
        @Override
        public CommandResult run(Context context, String ns) {
            Map<String, Integer> ids = context.backend().netnsIds(ns);
            List<String> names = context.backend().namespaces();
            StringBuilder sb = new StringBuilder();
            for (int i = names.size() - 1; i >= 0; i--) {
                String name = names.get(i);
                sb.append(name);
                Integer id = ids.get(name);
                if (id != null) {
                    sb.append(" (id: ").append(id).append(')');
                }
                sb.append('\n');
            }
            return CommandResult.of(sb.toString(), 0);
        }
    }

    /** do_netns: the subcommand, matched by prefix, and its arguments. */
    static Command parse(Args a) {
        if (!a.more()) {
            return new NetnsList();
        }
        String sub = a.next();
        if (matches(sub, "list") || matches(sub, "show") || matches(sub, "lst")) {
            return new NetnsList();
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        if (matches(sub, "add")) {
            return named(a, NetnsAdd::new);
        }
        if (matches(sub, "delete")) {
            return named(a, NetnsDelete::new);
        }
        if (matches(sub, "exec")) {
            if (!a.more()) {
                return new Invalid("No netns name specified", 1);
            }
            String name = a.next();
            if (!a.more()) {
                return new Invalid("No command specified", 1);
            }
            return new InNamespace(name, new Exec(a.rest()), true);
        }
        if (matches(sub, "set") || matches(sub, "identify") || matches(sub, "pids") || matches(sub, "monitor")
                || matches(sub, "attach") || matches(sub, "list-id")) {
            return new Unsupported("ip netns " + sub, a.all());
        }
        return Ip.unknownCommand("netns", sub);
    }

    /** The NAME of {@code ip netns add} and {@code del}, checked as netns_add and netns_delete check it. */
    private static Command named(Args a, Function<String, Command> command) {
        if (!a.more()) {
            return new Invalid("No netns name specified", 1);
        }
        String name = a.next();
        if (!validNetnsName(name)) {
            return new Invalid("Invalid netns name \"" + name + "\"", 255);
        }
        return command.apply(name);
    }

    private static boolean validNetnsName(String name) {
        return !name.isEmpty() && name.length() < 255 && name.indexOf('/') < 0 && !name.equals(".")
                && !name.equals("..");
    }

    static final String USAGE =
            "Usage:\tip netns list\n"
            + "\tip netns add NAME\n"
            + "\tip netns attach NAME PID\n"
            + "\tip netns set NAME NETNSID\n"
            + "\tip [-all] netns delete [NAME]\n"
            + "\tip netns identify [PID]\n"
            + "\tip netns pids NAME\n"
            + "\tip [-all] netns exec [NAME] cmd ...\n"
            + "\tip netns monitor\n"
            + "\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n"
            + "NETNSID := auto | POSITIVE-INT\n";
}
