package org.netnslab.core.ss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Getopt;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Services;
import org.netnslab.core.command.SocketOwner;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.InetSock;
import org.netnslab.core.model.TcpState;
import org.netnslab.core.ss.SsTable.Column;

/**
 * iproute2 6.1's {@code ss} over the lab's TCP and UDP tables: its main's {@code getopt_long} (options anywhere,
 * clustered, the first bad one stops everything with the usage on stderr and status 255), the tables and families
 * the options pick, the state filter ({@code -l}: listening and unconnected, {@code -a}: all, otherwise the
 * connected ones), and {@code inet_stats_print}'s fields. The lab's sockets are IPv4 TCP ones (nc's); it has no UDP
 * socket, so a UDP table is empty.
 */
public final class Ss {

    private static final String OPTIONS = "dhaletuwxnro460spTbEf:mMiA:D:F:vVzZN:KHSO";

    private static final Map<String, Character> LONG_OPTIONS = Map.ofEntries(
            Map.entry("numeric", 'n'), Map.entry("resolve", 'r'), Map.entry("all", 'a'),
            Map.entry("listening", 'l'), Map.entry("options", 'o'), Map.entry("extended", 'e'),
            Map.entry("memory", 'm'), Map.entry("processes", 'p'), Map.entry("threads", 'T'),
            Map.entry("info", 'i'), Map.entry("summary", 's'), Map.entry("bpf", 'b'), Map.entry("events", 'E'),
            Map.entry("context", 'Z'), Map.entry("contexts", 'z'), Map.entry("net", 'N'), Map.entry("ipv4", '4'),
            Map.entry("ipv6", '6'), Map.entry("packet", '0'), Map.entry("tcp", 't'), Map.entry("mptcp", 'M'),
            Map.entry("sctp", 'S'), Map.entry("udp", 'u'), Map.entry("dccp", 'd'), Map.entry("raw", 'w'),
            Map.entry("unix", 'x'), Map.entry("family", 'f'), Map.entry("kill", 'K'), Map.entry("no-header", 'H'),
            Map.entry("oneline", 'O'), Map.entry("query", 'A'), Map.entry("socket", 'A'), Map.entry("diag", 'D'),
            Map.entry("filter", 'F'), Map.entry("help", 'h'), Map.entry("version", 'V'));

    /** {@code SS_CONN}: every state but listening, closed, time-wait and syn-recv. */
    private static final int CONNECTED = allStates() & ~(TcpState.LISTEN.bit() | TcpState.CLOSE.bit()
            | TcpState.TIME_WAIT.bit() | TcpState.SYN_RECV.bit());

    private Ss() {}

    /**
     * {@code ss [-tul...] [-n] [-p] [-H]}: the lab's sockets of the tables and families asked for.
     *
     * @param states {@code current_filter.states}, a bit a state
     */
    public record SsShow(boolean tcp, boolean udp, boolean ipv4, boolean ipv6, int states, boolean numeric,
            boolean processes, boolean header) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            List<InetSock> sockets;
            try {
                sockets = tcp && ipv4 ? context.backend().tcpSockets(ns) : List.of();
            } catch (KernelException e) {
                if (e.errno() == Errno.EOPNOTSUPP) {
                    return CommandResult.netnsLab("the " + context.backend().name() + " backend cannot show sockets"
                            + " yet", 1);
                }
                throw e;
            }
            SsTable table = new SsTable();
            if (!(tcp && udp)) {
                table.disable(Column.NETID);
            }
            if (Integer.bitCount(states) == 1) {
                table.disable(Column.STATE);
            }
            if (header) {
                table.header();
            }
            for (InetSock s : sockets) {
                if ((states & s.state().bit()) == 0) {
                    continue;
                }
                String process = processes ? " users:((\"" + SocketOwner.PROGRAM + "\",pid=" + SocketOwner.pid(s)
                        + ",fd=" + SocketOwner.fd(s) + "))" : "";
                table.line("tcp", s.state().ssName(), String.format("%-6d", s.receiveQueue()),
                        String.format("%-6d", s.sendQueue()), s.localAddress() + ":", service(s.localPort()),
                        s.remoteAddress() + ":", service(s.remotePort()), process);
            }
            return new CommandResult(table.render(), 0);
        }

        /** {@code resolve_service}: {@code *} for port 0, the number with {@code -n}, else the service's name. */
        private String service(int port) {
            if (port == 0) {
                return "*";
            }
            return numeric ? Integer.toString(port) : Services.tcp(port).orElse(Integer.toString(port));
        }
    }

    /** @param program the name ss was called by, as typed: getopt's complaints use it */
    public static Command parse(String program, List<String> words) {
        boolean tcp = false;
        boolean udp = false;
        boolean ipv4 = false;
        boolean ipv6 = false;
        boolean numeric = false;
        boolean processes = false;
        boolean header = true;
        boolean summary = false;
        int stateFilter = 0;
        String unsupported = null;
        List<String> operands = new ArrayList<>();
        Getopt options = new Getopt(words, OPTIONS, LONG_OPTIONS);
        while (options.more()) {
            Getopt.Item item = options.next();
            switch (item.kind()) {
                case OPERAND -> operands.add(item.word());
                case END_OF_OPTIONS -> { }
                case UNKNOWN_LONG, UNKNOWN, MISSING_VALUE -> {
                    return Getopt.complaint(item, program, USAGE, 255).orElseThrow();
                }
                case OPTION -> {
                    switch (item.name()) {
                        case 't' -> tcp = true;
                        case 'u' -> udp = true;
                        case '4' -> ipv4 = true;
                        case '6' -> ipv6 = true;
                        case 'n' -> numeric = true;
                        case 'p' -> processes = true;
                        case 'H' -> header = false;
                        case 'l' -> stateFilter = TcpState.LISTEN.bit() | TcpState.CLOSE.bit();
                        case 'a' -> stateFilter = allStates();
                        case 's' -> summary = true;
                        case 'h' -> {
                            return new Invalid(USAGE, 0);
                        }
                        case 'v', 'V' -> {
                            return new Invalid("ss utility, iproute2-6.1.0", 0);
                        }
                        default -> {
                            if (unsupported == null) {
                                unsupported = "ss -" + item.name();
                            }
                        }
                    }
                }
            }
        }
        if (unsupported != null) {
            return new Unsupported(unsupported, words);
        }
        if (summary) {
            return new Unsupported("ss -s (the kernel counts TCP sockets for the whole machine there)", words);
        }
        if (!operands.isEmpty()) {
            return new Unsupported("ss with a filter", words);
        }
        if (!tcp && !udp) {
            return new Unsupported("ss without -t or -u (every table, netlink's and unix's too)", words);
        }
        if (!ipv4 && !ipv6) {
            ipv4 = true;
            ipv6 = true;
        }
        // filter_db_set: each table brings its default states, which -l or -a replace
        int states = stateFilter != 0 ? stateFilter : CONNECTED | (udp ? TcpState.ESTABLISHED.bit() : 0);
        return new SsShow(tcp, udp, ipv4, ipv6, states, numeric, processes, header);
    }

    private static int allStates() {
        // SS_ALL: every state up to SS_MAX, the kernel's twelve (SS_UNKNOWN's bit too)
        return (1 << 12) - 1;
    }

    /** {@code usage()}: on stderr, with status 255 ({@code exit(-1)}); {@code -h} prints it on stdout, with 0. */
    static final String USAGE = """
            Usage: ss [ OPTIONS ]
                   ss [ OPTIONS ] [ FILTER ]
               -h, --help          this message
               -V, --version       output version information
               -n, --numeric       don't resolve service names
               -r, --resolve       resolve host names
               -a, --all           display all sockets
               -l, --listening     display listening sockets
               -o, --options       show timer information
               -e, --extended      show detailed socket information
               -m, --memory        show socket memory usage
               -p, --processes     show process using socket
               -T, --threads       show thread using socket
               -i, --info          show internal TCP information
                   --tipcinfo      show internal tipc socket information
               -s, --summary       show socket usage summary
                   --tos           show tos and priority information
                   --cgroup        show cgroup information
               -b, --bpf           show bpf filter socket information
               -E, --events        continually display sockets as they are destroyed
               -Z, --context       display task SELinux security contexts
               -z, --contexts      display task and socket SELinux security contexts
               -N, --net           switch to the specified network namespace name

               -4, --ipv4          display only IP version 4 sockets
               -6, --ipv6          display only IP version 6 sockets
               -0, --packet        display PACKET sockets
               -t, --tcp           display only TCP sockets
               -M, --mptcp         display only MPTCP sockets
               -S, --sctp          display only SCTP sockets
               -u, --udp           display only UDP sockets
               -d, --dccp          display only DCCP sockets
               -w, --raw           display only RAW sockets
               -x, --unix          display only Unix domain sockets
                   --tipc          display only TIPC sockets
                   --vsock         display only vsock sockets
                   --xdp           display only XDP sockets
               -f, --family=FAMILY display sockets of type FAMILY
                   FAMILY := {inet|inet6|link|unix|netlink|vsock|tipc|xdp|help}

               -K, --kill          forcibly close sockets, display what was closed
               -H, --no-header     Suppress header line
               -O, --oneline       socket's data printed on a single line
                   --inet-sockopt  show various inet socket options

               -A, --query=QUERY, --socket=QUERY
                   QUERY := {all|inet|tcp|mptcp|udp|raw|unix|unix_dgram|unix_stream|unix_seqpacket|packet|packet_raw|packet_dgram|netlink|dccp|sctp|vsock_stream|vsock_dgram|tipc|xdp}[,QUERY]

               -D, --diag=FILE     Dump raw information about TCP sockets to FILE
               -F, --filter=FILE   read filter information from FILE
                   FILTER := [ state STATE-FILTER ] [ EXPRESSION ]
                   STATE-FILTER := {all|connected|synchronized|bucket|big|TCP-STATES}
                     TCP-STATES := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|closed|close-wait|last-ack|listening|closing}
                      connected := {established|syn-sent|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
                   synchronized := {established|syn-recv|fin-wait-{1,2}|time-wait|close-wait|last-ack|closing}
                         bucket := {syn-recv|time-wait}
                            big := {established|syn-sent|fin-wait-{1,2}|closed|close-wait|last-ack|listening|closing}
            """;
}
