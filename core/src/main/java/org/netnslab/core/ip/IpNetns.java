package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.matches;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.netnslab.core.command.Iproute2;
import org.netnslab.core.command.KernelErrors;
import org.netnslab.core.command.RunsProgram;
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

    /**
     * {@code ip netns identify}: the name of the namespace the shell is in, or an empty line where it is in
     * none of them (the host's). The lab's processes have no PIDs to look up.
     */
    public record NetnsIdentify() implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return CommandResult.of((context.backend().namespaces().contains(ns) ? ns : "") + "\n", 0);
        }
    }

    /**
     * {@code ip netns pids NAME}: the PIDs of the processes in NAME. The lab's programs have no PIDs: none is
     * listed, even for an nc or a tcpdump left running there, where a real machine would list its PID.
     */
    public record NetnsPids(String name) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            if (!context.backend().namespaces().contains(name)) {
                return CommandResult.of("Cannot open network namespace: No such file or directory", 1);
            }
            return CommandResult.OK;
        }
    }

    /** {@code ip netns set NAME NETNSID}: the id the shell's namespace gives NAME; -1 is {@code auto}. */
    public record NetnsSet(String name, int id) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (!context.backend().namespaces().contains(name)) {
                return CommandResult.of("Cannot open network namespace \"" + name + "\": No such file or directory", 1);
            }
            try {
                context.backend().setNetnsId(ns, name, id);
                return CommandResult.OK;
            } catch (KernelException e) {
                if (e.errno() == Errno.EOPNOTSUPP) {
                    throw e;
                }
                return KernelErrors.rtnetlink(e);
            }
        }
    }

    /**
     * {@code ip -all netns exec PROGRAM...}: the program in each namespace, newest first as {@code ip netns
     * list} has them, each under a {@code netns: NAME} line; ip goes on whatever each one's status is, and ends
     * with 0.
     */
    public record AllNetnsExec(Command program) implements RunsProgram {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            List<String> names = context.backend().namespaces();
            StringBuilder sb = new StringBuilder();
            for (int i = names.size() - 1; i >= 0; i--) {
                sb.append("\nnetns: ").append(names.get(i)).append('\n');
                CommandResult r = new InNamespace(names.get(i), program, true).run(context, ns);
                sb.append(r.output());
                if (!r.output().isEmpty() && !r.output().endsWith("\n")) {
                    sb.append('\n');
                }
            }
            String out = sb.toString();
            return CommandResult.of(out.endsWith("\n") ? out.substring(0, out.length() - 1) : out, 0);
        }

        @Override
        public AllNetnsExec running(Command program) {
            return new AllNetnsExec(program);
        }
    }

    /** {@code ip -all netns delete}: every namespace, newest first. */
    public record AllNetnsDelete() implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            List<String> names = context.backend().namespaces();
            for (int i = names.size() - 1; i >= 0; i--) {
                context.backend().deleteNamespace(names.get(i));
            }
            return CommandResult.OK;
        }
    }

    /** do_netns, with {@code -all} ({@code do_all}), which {@code exec} and {@code delete} take. */
    static Command parse(Args a, boolean all) {
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
            if (all && !a.more()) {
                return new AllNetnsDelete();
            }
            return named(a, NetnsDelete::new);
        }
        if (matches(sub, "exec") && all) {
            if (!a.more()) {
                return new Invalid("No command specified", 1);
            }
            return new AllNetnsExec(new Exec(a.rest()));
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
        if (matches(sub, "identify")) {
            if (!a.more()) {
                return new NetnsIdentify();
            }
            String pid = a.next();
            return pid.matches("[0-9]+") ? new Unsupported("ip netns identify PID", a.all())
                    : new Invalid("Specified string '" + pid + "' is not a pid", 1);
        }
        if (matches(sub, "pids")) {
            if (!a.more()) {
                return new Invalid("No netns name specified", 1);
            }
            return new NetnsPids(a.next());
        }
        if (matches(sub, "set")) {
            return set(a);
        }
        if (matches(sub, "monitor") || matches(sub, "attach") || matches(sub, "list-id")) {
            return new Unsupported("ip netns " + sub, a.all());
        }
        return Ip.unknownCommand("netns", sub);
    }

    /** {@code netns_set}: the name, then {@code auto} or an id of 0 and more, as get_integer reads it. */
    private static Command set(Args a) {
        if (!a.more()) {
            return new Invalid("No netns name specified", 1);
        }
        String name = a.next();
        if (!a.more()) {
            return new Invalid("No nsid specified", 1);
        }
        String typed = a.next();
        if (typed.equals("auto")) {
            return new NetnsSet(name, -1);
        }
        Optional<Integer> id = Iproute2.getInteger(typed);
        if (id.isEmpty()) {
            return Iproute2.invarg("Invalid \"netnsid\" value", typed);
        }
        if (id.get() < 0) {
            return Iproute2.invarg("\"netnsid\" value should be >= 0", typed);
        }
        return new NetnsSet(name, id.get());
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
