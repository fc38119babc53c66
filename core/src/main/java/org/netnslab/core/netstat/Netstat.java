package org.netnslab.core.netstat;

import java.util.List;
import java.util.Map;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Getopt;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.ProcNetRoute;
import org.netnslab.core.command.Services;
import org.netnslab.core.command.SocketOwner;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.InetSock;
import org.netnslab.core.model.TcpState;
import org.netnslab.core.net.Ipv4Address;

/**
 * net-tools 2.10's {@code netstat} for the Internet sockets ({@code netstat.c}): its {@code getopt_long}, the
 * banner the listening and all flags choose, and {@code tcp_do_one}'s line for each socket of
 * {@code /proc/net/tcp} (the kernel's order, listeners first; a listener's Recv-Q is its accept queue, its
 * Send-Q 0). The lab has no UDP socket, so {@code -u} adds no line.
 */
public final class Netstat {

    private static final String OPTIONS = "A:CFMacdeghilnNoprsStuUvVWw2fx64?Z";

    private static final Map<String, Character> LONG_OPTIONS = Map.ofEntries(
            Map.entry("tcp", 't'), Map.entry("udp", 'u'), Map.entry("listening", 'l'), Map.entry("all", 'a'),
            Map.entry("numeric", 'n'), Map.entry("programs", 'p'), Map.entry("wide", 'W'),
            Map.entry("notrim", 'T'), Map.entry("route", 'r'), Map.entry("interfaces", 'i'),
            Map.entry("statistics", 's'), Map.entry("extend", 'e'), Map.entry("verbose", 'v'),
            Map.entry("timers", 'o'), Map.entry("continuous", 'c'), Map.entry("help", 'h'),
            Map.entry("version", 'V'), Map.entry("raw", 'w'), Map.entry("unix", 'x'), Map.entry("sctp", 'S'),
            Map.entry("udplite", 'U'), Map.entry("groups", 'g'), Map.entry("masquerade", 'M'),
            Map.entry("symbolic", 'N'), Map.entry("cache", 'C'), Map.entry("fib", 'F'),
            Map.entry("context", 'Z'), Map.entry("protocol", 'A'));

    /** {@code PROGNAME_WIDTH}. */
    private static final int PROGNAME_WIDTH = 20;

    private Netstat() {}

    /** {@code netstat -t[u][l|a][n][p]}: the namespace's TCP sockets. */
    public record NetstatShow(boolean ipv4, boolean listening, boolean all, boolean numeric, boolean programs)
            implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            List<InetSock> sockets;
            try {
                sockets = ipv4 ? context.backend().tcpSockets(ns) : List.of();
            } catch (KernelException e) {
                if (e.errno() == Errno.EOPNOTSUPP) {
                    return CommandResult.netnsLab("the " + context.backend().name() + " backend cannot show sockets"
                            + " yet", 1);
                }
                throw e;
            }
            StringBuilder out = new StringBuilder("Active Internet connections ")
                    .append(all ? "(servers and established)" : listening ? "(only servers)" : "(w/o servers)")
                    .append("\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ");
            if (programs) {
                out.append(String.format(" %-" + PROGNAME_WIDTH + "s", "PID/Program name"));
            }
            out.append('\n');
            for (InetSock s : sockets) {
                // /proc/net/tcp knows a listener by its peer's port 0
                boolean server = s.remotePort() == 0;
                if (!all && server != listening) {
                    continue;
                }
                Ipv4Address[] hosts = {s.localAddress(), s.remoteAddress()};
                for (Ipv4Address h : hosts) {
                    if (!numeric && !h.isAny() && !h.equals(LOCALHOST)) {
                        return new Unsupported("netstat without -n for a socket of " + h
                                + " (it would ask DNS for its name)", List.of()).run(context, ns);
                    }
                }
                String local = address(s.localAddress(), s.localPort());
                String remote = address(s.remoteAddress(), s.remotePort());
                boolean listener = s.state() == TcpState.LISTEN;
                out.append(String.format("%-4s  %6d %6d %-" + Math.max(23, local.length()) + "s %-"
                        + Math.max(23, remote.length()) + "s %-11s", "tcp", s.receiveQueue(),
                        listener ? 0 : s.sendQueue(), local, remote, s.state().netstatName()));
                if (programs) {
                    out.append(String.format(" %-" + PROGNAME_WIDTH + "s", SocketOwner.pid(s) + "/"
                            + SocketOwner.PROGRAM));
                }
                out.append('\n');
            }
            return new CommandResult(out.toString(), 0);
        }

        /**
         * {@code addr_do_one}: host and port, the host cut when both are longer than 22 (netstat's short
         * column without {@code -W}).
         */
        private String address(Ipv4Address host, int port) {
            String h = numeric || host.isAny() ? host.toString() : "localhost";
            String p = port == 0 ? "*" : numeric ? Integer.toString(port)
                    : Services.tcp(port).orElse(Integer.toString(port));
            if (h.length() + p.length() > 22) {
                int portLength = Math.min(p.length(), 22 - 4);
                return h.substring(0, 22 - portLength) + ":" + p.substring(0, portLength);
            }
            return h + ":" + p;
        }
    }

    /** {@code netstat -r[n]}: the routing table, in route -e's columns. */
    public record NetstatRoute(boolean numeric) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return ProcNetRoute.print(context.state(ns), true, numeric);
        }
    }

    private static final Ipv4Address LOCALHOST = Ipv4Address.parse("127.0.0.1");

    /** @param program the name netstat was called by, as typed: getopt's complaints use it */
    public static Command parse(String program, List<String> words) {
        boolean tcp = false;
        boolean udp = false;
        boolean ipv4 = false;
        boolean ipv6 = false;
        boolean listening = false;
        boolean all = false;
        boolean numeric = false;
        boolean programs = false;
        boolean route = false;
        String unsupported = null;
        Getopt options = new Getopt(words, OPTIONS, LONG_OPTIONS);
        while (options.more()) {
            Getopt.Item item = options.next();
            switch (item.kind()) {
                case OPERAND -> {
                    if (unsupported == null) {
                        unsupported = "netstat with an operand";
                    }
                }
                case END_OF_OPTIONS -> { }
                case UNKNOWN_LONG, UNKNOWN, MISSING_VALUE -> {
                    return Getopt.complaint(item, program, USAGE, 3).orElseThrow();
                }
                case OPTION -> {
                    switch (item.name()) {
                        case 't' -> tcp = true;
                        case 'u' -> udp = true;
                        case '4' -> ipv4 = true;
                        case '6' -> ipv6 = true;
                        case 'l' -> listening = true;
                        case 'a' -> all = true;
                        case 'n' -> numeric = true;
                        case 'p' -> programs = true;
                        case 'r' -> route = true;
                        case '?' -> {
                            return new Invalid(USAGE, 3);
                        }
                        case 'h' -> {
                            return new Invalid(USAGE, 0);
                        }
                        default -> {
                            if (unsupported == null) {
                                unsupported = "netstat -" + item.name();
                            }
                        }
                    }
                }
            }
        }
        if (unsupported != null) {
            return new Unsupported(unsupported, words);
        }
        if (route) {
            return tcp || udp || listening || all || programs ? new Invalid(USAGE, 3) : new NetstatRoute(numeric);
        }
        if (!tcp && !udp) {
            return new Unsupported("netstat without -t or -u (unix sockets and every other table too)", words);
        }
        if (!ipv4 && !ipv6) {
            ipv4 = true;
        }
        return new NetstatShow(ipv4, listening, all, numeric, programs);
    }

    /** {@code usage(E_OPTERR)}: on stderr, with status 3. */
    static final String USAGE =
            "usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n"
            + "       netstat [-vWnNcaeol] [<Socket> ...]\n"
            + "       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }\n"
            + "\n"
            + "        -r, --route              display routing table\n"
            + "        -i, --interfaces         display interface table\n"
            + "        -g, --groups             display multicast group memberships\n"
            + "        -s, --statistics         display networking statistics (like SNMP)\n"
            + "        -M, --masquerade         display masqueraded connections\n"
            + "\n"
            + "        -v, --verbose            be verbose\n"
            + "        -W, --wide               don't truncate IP addresses\n"
            + "        -n, --numeric            don't resolve names\n"
            + "        --numeric-hosts          don't resolve host names\n"
            + "        --numeric-ports          don't resolve port names\n"
            + "        --numeric-users          don't resolve user names\n"
            + "        -N, --symbolic           resolve hardware names\n"
            + "        -e, --extend             display other/more information\n"
            + "        -p, --programs           display PID/Program name for sockets\n"
            + "        -o, --timers             display timers\n"
            + "        -c, --continuous         continuous listing\n"
            + "\n"
            + "        -l, --listening          display listening server sockets\n"
            + "        -a, --all                display all sockets (default: connected)\n"
            + "        -F, --fib                display Forwarding Information Base (default)\n"
            + "        -C, --cache              display routing cache instead of FIB\n"
            + "        -Z, --context            display SELinux security context for sockets\n"
            + "\n"
            + "  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}\n"
            + "           {-x|--unix} --ax25 --ipx --netrom\n"
            + "  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: inet\n"
            + "  List of possible address families (which support routing):\n"
            + "    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n"
            + "    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n"
            + "    ddp (Appletalk DDP) x25 (CCITT X.25) \n";
}
