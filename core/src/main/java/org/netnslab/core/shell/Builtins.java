package org.netnslab.core.shell;

import java.util.List;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.sysctl.ProcSys;
import org.netnslab.core.sysfs.SysClassNet;

/**
 * The small programs learners pipe and redirect: bash's builtins {@code echo}, {@code true}, {@code false},
 * and coreutils' {@code cat} and {@code tee}, which open the lab's file systems, /proc/sys and (cat only)
 * /sys/class/net. They live with the shell because opening a file is what the shell and these two share.
 */
final class Builtins {

    private Builtins() {}

    /** bash's builtin {@code echo [-neE] WORDS}: the words with a space between, and a newline unless -n. */
    record Echo(List<String> args) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            boolean newline = true;
            boolean escapes = false;
            int i = 0;
            while (i < args.size() && args.get(i).matches("-[neE]+")) {
                for (char c : args.get(i).substring(1).toCharArray()) {
                    newline &= c != 'n';
                    escapes = c == 'e' || (escapes && c != 'E');
                }
                i++;
            }
            String text = String.join(" ", args.subList(i, args.size()));
            if (escapes) {
                text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
            }
            return new CommandResult(text + (newline ? "\n" : ""), 0);
        }
    }

    /** {@code true} and {@code false}: nothing, and a status. */
    record Status(int exitStatus) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return new CommandResult("", exitStatus);
        }
    }

    /** coreutils' {@code cat [FILE...]}: the files in turn, or its stdin; {@code -} is stdin too. */
    record Cat(List<String> files) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            if (files.isEmpty()) {
                return stdin(context, "cat");
            }
            StringBuilder out = new StringBuilder();
            int status = 0;
            for (String file : files) {
                if (file.equals("-")) {
                    out.append(context.stdin().orElse(""));
                    continue;
                }
                if (SysClassNet.owns(file)) {
                    SysClassNet.Opened opened = SysClassNet.read(context, ns, file);
                    if (opened instanceof SysClassNet.Opened.Text t) {
                        out.append(t.text());
                    } else if (opened instanceof SysClassNet.Opened.Refused r) {
                        out.append("cat: ").append(file).append(": ").append(r.error()).append('\n');
                        status = 1;
                    } else {
                        return CommandResult.netnsLab("cat " + file + " is not part of the lab; of /sys/class/net it"
                                + " reads ifindex, iflink, address, mtu, operstate, carrier, flags and a few more", 1);
                    }
                    continue;
                }
                switch (ProcSys.find(context, ns, file)) {
                    case FILE -> out.append(ProcSys.read(context, ns, file));
                    case NO_SUCH_FILE -> {
                        out.append("cat: ").append(file).append(": No such file or directory\n");
                        status = 1;
                    }
                    case DIRECTORY -> {
                        out.append("cat: ").append(file).append(": Is a directory\n");
                        status = 1;
                    }
                    case NOT_MODELLED -> {
                        return CommandResult.netnsLab("cat " + file + " is not part of the lab; it reads "
                                + "/proc/sys/net/ipv4/ip_forward", 1);
                    }
                }
            }
            return new CommandResult(out.toString(), status);
        }
    }

    /** coreutils' {@code tee [-a] FILE...}: its stdin to each file and to stdout. */
    record Tee(List<String> files) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (context.stdin().isEmpty()) {
                return stdin(context, "tee");
            }
            String data = context.stdin().get();
            StringBuilder opening = new StringBuilder();
            StringBuilder writing = new StringBuilder();
            for (String file : files) {
                if (file.equals("-a") || file.equals("--append")) {
                    continue;
                }
                // tee opens every file before it copies a byte: what it cannot open is said first
                switch (ProcSys.find(context, ns, file)) {
                    case FILE -> ProcSys.write(context, ns, file, data)
                            .ifPresent(e -> writing.append("tee: ").append(file).append(": ").append(e).append('\n'));
                    case NO_SUCH_FILE -> opening.append("tee: ").append(file).append(": No such file or directory\n");
                    case DIRECTORY -> opening.append("tee: ").append(file).append(": Is a directory\n");
                    case NOT_MODELLED -> {
                        return CommandResult.netnsLab("tee " + file + " is not part of the lab; it writes "
                                + "/proc/sys/net/ipv4/ip_forward", 1);
                    }
                }
            }
            boolean failed = opening.length() > 0 || writing.length() > 0;
            return new CommandResult(opening + data + writing, failed ? 1 : 0);
        }
    }

    /** A program that reads the terminal when no pipe feeds it: the lab's terminal has no input to give. */
    static CommandResult stdin(Context context, String program) {
        return context.stdin().map(s -> new CommandResult(s, 0)).orElseGet(() -> CommandResult.netnsLab(
                program + " reading the terminal is not part of the lab: pipe into it (ip a | " + program + ")", 1));
    }
}
