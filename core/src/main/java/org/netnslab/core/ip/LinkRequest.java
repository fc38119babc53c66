package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.duparg;
import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.invarg;
import static org.netnslab.core.command.Iproute2.getInteger;
import static org.netnslab.core.command.Iproute2.getUnsigned;
import static org.netnslab.core.command.Iproute2.matches;
import static org.netnslab.core.command.Iproute2.missarg;
import static org.netnslab.core.command.Iproute2.validAltIfname;
import static org.netnslab.core.command.Iproute2.validIfname;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Inet;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.model.NamespaceState;

/**
 * What {@code iplink_parse} (ip/iplink.c) reads of the arguments of {@code ip link add}, {@code set} and
 * {@code delete}, and of a veth's peer: {@code struct iplink_req} and its argument loop. A word is the first
 * of iplink_parse's keywords it equals, or for some the first it is a prefix of; every keyword but the flags
 * takes the next word as its value and checks it as iplink_parse does. Only a word that is no keyword names
 * the device, so a device named after a keyword must be given with {@code dev} or {@code name}:
 * {@code ip link set vf up} gives vf the value "up", which is no number. What the lab does not model is
 * noted, for the subcommand to say once the tool's own checks of the line are done.
 */
final class LinkRequest {

    /** iplink_parse's keywords, in its order; a "+" marks one it matches by prefix ({@code matches()}). */
    private static final List<String> KEYWORDS = List.of("up", "down", "name", "index", "+link", "+address",
            "+broadcast", "brd", "+txqueuelen", "qlen", "+txqlen", "mtu", "xdpgeneric", "xdpdrv", "xdpoffload", "xdp",
            "netns", "multicast", "allmulticast", "promisc", "trailers", "arp", "carrier", "vf", "+master", "vrf",
            "+nomaster", "+dynamic", "+type", "+alias", "group", "mode", "state", "+numtxqueues", "+numrxqueues",
            "+addrgenmode", "+link-netns", "+link-netnsid", "protodown", "protodown_reason", "gso_max_size",
            "gso_max_segs", "gro_max_size", "parentdev");

    /** What the kernel calls the operational states, as ip link set state takes them (in any case). */
    private static final List<String> OPER_STATES = List.of("UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
            "TESTING", "DORMANT", "UP");

    /** The most segments of a GSO packet ({@code GSO_MAX_SEGS}). */
    private static final long GSO_MAX_SEGS = 65535;
    /** The longest alias, with its terminating NUL ({@code IFALIASZ}). */
    private static final int IFALIASZ = 256;

    /** What {@code sscanf("%x")} reads: blanks, a sign, {@code 0x}, hex digits; the rest of the word is left. */
    private static final Pattern HEX = Pattern.compile("(?s)[ \\t\\n\\x0B\\f\\r]*([+-]?)(?:0[xX])?([0-9a-fA-F]+).*");
    /** What {@code atoi} reads: blanks, a sign, decimal digits; the rest of the word is left. */
    private static final Pattern ATOI = Pattern.compile("(?s)[ \\t\\n\\x0B\\f\\r]*([+-]?[0-9]+).*");

    private final boolean create;
    String dev;
    /** Whether the device is the one {@code name} gave, as iplink_parse's pointers {@code dev == name} say. */
    boolean devIsName;
    String name;
    Boolean up;
    String netns;
    Optional<String> master;
    Integer mtu;
    /** The bytes of {@code address}, as ll_addr_a2n read them (4 for a dotted word). */
    byte[] address;
    /** {@code alias TEXT}: the last one given, as the kernel takes the last IFLA_IFALIAS. */
    String alias;
    /** {@code multicast}, {@code arp}, {@code allmulticast}, {@code promisc}: the last value of each. */
    Boolean multicast;
    Boolean noArp;
    Boolean allMulticast;
    Boolean promisc;
    Boolean dynamic;
    Boolean noTrailers;
    Integer txQueueLen;
    String kind;
    Args kindArgs;
    boolean index;
    String link;
    /** The first keyword of the line the lab does not model, if any. */
    String unsupported;
    private final Set<String> given = new HashSet<>();
    private final List<Lookup> lookups = new ArrayList<>();

    LinkRequest(boolean create) {
        this.create = create;
    }

    /** A name the argument loop looks up in the lab's state as it reads it; each must be found, in order. */
    record Lookup(Kind kind, String name) {

        enum Kind {
            /** {@code netns NS}: a namespace of {@code /run/netns}. */
            NETNS,
            /** {@code master DEV}: a device of the namespace. */
            MASTER,
            /** {@code link-netns NS}: a namespace of {@code /run/netns}. */
            LINK_NETNS,
            /** {@code link DEV} of a link made: a device of the namespace, looked up once the loop is done. */
            LINK
        }

        Optional<CommandResult> failure(Context context, String ns) {
            List<String> namespaces = context.backend().namespaces();
            return switch (kind) {
                case NETNS -> namespaces.contains(name) ? Optional.empty() : Optional.of(Ip.invalidNetns(name));
                case LINK_NETNS -> namespaces.contains(name) ? Optional.empty()
                        : Optional.of(invarg("Invalid \"link-netns\" value\n", name).result());
                case MASTER -> context.link(ns, name).isPresent() ? Optional.empty()
                        : Optional.of(invarg("Device does not exist\n", name).result());
                case LINK -> context.link(ns, name).isPresent() ? Optional.empty() : Optional.of(Ip.cannotFind(name));
            };
        }
    }

    /**
     * A command after the names its line looked up, which the real tool looked up while it read the line: the
     * first one missing stops it there, before anything the line goes on to say.
     */
    record AfterLookups(List<Lookup> lookups, Command command) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            for (Lookup lookup : lookups) {
                Optional<CommandResult> failure = lookup.failure(context, ns);
                if (failure.isPresent()) {
                    return failure.get();
                }
            }
            return command.run(context, ns);
        }
    }

    /** The command, after this request's lookups if it has any. */
    Command afterLookups(Command command) {
        return lookups.isEmpty() ? command : new AfterLookups(List.copyOf(lookups), command);
    }

    /** The argument loop: the error that stops the tool in it, if one does. */
    Optional<Invalid> read(Args a) {
        // "type" ends the loop: the words after it are the kind's
        while (a.more() && kind == null) {
            String w = a.next();
            Optional<String> keyword = keyword(w);
            Optional<Invalid> error = keyword.isPresent() ? keyword(keyword.get(), a) : device(w, a);
            if (error.isPresent()) {
                return error;
            }
        }
        return end();
    }

    /** The first keyword the word stands for, in iplink_parse's order. */
    private static Optional<String> keyword(String w) {
        for (String k : KEYWORDS) {
            boolean prefix = k.startsWith("+");
            String keyword = prefix ? k.substring(1) : k;
            if (prefix ? matches(w, keyword) : w.equals(keyword)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    /** A word that is no keyword: the device, after {@code dev} or bare, once. */
    private Optional<Invalid> device(String w, Args a) {
        if (matches(w, "help")) {
            return Optional.of(new Invalid(IpLink.USAGE, 255));
        }
        if (w.equals("dev")) {
            w = a.value();
        }
        if (dev != null && !devIsName) {
            return Optional.of(duparg2("dev", w));
        }
        if (!validAltIfname(w)) {
            return Optional.of(invarg("\"dev\" not a valid ifname", w));
        }
        dev = w;
        devIsName = false;
        return Optional.empty();
    }

    /** One keyword and its value: what the lab models is kept, the rest is checked and noted. */
    private Optional<Invalid> keyword(String keyword, Args a) {
        switch (keyword) {
            case "up", "down" -> up = keyword.equals("up");
            case "nomaster" -> master = Optional.empty();
            case "type" -> {
                kind = a.value();
                kindArgs = new Args(a.rest());
            }
            case "name" -> {
                String v = a.value();
                if (name != null) {
                    return Optional.of(duparg("name", v));
                }
                if (!validIfname(v)) {
                    return Optional.of(invarg("\"name\" not a valid ifname", v));
                }
                name = v;
                if (dev == null) {
                    dev = v;
                    devIsName = true;
                }
            }
            case "netns" -> {
                String v = a.value();
                if (!given.add("netns")) {
                    return Optional.of(duparg("netns", v));
                }
                netns = v;
                lookups.add(new Lookup(Lookup.Kind.NETNS, v));
            }
            case "mtu" -> {
                if (create) {
                    // a link made with an mtu is one the lab does not make yet
                    return outsideTheLab(keyword, a);
                }
                String v = a.value();
                Optional<Invalid> error = once("mtu", v).or(() -> integer("mtu", v));
                if (error.isPresent()) {
                    return error;
                }
                mtu = getInteger(v).orElseThrow().intValue();
            }
            case "address" -> {
                if (create) {
                    return outsideTheLab(keyword, a);
                }
                String v = a.value();
                Optional<Invalid> error = lladdr(v);
                if (error.isPresent()) {
                    return error;
                }
                address = lladdrBytes(v);
            }
            case "multicast", "allmulticast", "promisc", "arp", "dynamic", "trailers" -> {
                if (create) {
                    return outsideTheLab(keyword, a);
                }
                String v = a.value();
                Optional<Invalid> error = onOff(keyword, v);
                if (error.isPresent()) {
                    return error;
                }
                boolean on = v.equals("on");
                switch (keyword) {
                    case "multicast" -> multicast = on;
                    case "allmulticast" -> allMulticast = on;
                    case "promisc" -> promisc = on;
                    case "dynamic" -> dynamic = on;
                    case "trailers" -> noTrailers = !on;
                    default -> noArp = !on;
                }
            }
            case "alias" -> {
                if (create) {
                    return outsideTheLab(keyword, a);
                }
                String v = a.value();
                if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= IFALIASZ) {
                    return Optional.of(invarg("alias too long\n", v));
                }
                alias = v;
            }
            case "txqueuelen", "qlen", "txqlen" -> {
                if (create) {
                    return outsideTheLab(keyword, a);
                }
                String v = a.value();
                Optional<Invalid> error = once("txqueuelen", v).or(() -> integer("txqueuelen", v));
                if (error.isPresent()) {
                    return error;
                }
                txQueueLen = getInteger(v).orElseThrow().intValue();
            }
            case "master" -> {
                String v = a.value();
                master = Optional.of(v);
                lookups.add(new Lookup(Lookup.Kind.MASTER, v));
            }
            default -> {
                return outsideTheLab(keyword, a);
            }
        }
        return Optional.empty();
    }

    /** A keyword the lab does not model: its value read and checked as iplink_parse checks it, then noted. */
    private Optional<Invalid> outsideTheLab(String keyword, Args a) {
        String v = a.value();
        Optional<Invalid> error = switch (keyword) {
            case "index" -> {
                index = true;
                yield once("index", v).or(() -> atoi(v) <= 0
                        ? Optional.of(invarg("Invalid \"index\" value", v)) : Optional.empty());
            }
            case "link" -> {
                link = v;
                yield Optional.empty();
            }
            case "address", "broadcast", "brd" -> lladdr(v);
            case "txqueuelen", "qlen", "txqlen" -> once("txqueuelen", v).or(() -> integer("txqueuelen", v));
            case "mtu", "numtxqueues", "numrxqueues" -> once(keyword, v).or(() -> integer(keyword, v));
            case "xdpgeneric", "xdpdrv", "xdpoffload", "xdp" -> xdp(v, a);
            case "multicast", "allmulticast", "promisc", "trailers", "arp", "dynamic" -> onOff(keyword, v);
            case "carrier", "protodown" -> oneOf(keyword, v);
            case "vf" -> vf(v, a);
            case "vrf" -> Optional.of(invarg("Not a valid VRF name\n", v));
            case "alias" -> v.length() >= IFALIASZ ? Optional.of(invarg("alias too long\n", v)) : Optional.empty();
            case "group" -> once("group", v).or(() -> v.equals("default") || getInteger(v).filter(g -> g >= 0)
                    .isPresent() ? Optional.empty() : Optional.of(invarg("Invalid \"group\" value\n", v)));
            case "mode" -> anyCase(v, List.of("default", "dormant"), "Invalid link mode\n");
            case "state" -> anyCase(v, OPER_STATES, "Invalid operstate\n");
            case "addrgenmode" -> anyCase(v, List.of("eui64", "none", "stable_secret", "random"),
                    "Invalid address generation mode\n");
            case "link-netns" -> once("link-netns/link-netnsid", v).or(() -> {
                lookups.add(new Lookup(Lookup.Kind.LINK_NETNS, v));
                return Optional.empty();
            });
            case "link-netnsid" -> once("link-netns/link-netnsid", v).or(() -> integer("link-netnsid", v));
            case "protodown_reason" -> protodownReason(v, a);
            case "gso_max_size", "gro_max_size" -> getUnsigned(v).isPresent() ? Optional.empty()
                    : Optional.of(invarg("Invalid \"" + keyword + "\" value\n", v));
            case "gso_max_segs" -> getUnsigned(v).filter(n -> n <= GSO_MAX_SEGS).isPresent() ? Optional.empty()
                    : Optional.of(invarg("Invalid \"gso_max_segs\" value\n", v));
            default -> Optional.empty();
        };
        if (error.isEmpty() && unsupported == null) {
            unsupported = keyword;
        }
        return error;
    }

    /** What iplink_parse checks once its loop is done, before the subcommand sends anything. */
    private Optional<Invalid> end() {
        if (index && !create && netns == null) {
            return Optional.of(new Invalid("index can be used only when creating devices or when moving device"
                    + " to another netns.", 255));
        }
        if (!create) {
            return dev == null ? Optional.of(new Invalid("Not enough information: \"dev\" argument is required.", 255))
                    : Optional.empty();
        }
        if (name != null && dev != null && !devIsName && !name.equals(dev)) {
            return Optional.of(new Invalid("both \"name\" and \"dev\" cannot be used when creating devices.", 255));
        }
        if (link != null) {
            lookups.add(new Lookup(Lookup.Kind.LINK, link));
        }
        return Optional.empty();
    }

    /** The link's name: {@code name}, or the device's when no name was given. */
    Optional<String> linkName() {
        return Optional.ofNullable(name != null ? name : dev);
    }

    /** A keyword that iplink_parse takes once ({@code duparg}). */
    private Optional<Invalid> once(String keyword, String value) {
        return given.add(keyword) ? Optional.empty() : Optional.of(duparg(keyword, value));
    }

    private static Optional<Invalid> integer(String keyword, String v) {
        return getInteger(v).isPresent() ? Optional.empty()
                : Optional.of(invarg("Invalid \"" + keyword + "\" value\n", v));
    }

    /** {@code on_off()}: the value is {@code on} or {@code off}, whole; its error ends the tool with 1. */
    private static Optional<Invalid> onOff(String keyword, String v) {
        return v.equals("on") || v.equals("off") ? Optional.empty() : Optional.of(new Invalid(
                "Error: argument of \"" + keyword + "\" must be \"on\" or \"off\", not \"" + v + "\"", 1));
    }

    /** {@code parse_on_off()}: a prefix of {@code off} or {@code on}; its error is {@code -EINVAL}, 22. */
    private static Optional<Invalid> oneOf(String keyword, String v) {
        return matches(v, "off") || matches(v, "on") ? Optional.empty() : Optional.of(new Invalid(
                "Error: argument of \"" + keyword + "\" must be one of \"off\", \"on\", not \"" + v + "\"", 22));
    }

    private static Optional<Invalid> anyCase(String v, List<String> allowed, String message) {
        return allowed.stream().anyMatch(x -> x.equalsIgnoreCase(v)) ? Optional.empty()
                : Optional.of(invarg(message, v));
    }

    /**
     * {@code vf NUM}: a number, and a device named before it; what follows is the virtual function's, which a
     * lab does not model.
     */
    private Optional<Invalid> vf(String v, Args a) {
        if (getInteger(v).isEmpty()) {
            return Optional.of(invarg("Invalid \"vf\" value\n", v));
        }
        if (dev == null) {
            return Optional.of(missarg("dev"));
        }
        a.rest();
        return Optional.empty();
    }

    /**
     * {@code xdp MODE}: {@code off} or {@code none} as the last word, or a mode of the BPF loader
     * (lib/bpf_legacy.c), whose object and section follow; any other word is no mode.
     */
    private static Optional<Invalid> xdp(String v, Args a) {
        boolean off = (v.equals("off") || v.equals("none")) && a.done();
        boolean mode = matches(v, "bytecode") || v.equals("bc") || matches(v, "bytecode-file") || v.equals("bcf")
                || matches(v, "object-file") || v.equals("obj") || matches(v, "object-pinned")
                || matches(v, "pinned") || matches(v, "fd");
        if (!off && !mode) {
            return Optional.of(new Invalid("What mode is \"" + v + "\"?", 255));
        }
        a.rest();
        return Optional.empty();
    }

    /** {@code protodown_reason REASON on|off}: a reason bit from 0 to 31, then on or off. */
    private static Optional<Invalid> protodownReason(String v, Args a) {
        if (getUnsigned(v).filter(bit -> bit < 32).isEmpty()) {
            return Optional.of(invarg("invalid protodown reason\n", v));
        }
        String state = a.value();
        return matches(state, "on") || matches(state, "off") ? Optional.empty() : Optional.of(new Invalid(
                "Error: argument of \"protodown_reason\" must be \"on\" or \"off\", not \"" + state + "\"", 1));
    }

    /**
     * {@code ll_addr_a2n()}: an IPv4 address when the word has a dot, else bytes in hex between colons, each
     * read as {@code sscanf("%x")} reads it and at most 255; the error names the part that is not, and ends
     * the tool with 1.
     */
    private static Optional<Invalid> lladdr(String v) {
        if (v.indexOf('.') >= 0) {
            return Inet.inetAddress(v).isPresent() ? Optional.empty() : Optional.of(invalidLladdr(v));
        }
        for (String part : v.split(":", -1)) {
            Matcher m = HEX.matcher(part);
            BigInteger octet = m.matches() ? new BigInteger(m.group(2), 16) : null;
            if (octet == null || (m.group(1).equals("-") && octet.signum() != 0)
                    || octet.compareTo(BigInteger.valueOf(255)) > 0) {
                return Optional.of(invalidLladdr(part));
            }
        }
        return Optional.empty();
    }

    /** The bytes of a word {@link #lladdr} took. */
    private static byte[] lladdrBytes(String v) {
        if (v.indexOf('.') >= 0) {
            return new byte[4];
        }
        String[] parts = v.split(":", -1);
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Matcher m = HEX.matcher(parts[i]);
            m.matches();
            out[i] = (byte) new BigInteger(m.group(2), 16).intValue();
        }
        return out;
    }

    private static Invalid invalidLladdr(String part) {
        return new Invalid("\"" + part + "\" is invalid lladdr.", 1);
    }

    /** C's {@code atoi}: the number the word starts with, 0 when it starts with none. */
    private static long atoi(String v) {
        Matcher m = ATOI.matcher(v);
        if (!m.matches()) {
            return 0;
        }
        String digits = m.group(1);
        return digits.length() > 12 ? (digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE)
                : Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
    }
}
