package org.netnslab.core.nc;

import static org.netnslab.core.command.Inet.inetAton;
import static org.netnslab.core.command.Inet.looksLikeHostName;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Getopt;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.net.Ipv4Address;

/**
 * OpenBSD netcat, as Debian's netcat-openbsd 1.219 reads its arguments (netcat.c's main): glibc's getopt
 * (options anywhere, {@code --} ends them, the first bad one stops everything with the usage), then listen
 * mode ({@code -l -p PORT} or {@code -l PORT}) or a destination and its port. getopt's complaints name the
 * program as typed, netcat's own ({@code errx}) its base name. The two commands run on the terminal's
 * {@link Netcat}.
 */
public final class Nc {

    /** netcat-openbsd 1.219's getopt string: the options it knows, a colon after those that take a value. */
    private static final String OPTIONS = "46bCDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz";

    /** Names of {@code /etc/services} that nc takes for a port; a lab does not look them up. */
    private static final List<String> SERVICES = List.of("ftp-data", "ftp", "ssh", "telnet", "smtp", "domain",
            "gopher", "finger", "http", "www", "kerberos", "pop3", "sunrpc", "nntp", "ntp", "imap", "imap2", "snmp",
            "ldap", "https", "submission", "imaps", "pop3s", "mysql", "postgresql", "http-alt", "webcache", "irc",
            "rsync", "socks");

    private Nc() {}

    /**
     * {@code nc -l -p PORT}, {@code nc -l PORT}: netcat listening on PORT of every address. In a lab it waits in
     * the background of the terminal (see {@link Netcat}).
     */
    public record NcListen(int port) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            CommandResult r = context.session(Netcat.class, Netcat::new).listen(ns, port,
                    context.background() ? context.stdin() : Optional.empty());
            // in the background (nc -l -p PORT &) nc says nothing, as the real one does until a client comes
            return context.background() && r.ok() ? CommandResult.OK : r;
        }
    }

    /** {@code nc ADDR PORT}: netcat connecting to ADDR, then carrying what is typed to it (see {@link Netcat}). */
    public record NcConnect(Ipv4Address address, int port) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return context.session(Netcat.class, Netcat::new).connect(ns, address, port);
        }
    }

    /** {@code nc -z [-v] ADDR PORT}: netcat's scan of one port, which connects and sends nothing. */
    public record NcScan(Ipv4Address address, int port, boolean verbose) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return context.session(Netcat.class, Netcat::new).scan(ns, address, port, verbose);
        }
    }

    /** {@code nc -v ADDR PORT}: {@link NcConnect}, saying how the connect went. */
    public record NcConnectVerbose(Ipv4Address address, int port) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return context.session(Netcat.class, Netcat::new).connectVerbose(ns, address, port);
        }
    }

    /** @param program the name nc was called by, as typed ({@code nc}, {@code netcat}, {@code /bin/nc}) */
    public static Command parse(String program, List<String> words) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        List<String> operands = new ArrayList<>();
        boolean listen = false;
        boolean numeric = false;
        boolean zero = false;
        boolean verbose = false;
        String sourcePort = null;
        String unsupported = null;
        Getopt options = new Getopt(words, OPTIONS);
        while (options.more()) {
            Getopt.Item item = options.next();
            char o = item.name();
            switch (item.kind()) {
                case OPERAND -> operands.add(item.word());
                case END_OF_OPTIONS, UNKNOWN_LONG -> { }
                case UNKNOWN -> {
                    return new Invalid(Getopt.invalidOption(program, o) + "\n" + USAGE, 1);
                }
                case MISSING_VALUE -> {
                    return new Invalid(Getopt.requiresArgument(program, o) + "\n" + USAGE, 1);
                }
                case OPTION -> {
                    switch (o) {
                        case 'l' -> listen = true;
                        case 'n' -> numeric = true;
                        case 'z' -> zero = true;
                        case 'v' -> verbose = true;
                        case '4' -> { }
                        case 'p' -> sourcePort = item.value().orElseThrow();
                        case 'h' -> {
                            return new Invalid(HELP, 0);
                        }
                        default -> {
                            if (unsupported == null) {
                                unsupported = "nc -" + o;
                            }
                        }
                    }
                }
            }
        }
        if (unsupported != null) {
            return new Unsupported(unsupported, words);
        }
        if (listen && (verbose || zero)) {
            return new Unsupported("nc -l with " + (verbose ? "-v" : "-z"), words);
        }
        if (listen) {
            if (operands.isEmpty()) {
                return sourcePort == null ? new Invalid(name + ": missing port number", 1)
                        : listen(name, sourcePort, words);
            }
            if (sourcePort != null || operands.size() > 2) {
                return new Invalid(USAGE, 1);
            }
            if (operands.size() == 2) {
                return new Unsupported("nc -l with an address to listen on", words);
            }
            return listen(name, operands.get(0), words);
        }
        if (operands.isEmpty()) {
            return new Invalid(USAGE, 1);
        }
        if (operands.size() == 1) {
            return new Invalid(name + ": missing port number", 1);
        }
        List<Integer> ports = new ArrayList<>();
        for (String p : operands.subList(1, operands.size())) {
            if (!p.isEmpty() && Character.isDigit(p.charAt(0)) && p.indexOf('-') > 0) {
                return new Unsupported("nc with a range of ports", words);
            }
            if (SERVICES.contains(p)) {
                return new Unsupported("nc with a service name for a port", words);
            }
            Optional<String> error = strtonumError(p, 1, 0xffff);
            if (error.isPresent()) {
                return new Invalid(name + ": port number " + error.get() + ": " + p, 1);
            }
            ports.add(new BigInteger(p.strip()).intValue());
        }
        if (ports.size() > 1) {
            return new Unsupported("nc with several ports", words);
        }
        if (sourcePort != null) {
            return new Unsupported("nc -p to connect from a given port", words);
        }
        String host = operands.get(0);
        Optional<Ipv4Address> address = inetAton(host);
        if (address.isEmpty()) {
            return new Invalid(name + ": getaddrinfo for host \"" + host + "\" port " + ports.get(0) + ": "
                    + (!numeric && looksLikeHostName(host) ? "Temporary failure in name resolution"
                            : "Name or service not known"), 1);
        }
        if (zero) {
            return new NcScan(address.get(), ports.get(0), verbose);
        }
        return verbose ? new NcConnectVerbose(address.get(), ports.get(0)) : new NcConnect(address.get(), ports.get(0));
    }

    /**
     * What glibc's getaddrinfo makes of the port nc listens on ({@code gaih_inet_serv}): a number as
     * {@code strtoul} reads it, cut to 16 bits; a negative int is a name to look up instead; any other word
     * is a name of {@code /etc/services}. Port 0 asks the kernel to pick one, which a lab does not do.
     */
    private static Command listen(String name, String service, List<String> words) {
        Matcher m = Pattern.compile("[ \\t\\n\\x0B\\f\\r]*([+-]?)([0-9]+)")
                .matcher(service);
        int port;
        if (service.isEmpty()) {
            port = 0;
        } else if (m.matches()) {
            BigInteger v = new BigInteger(m.group(2));
            BigInteger ulongMax = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
            if (v.compareTo(ulongMax) > 0) {
                v = ulongMax;
            } else if (m.group(1).equals("-")) {
                v = BigInteger.ONE.shiftLeft(64).subtract(v).and(ulongMax);
            }
            int asInt = v.intValue();
            if (asInt < 0) {
                return new Invalid(name + ": getaddrinfo: Servname not supported for ai_socktype", 1);
            }
            port = asInt & 0xffff;
        } else if (SERVICES.contains(service)) {
            return new Unsupported("nc -l with a service name for the port", words);
        } else {
            return new Invalid(name + ": getaddrinfo: Servname not supported for ai_socktype", 1);
        }
        if (port == 0) {
            return new Unsupported("nc -l on port 0 (a port the kernel picks)", words);
        }
        return new NcListen(port);
    }

    /** OpenBSD's {@code strtonum} over {@code strtoll}: why the text is not a number from min to max, if it is not. */
    private static Optional<String> strtonumError(String s, long min, long max) {
        if (!s.matches("[ \\t\\n\\x0B\\f\\r]*[+-]?[0-9]+")) {
            return Optional.of("invalid");
        }
        BigInteger v = new BigInteger(s.strip());
        if (v.compareTo(BigInteger.valueOf(min)) < 0) {
            return Optional.of("too small");
        }
        if (v.compareTo(BigInteger.valueOf(max)) > 0) {
            return Optional.of("too large");
        }
        return Optional.empty();
    }

    static final String USAGE =
            "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
            + "\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n"
            + "\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n"
            + "\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n"
            + "\t  [destination] [port]\n";

    /** What {@code nc -h} prints, with exit status 0. */
    static final String HELP =
            "OpenBSD netcat (Debian patchlevel 1.219-1)\n"
            + "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
            + "\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n"
            + "\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n"
            + "\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n"
            + "\t  [destination] [port]\n"
            + "\tCommand Summary:\n"
            + "\t\t-4\t\tUse IPv4\n"
            + "\t\t-6\t\tUse IPv6\n"
            + "\t\t-b\t\tAllow broadcast\n"
            + "\t\t-C\t\tSend CRLF as line-ending\n"
            + "\t\t-D\t\tEnable the debug socket option\n"
            + "\t\t-d\t\tDetach from stdin\n"
            + "\t\t-F\t\tPass socket fd\n"
            + "\t\t-h\t\tThis help text\n"
            + "\t\t-I length\tTCP receive buffer length\n"
            + "\t\t-i interval\tDelay interval for lines sent, ports scanned\n"
            + "\t\t-k\t\tKeep inbound sockets open for multiple connects\n"
            + "\t\t-l\t\tListen mode, for inbound connects\n"
            + "\t\t-M ttl\t\tOutgoing TTL / Hop Limit\n"
            + "\t\t-m minttl\tMinimum incoming TTL / Hop Limit\n"
            + "\t\t-N\t\tShutdown the network socket after EOF on stdin\n"
            + "\t\t-n\t\tSuppress name/port resolutions\n"
            + "\t\t-O length\tTCP send buffer length\n"
            + "\t\t-P proxyuser\tUsername for proxy authentication\n"
            + "\t\t-p port\t\tSpecify local port for remote connects\n"
            + "\t\t-q secs\t\tquit after EOF on stdin and delay of secs\n"
            + "\t\t-r\t\tRandomize remote ports\n"
            + "\t\t-S\t\tEnable the TCP MD5 signature option\n"
            + "\t\t-s sourceaddr\tLocal source address\n"
            + "\t\t-T keyword\tTOS value\n"
            + "\t\t-t\t\tAnswer TELNET negotiation\n"
            + "\t\t-U\t\tUse UNIX domain socket\n"
            + "\t\t-u\t\tUDP mode\n"
            + "\t\t-V rtable\tSpecify alternate routing table\n"
            + "\t\t-v\t\tVerbose\n"
            + "\t\t-W recvlimit\tTerminate after receiving a number of packets\n"
            + "\t\t-w timeout\tTimeout for connects and final net reads\n"
            + "\t\t-X proto\tProxy protocol: \"4\", \"5\" (SOCKS) or \"connect\"\n"
            + "\t\t-x addr[:port]\tSpecify proxy address and port\n"
            + "\t\t-Z\t\tDCCP mode\n"
            + "\t\t-z\t\tZero-I/O mode [used for scanning]\n"
            + "\tPort numbers can be individual or ranges: lo-hi [inclusive]\n";
}
