package org.netnslab.core.shell;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Exec;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.RunsProgram;
import org.netnslab.core.command.Unsupported;

/**
 * util-linux 2.38's {@code nsenter --net=FILE [PROGRAM...]} and {@code nsenter -t PID -n [PROGRAM...]}: the
 * program (a shell when there is none) in the network namespace that FILE or the process holds. A named
 * namespace's file is {@code /run/netns/NS}, also reached as {@code /var/run/netns/NS}. The lab has one
 * process to name, PID 1, the machine's init, whose namespace is the host's; any other PID is a process
 * that is not there, as it would be on the machine.
 *
 * @param file the namespace's file as typed ({@code /proc/PID/ns/net} for a PID); empty when none was asked
 */
record Nsenter(String file, Command inner) implements RunsProgram {

    @Override
    public Command program() {
        return inner;
    }

    @Override
    public Nsenter running(Command program) {
        return new Nsenter(file, program);
    }


    static Command parse(List<String> args) {
        String file = null;
        String pid = null;
        boolean net = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String w = args.get(i);
            if (w.equals("--")) {
                i++;
                break;
            } else if (w.equals("-n") || w.equals("--net")) {
                net = true;
            } else if (w.startsWith("--net=")) {
                net = true;
                file = w.substring("--net=".length());
            } else if (w.startsWith("-n")) {
                net = true;
                file = w.substring(2);
            } else if (w.equals("-t") || w.equals("--target")) {
                if (i + 1 == args.size()) {
                    return new Invalid("nsenter: option requires an argument -- 't'\n"
                            + "Try 'nsenter --help' for more information.", 1);
                }
                pid = args.get(++i);
            } else if (w.startsWith("--target=")) {
                pid = w.substring("--target=".length());
            } else if (w.startsWith("-t")) {
                pid = w.substring(2);
            } else if (w.startsWith("-")) {
                return new Unsupported("nsenter " + w, args);
            } else {
                break;
            }
        }
        if (pid != null && !pid.matches("[0-9]+")) {
            return new Invalid("nsenter: failed to parse pid: '" + pid + "'", 1);
        }
        if (!net) {
            // no namespace asked: nsenter runs the program where it is
            file = "";
        } else if (file == null) {
            if (pid == null) {
                return new Invalid("nsenter: neither filename nor target pid supplied for ns/net", 1);
            }
            file = "/proc/" + pid + "/ns/net";
        }
        List<String> program = args.subList(i, args.size());
        return new Nsenter(file, program.isEmpty() ? new Bash.Shell() : new Exec(List.copyOf(program)));
    }

    /** The namespace the file names, if it names one of this lab. */
    Optional<String> namespace(Context context, String ns) {
        if (file.isEmpty()) {
            return Optional.of(ns);
        }
        if (file.equals("/proc/1/ns/net")) {
            return Optional.of(Backend.HOST);
        }
        String f = file.replaceAll("/+", "/");
        for (String dir : List.of("/run/netns/", "/var/run/netns/")) {
            if (f.startsWith(dir) && context.backend().namespaces().contains(f.substring(dir.length()))) {
                return Optional.of(f.substring(dir.length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public CommandResult run(Context context, String ns) throws KernelException {
        Optional<String> target = namespace(context, ns);
        if (target.isEmpty()) {
            return CommandResult.of("nsenter: cannot open " + file + ": No such file or directory", 1);
        }
        if (inner instanceof NotFound nf) {
            return CommandResult.of("nsenter: failed to execute " + nf.word() + ": No such file or directory", 127);
        }
        return inner.run(context, target.get());
    }
}
