package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.Command.Exit;
import org.netnslab.core.command.Command.Shell;
import org.netnslab.core.command.Exec;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.ip.Ip;
import org.netnslab.core.iptables.Iptables;
import org.netnslab.core.nc.Nc;
import org.netnslab.core.ping.Ping;
import org.netnslab.core.sysctl.Sysctl;

/**
 * Turns a command line into a {@link Command}, the way the real tools read their arguments: iproute2's
 * prefix matching of objects and subcommands ({@code ip a}, {@code ip r s}), iputils' options before or
 * after the address, procps' {@code sysctl}, and the nat table of iptables. What a tool refuses before it
 * asks the kernel becomes an {@link Invalid} with that tool's words and exit status. Checks that need the
 * lab's state ({@code Cannot find device}) are the {@link Executor}'s.
 */
public final class Parser {

    private Parser() {}

    /** Parses one line as typed. */
    public static Command parse(String line) {
        if (line.length() > 100_000) {
            return new Invalid("bash: line too long", 1);
        }
        Optional<String> operator = Words.shellSyntax(line);
        if (operator.isPresent()) {
            return new Unsupported("the shell's \"" + operator.get() + "\" (type one command a line)", List.of());
        }
        return Words.split(line)
                .map(Parser::parse)
                .orElseGet(() -> new Invalid("bash: unexpected EOF while looking for matching quote", 2));
    }

    /**
     * Parses a command given as words. {@code ip netns exec NS PROGRAM...} hands its program's words back
     * ({@link Exec}), as ip hands them to execvp: they are read here, level after level, in a loop.
     */
    public static Command parse(List<String> words) {
        List<InNamespace> chain = new ArrayList<>();
        Command command = program(words);
        while (true) {
            while (command instanceof InNamespace in) {
                chain.add(in);
                command = in.inner();
            }
            if (!(command instanceof Exec exec)) {
                break;
            }
            command = program(exec.words());
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            command = new InNamespace(chain.get(i).namespace(), command, chain.get(i).exec());
        }
        return command;
    }

    /** One program: a leading {@code sudo} goes, the program is found by name and reads its arguments. */
    private static Command program(List<String> words) {
        int i = 0;
        while (i < words.size() && words.get(i).equals("sudo")) {
            i++;
        }
        if (i == words.size()) {
            return i == 0 ? new Invalid("", 0) : new Unsupported("sudo without a command", words);
        }
        return program(words.get(i), new Args(words.subList(i + 1, words.size())), words);
    }

    private static Command program(String program, Args args, List<String> words) {
        return switch (program) {
            case "ip", "/sbin/ip", "/usr/sbin/ip", "/bin/ip", "/usr/bin/ip" -> Ip.parse(args.all());
            case "ping", "/bin/ping", "/usr/bin/ping" -> Ping.parse(args.all());
            case "sysctl", "/sbin/sysctl", "/usr/sbin/sysctl" -> Sysctl.parse(args.all());
            case "iptables", "/sbin/iptables", "/usr/sbin/iptables" -> Iptables.parse(args.all());
            case "nc", "netcat", "nc.openbsd", "/bin/nc", "/usr/bin/nc", "/bin/netcat", "/usr/bin/netcat",
                    "/bin/nc.openbsd", "/usr/bin/nc.openbsd" -> Nc.parse(program, args.all());
            case "bash", "sh", "/bin/bash", "/bin/sh" -> args.done() ? new Shell()
                    : new Unsupported(program + " with arguments", words);
            case "exit", "logout" -> new Exit();
            default -> new NotFound(program);
        };
    }
}
