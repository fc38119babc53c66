package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netnslab.core.arp.Arp;
import org.netnslab.core.bridge.Bridge;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Exec;
import org.netnslab.core.command.RunsProgram;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.coreutils.Head;
import org.netnslab.core.coreutils.Wc;
import org.netnslab.core.grep.Grep;
import org.netnslab.core.hostname.Hostname;
import org.netnslab.core.ip.Ip;
import org.netnslab.core.iptables.Iptables;
import org.netnslab.core.iptables.IptablesSave;
import org.netnslab.core.nc.Nc;
import org.netnslab.core.netstat.Netstat;
import org.netnslab.core.nft.Nft;
import org.netnslab.core.ping.Ping;
import org.netnslab.core.route.RouteTool;
import org.netnslab.core.ss.Ss;
import org.netnslab.core.sysctl.Sysctl;
import org.netnslab.core.tcpdump.Tcpdump;

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
        put(programs, (name, args) -> Iptables.parse(args), "iptables", "/sbin/iptables", "/usr/sbin/iptables",
                "iptables-nft", "/usr/sbin/iptables-nft");
        put(programs, (name, args) -> IptablesSave.parse(args), "iptables-save", "/sbin/iptables-save",
                "/usr/sbin/iptables-save", "iptables-nft-save", "/usr/sbin/iptables-nft-save");
        put(programs, (name, args) -> Nft.parse(args), "nft", "/sbin/nft", "/usr/sbin/nft");
        put(programs, Nc::parse, "nc", "netcat", "nc.openbsd", "/bin/nc", "/usr/bin/nc", "/bin/netcat",
                "/usr/bin/netcat", "/bin/nc.openbsd", "/usr/bin/nc.openbsd");
        put(programs, Bash::shell, "bash", "sh", "/bin/bash", "/bin/sh", "/usr/bin/bash", "/usr/bin/sh");
        put(programs, (name, args) -> new Builtins.Echo(List.copyOf(args)), "echo");
        put(programs, (name, args) -> new Builtins.Status(0), "true");
        put(programs, (name, args) -> new Builtins.Status(1), "false");
        put(programs, (name, args) -> new Builtins.Cat(List.copyOf(args)), "cat", "/bin/cat", "/usr/bin/cat");
        put(programs, (name, args) -> new Builtins.Tee(List.copyOf(args)), "tee", "/usr/bin/tee");
        put(programs, (name, args) -> Grep.parse(args), "grep", "/bin/grep", "/usr/bin/grep");
        put(programs, (name, args) -> Head.parse(args), "head", "/usr/bin/head");
        put(programs, (name, args) -> Wc.parse(args), "wc", "/usr/bin/wc");
        put(programs, (name, args) -> Nsenter.parse(args), "nsenter", "/usr/bin/nsenter");
        put(programs, (name, args) -> new Exit(), "exit", "logout");
        put(programs, (name, args) -> new Help(List.copyOf(args)), "help");
        put(programs, (name, args) -> Tcpdump.parse(args), "tcpdump", "/usr/bin/tcpdump", "/usr/sbin/tcpdump",
                "/sbin/tcpdump", "/bin/tcpdump");
        put(programs, Arp::parse, "arp", "/sbin/arp", "/usr/sbin/arp");
        put(programs, (name, args) -> Bridge.parse(args), "bridge", "/sbin/bridge", "/usr/sbin/bridge",
                "/bin/bridge", "/usr/bin/bridge");
        put(programs, Ss::parse, "ss", "/bin/ss", "/usr/bin/ss", "/sbin/ss", "/usr/sbin/ss");
        put(programs, Netstat::parse, "netstat", "/bin/netstat", "/usr/bin/netstat");
        put(programs, RouteTool::parse, "route", "/sbin/route", "/usr/sbin/route");
        put(programs, (name, args) -> Hostname.parse(args), "hostname", "/bin/hostname", "/usr/bin/hostname");
        return Map.copyOf(programs);
    }

    /**
     * {@code bash} alone is a new shell; {@code bash -c 'LINE'} (and {@code sh -c}) runs LINE, whose errors
     * bash words as a script's ({@code bash: line 1: vim: command not found}). Debian's sh is dash, whose
     * words differ; the lab words sh's as bash's.
     */
    private static Command shell(String name, List<String> args) {
        if (args.isEmpty()) {
            return new Shell();
        }
        if (args.get(0).equals("-c") && args.size() >= 2) {
            return ShellSyntax.parse(args.get(1), Bash::scriptCommand, ShellSyntax.Dialect.BASH_C);
        }
        return new Unsupported(name + " with arguments", args);
    }

    private static Command scriptCommand(List<String> words) {
        Command command = parse(words);
        return command instanceof NotFound nf
                ? new Invalid(ShellSyntax.Dialect.BASH_C.notFoundPrefix() + nf.word() + ": command not found", 127)
                : command;
    }

    private static void put(Map<String, Program> programs, Program program, String... names) {
        for (String name : names) {
            programs.put(name, program);
        }
    }

    /** The names a learner types for the lab's programs, without their paths: what Tab offers first. */
    public static List<String> programNames() {
        return PROGRAMS.keySet().stream().filter(n -> !n.startsWith("/")).sorted().toList();
    }

    /** Parses one line as typed. */
    public static Command parse(String line) {
        if (line.length() > 100_000) {
            return new Invalid("bash: line too long", 1);
        }
        return ShellSyntax.parse(line, Bash::parse, ShellSyntax.Dialect.INTERACTIVE);
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
            if (command instanceof RunsProgram r && r.program() instanceof Exec exec) {
                command = r.running(parse(exec.words()));
                break;
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
