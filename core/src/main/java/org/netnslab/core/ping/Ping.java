package org.netnslab.core.ping;

import static org.netnslab.core.command.Inet.looksLikeHostName;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Getopt;
import org.netnslab.core.command.Inet;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.net.Ipv4Address;

/**
 * {@code ping [-c N] [-i S] [-W S] [-I DEV] ADDR}, as iputils 20221126 reads its options (ping.c's getopt loop)
 * and runs: the lab's backend sends the echo requests, {@link PingFormat} prints the report.
 */
public record Ping(PingRequest request, Display display) implements Command {

    public Ping(PingRequest request) {
        this(request, Display.DEFAULT);
    }

    /**
     * What changes the report rather than the probes.
     *
     * @param quiet {@code -q}: no line for each answer
     * @param warnings what iputils said of its options before it began, each line ending in a newline
     * @param deadline {@code -w}: the exit status is 1 unless as many replies came as {@code -c} asked (one if
     *     it did not)
     * @param asked {@code -c}'s count, or 0 when none was typed
     * @param host the destination as typed ({@code 127.1}), which ping prints beside the address
     */
    public record Display(boolean quiet, String warnings, boolean deadline, long asked, String host) {
        public static final Display DEFAULT = new Display(false, "", false, 0, "");
    }

    /** How many echo requests a ping without {@code -c} sends: the learner presses Ctrl-C after four. */
    public static final int PING_COUNT_WITHOUT_C = 4;

    /**
     * The most echo requests one ping sends in a lab, whatever {@code -c} asks: a ping's probes and their
     * journeys are held until it ends, so that one learner's command stays bounded in time and memory on a
     * server of many labs. A ping asked for more sends these, prints the real ping's report of them, and says
     * in one netns-lab line that it stopped ({@link Capped}).
     */
    public static final int MAX_PROBES = 1000;

    /** {@code -c}'s range: iputils takes any long from 1. */
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** What strtod reads at the start of a word: blanks, a sign, digits with a point. */
    private static final Pattern STRTOD = Pattern.compile("[ \\t\\n\\x0B\\f\\r]*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");

    /** The most data a request carries in one 1500-byte frame: 1500 less the IP and ICMP headers. */
    private static final int MAX_UNFRAGMENTED = 1472;

    /** What strtol(s, &end, 10) reads of a whole word: blanks, a sign, decimal digits. */
    private static final Pattern DECIMAL = Pattern.compile("[ \\t\\n\\x0B\\f\\r]*([+-]?[0-9]+)");

    /**
     * iputils' getopt string for IPv4, as far as a lab reads it: the options a lab runs (c, i, W, I), the ones
     * it takes quietly (4, n, q, v), and the others, said to be outside the lab.
     */
    private static final String OPTIONS = "c:i:I:W:w:s:t:l:m:M:p:Q:S:T:F:N:e:4nqvaAbBCdDfhLORrUV6";

    /** ping.c's main: the options, anywhere on the line, then the destination. */
    public static Command parse(List<String> args) {
        long count = PING_COUNT_WITHOUT_C;
        String dev = null;
        long interval = 1000;
        long timeout = 10_000;
        OptionalInt ttl = OptionalInt.empty();
        boolean quiet = false;
        int size = PingRequest.DEFAULT_PAYLOAD;
        Optional<String> pattern = Optional.empty();
        Optional<Ipv4Address> source = Optional.empty();
        boolean dontFragment = false;
        long deadline = 0;
        long asked = 0;
        StringBuilder warnings = new StringBuilder();
        String destination = null;
        Getopt options = new Getopt(args, OPTIONS);
        while (options.more()) {
            Getopt.Item item = options.next();
            char o = item.name();
            switch (item.kind()) {
                case OPERAND -> destination = item.word();
                case END_OF_OPTIONS, UNKNOWN_LONG -> { }
                case UNKNOWN -> {
                    return new Invalid(Getopt.invalidOption("ping", o) + "\n" + USAGE, 2);
                }
                case MISSING_VALUE -> {
                    return new Invalid(Getopt.requiresArgument("ping", o) + "\n" + USAGE, 2);
                }
                case OPTION -> {
                    String value = item.value().orElse(null);
                    switch (o) {
                        case 'c' -> {
                            Optional<Invalid> error = countError(value);
                            if (error.isPresent()) {
                                return error.get();
                            }
                            count = Long.parseLong(value.strip());
                            asked = count;
                        }
                        case 'i' -> {
                            Optional<Long> ms = seconds(value);
                            if (ms.isEmpty()) {
                                return new Invalid("ping: bad timing interval: " + value, 1);
                            }
                            interval = ms.get();
                        }
                        case 'W' -> {
                            // iputils reads -W with strtod: garbage after a number (or no number) is only warned of
                            Matcher m = STRTOD.matcher(value);
                            String number = m.lookingAt() ? m.group() : "";
                            if (number.length() < value.length()) {
                                warnings.append("ping: option argument contains garbage: ")
                                        .append(value.substring(number.length())).append('\n')
                                        .append("ping: this will become fatal error in the future\n");
                            }
                            Optional<Long> ms = number.isBlank() ? Optional.of(0L) : seconds(number.strip());
                            if (ms.isEmpty()) {
                                return new Invalid(warnings + "ping: bad linger time: " + value, 2);
                            }
                            timeout = ms.get();
                        }
                        case 's' -> {
                            Optional<Invalid> error = strtolOrErr(value, 0, Integer.MAX_VALUE);
                            if (error.isPresent()) {
                                return error.get();
                            }
                            size = Integer.parseInt(value.strip());
                        }
                        case 'p' -> {
                            Optional<Invalid> error = patternError(value);
                            if (error.isPresent()) {
                                return error.get();
                            }
                            pattern = Optional.of(pattern(value));
                        }
                        case 'M' -> {
                            switch (value) {
                                case "do" -> dontFragment = true;
                                case "dont", "want" -> dontFragment = false;
                                default -> {
                                    return new Invalid(warnings + "ping: invalid -M argument: " + value, 2);
                                }
                            }
                        }
                        case 'w' -> {
                            Optional<Invalid> error = strtolOrErr(value, 0, Integer.MAX_VALUE);
                            if (error.isPresent()) {
                                return error.get();
                            }
                            deadline = Long.parseLong(value.strip());
                        }
                        case 'I' -> {
                            // iputils takes an address when inet_pton reads one, else a device's name
                            source = Ipv4Address.tryParse(value);
                            dev = source.isPresent() ? null : value;
                        }
                        case 't' -> {
                            Optional<Invalid> error = strtolOrErr(value, 0, 255);
                            if (error.isPresent()) {
                                return error.get();
                            }
                            ttl = OptionalInt.of(Integer.parseInt(value.strip()));
                        }
                        case 'q' -> quiet = true;
                        case '4', 'n', 'v' -> { }
                        default -> {
                            return new Unsupported("ping -" + o, args);
                        }
                    }
                }
            }
        }
        if (destination == null) {
            return new Invalid("ping: usage error: Destination address required", 1);
        }
        if (size > MAX_UNFRAGMENTED && !dontFragment) {
            // -M do sends it whole or not at all (a local error): only fragments are outside the lab
            return new Unsupported("ping -s above " + MAX_UNFRAGMENTED
                    + " without -M do (a request that does not fit in one 1500-byte frame)", args);
        }
        if (pattern.isPresent() && !quiet) {
            // fill(), once every option is read, says it before ping begins
            warnings.append("PATTERN: 0x").append(pattern.get()).append('\n');
        }
        Optional<Ipv4Address> dst = Inet.aton(destination);
        if (dst.isEmpty()) {
            return new Invalid("ping: " + destination + ": " + (looksLikeHostName(destination)
                    ? "Temporary failure in name resolution" : "Name or service not known"), 2);
        }
        if (deadline > 0) {
            // -w N: ping stops N seconds after it began, so that it sends one request an interval until then
            long fit = (deadline * 1000 + Math.max(1, interval) - 1) / Math.max(1, interval);
            count = asked > 0 ? Math.min(asked, fit) : fit;
            // and waits for the answers to the last one until then at the most
            timeout = Math.min(timeout, Math.max(0, deadline * 1000 - (count - 1) * interval));
        }
        Ping ping = new Ping(new PingRequest(dst.get(), (int) Math.min(count, MAX_PROBES), Optional.ofNullable(dev),
                interval, timeout, ttl, size, pattern, dontFragment, source),
                new Display(quiet, warnings.toString(), deadline > 0, asked, destination));
        return count > MAX_PROBES ? new Capped(ping, count) : ping;
    }

    /**
     * iputils' {@code strtol_or_err(str, "invalid argument", 1, LONG_MAX)} for {@code -c}: a decimal long, whole,
     * after blanks and a sign; one past a long is strtol's ERANGE.
     */
    private static Optional<Invalid> countError(String value) {
        return strtolOrErr(value, 1, Long.MAX_VALUE);
    }

    /** iputils' {@code strtol_or_err(str, "invalid argument", min, max)}: its three refusals. */
    private static Optional<Invalid> strtolOrErr(String value, long min, long max) {
        Matcher m = DECIMAL.matcher(value);
        String prefix = "ping: invalid argument: '" + value + "'";
        if (!m.matches()) {
            return Optional.of(new Invalid(prefix, 1));
        }
        BigInteger n = new BigInteger(m.group(1));
        if (n.abs().compareTo(LONG_MAX) > 0 && !n.equals(LONG_MAX.negate().subtract(BigInteger.ONE))) {
            return Optional.of(new Invalid(prefix + ": Numerical result out of range", 1));
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            return Optional.of(new Invalid(prefix + ": out of range: " + min + " <= value <= " + max, 1));
        }
        return Optional.empty();
    }

    /** fill(): every character a hex digit, or the first that is not is named. */
    private static Optional<Invalid> patternError(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0 || value.charAt(i) > 127) {
                return Optional.of(new Invalid("ping: patterns must be specified as hex digits: "
                        + value.substring(i), 2));
            }
        }
        return Optional.empty();
    }

    /**
     * fill()'s {@code sscanf("%2x" x 16)}: up to sixteen bytes, two digits each, a last lone digit a byte of its
     * own ({@code abc} is 0xab 0x0c), as hex.
     */
    private static String pattern(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 32; i += 2) {
            String two = value.substring(i, Math.min(value.length(), i + 2));
            sb.append(String.format("%02x", Integer.parseInt(two, 16)));
        }
        return sb.toString();
    }

    /** A ping whose {@code -c} asked for more than {@link #MAX_PROBES}: the ping of the cap, and a line saying so. */
    public record Capped(Ping ping, long asked) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            CommandResult result = ping.run(context, ns);
            // a ping refused before it sent anything says only what the real one says
            return result.ping().isEmpty() ? result : result.withNote("ping stops after " + MAX_PROBES
                    + " probes in a lab (-c " + asked + " asked for more)");
        }
    }


    private static Optional<Long> seconds(String s) {
        try {
            double v = Double.parseDouble(s);
            if (!(v >= 0) || v > 1_000_000) {
                return Optional.empty();
            }
            return Optional.of(Math.round(v * 1000));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public CommandResult run(Context context, String ns) {
        if (request.device().isPresent() && context.link(ns, request.device().get()).isEmpty()) {
            return CommandResult.of("ping: SO_BINDTODEVICE " + request.device().get() + ": No such device", 2);
        }
        if (request.ttl().isPresent() && request.ttl().getAsInt() == 0) {
            // the kernel's do_ip_setsockopt takes an IP_TTL of 1 to 255 (or -1) only; iputils reads 0 to 255
            return CommandResult.of("ping: cannot set unicast time-to-live: Invalid argument", 2);
        }
        try {
            PingResult result = context.backend().ping(ns, request);
            int status = PingFormat.exitStatus(result);
            if (display.deadline() && result.received() < Math.max(1, display.asked())) {
                status = 1;
            }
            String host = display.host().isEmpty() ? request.destination().toString() : display.host();
            return new CommandResult(display.warnings() + PingFormat.report(request, result, display.quiet(), host),
                    status, Optional.of(result));
        } catch (KernelException e) {
            if (e.errno() == Errno.EACCES) {
                // iputils explains its refusal to ping a broadcast address without -b in its own words
                return CommandResult.of("ping: Do you want to ping broadcast? Then -b. If not, check your local "
                        + "firewall rules", 2);
            }
            if (e.errno() == Errno.EADDRNOTAVAIL && request.source().isPresent()) {
                return CommandResult.of("ping: bind: " + e.errno().message(), 2);
            }
            return CommandResult.of("ping: connect: " + e.errno().message(), 2);
        }
    }

    static final String USAGE =
            "\n"
            + "Usage\n"
            + "  ping [options] <destination>\n"
            + "\n"
            + "Options:\n"
            + "  <destination>      dns name or ip address\n"
            + "  -a                 use audible ping\n"
            + "  -A                 use adaptive ping\n"
            + "  -B                 sticky source address\n"
            + "  -c <count>         stop after <count> replies\n"
            + "  -C                 call connect() syscall on socket creation\n"
            + "  -D                 print timestamps\n"
            + "  -d                 use SO_DEBUG socket option\n"
            + "  -e <identifier>    define identifier for ping session, default is random for\n"
            + "                     SOCK_RAW and kernel defined for SOCK_DGRAM\n"
            + "                     Imply using SOCK_RAW (for IPv4 only for identifier 0)\n"
            + "  -f                 flood ping\n"
            + "  -h                 print help and exit\n"
            + "  -I <interface>     either interface name or address\n"
            + "  -i <interval>      seconds between sending each packet\n"
            + "  -L                 suppress loopback of multicast packets\n"
            + "  -l <preload>       send <preload> number of packages while waiting replies\n"
            + "  -m <mark>          tag the packets going out\n"
            + "  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n"
            + "  -n                 no dns name resolution\n"
            + "  -O                 report outstanding replies\n"
            + "  -p <pattern>       contents of padding byte\n"
            + "  -q                 quiet output\n"
            + "  -Q <tclass>        use quality of service <tclass> bits\n"
            + "  -s <size>          use <size> as number of data bytes to be sent\n"
            + "  -S <size>          use <size> as SO_SNDBUF socket option value\n"
            + "  -t <ttl>           define time to live\n"
            + "  -U                 print user-to-user latency\n"
            + "  -v                 verbose output\n"
            + "  -V                 print version and exit\n"
            + "  -w <deadline>      reply wait <deadline> in seconds\n"
            + "  -W <timeout>       time to wait for response\n"
            + "\n"
            + "IPv4 options:\n"
            + "  -4                 use IPv4\n"
            + "  -b                 allow pinging broadcast\n"
            + "  -R                 record route\n"
            + "  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n"
            + "\n"
            + "IPv6 options:\n"
            + "  -6                 use IPv6\n"
            + "  -F <flowlabel>     define flow label, default is random\n"
            + "  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument\n"
            + "\n"
            + "For more details see ping(8).\n";
}
