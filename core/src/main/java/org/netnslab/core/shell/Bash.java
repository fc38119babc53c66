package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.arp.Arp;
import org.netnslab.core.bridge.Bridge;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
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
 * bash, as far as a lab's terminal needs it: a line split into words ({@link Words}), a leading {@code sudo},
 * the program found by its name or its path, and two builtins, {@code bash} and {@code exit}; a name that is
 * no program is bash's {@code command not found}. How a program reads its arguments is its tool's.
 */
public final class Bash {

    /** {@code bash} (or {@code sh}) typed in an interactive shell: a new shell in the current namespace. */
    public record Shell() implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return CommandResult.OK;
        }
    }

    /** {@code exit}: leave the shell that {@code ip netns exec NS bash} started. */
    public record Exit() implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return CommandResult.OK;
        }
    }

    /** A program the shell can run: its main, reading its arguments; {@code name} is as typed. */
    @FunctionalInterface
    private interface Program {
        Command parse(String name, List<String> args);
    }

    /** The lab's programs by every name a learner types for them: the name, and where Debian installs it. */
    private static final Map<String, Program> PROGRAMS = programs();

    private Bash() {}

    private static Map<String, Program> programs() {
        Map<String, Program> programs = new HashMap<>();
        put(programs, (name, args) -> Ip.parse(args), "ip", "/sbin/ip", "/usr/sbin/ip", "/bin/ip", "/usr/bin/ip");
        put(programs, (name, args) -> Ping.parse(args), "ping", "/bin/ping", "/usr/bin/ping");
        put(programs, (name, args) -> Sysctl.parse(args), "sysctl", "/sbin/sysctl", "/usr/sbin/sysctl");
        put(programs, (name, args) -> Iptables.parse(args), "iptables", "/sbin/iptables", "/usr/sbin/iptables");
        put(programs, Nc::parse, "nc", "netcat", "nc.openbsd", "/bin/nc", "/usr/bin/nc", "/bin/netcat",
                "/usr/bin/netcat", "/bin/nc.openbsd", "/usr/bin/nc.openbsd");
        put(programs, (name, args) -> args.isEmpty() ? new Shell() : new Unsupported(name + " with arguments",
                args), "bash", "sh", "/bin/bash", "/bin/sh");
        put(programs, (name, args) -> new Exit(), "exit", "logout");
        put(programs, Arp::parse, "arp", "/sbin/arp", "/usr/sbin/arp");
        put(programs, (name, args) -> Bridge.parse(args), "bridge", "/sbin/bridge", "/usr/sbin/bridge",
                "/bin/bridge", "/usr/bin/bridge");
        return Map.copyOf(programs);
    }

    private static void put(Map<String, Program> programs, Program program, String... names) {
        for (String name : names) {
            programs.put(name, program);
        }
    }

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
                .map(Bash::parse)
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
        String name = words.get(i);
        Program program = PROGRAMS.get(name);
        List<String> args = words.subList(i + 1, words.size());
        return program == null ? new NotFound(name) : program.parse(name, args);
    }
}
