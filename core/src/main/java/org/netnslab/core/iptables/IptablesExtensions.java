package org.netnslab.core.iptables;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.iptables.IptablesOptions.Arg;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.Match.CtState;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;

/**
 * The extensions a lab loads, as their libxt_*.c read their options: the matches tcp, udp, icmp, conntrack, state,
 * addrtype and comment, and the targets REJECT, LOG, MASQUERADE, SNAT and DNAT. A parse error is a
 * {@link Refusal} with iptables' words.
 */
final class IptablesExtensions {

    private IptablesExtensions() {}

    /** An option refused: the words iptables prints before its "Try" line, and whether a blank line follows. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    /** The matches a lab knows and their options. */
    static final Map<String, Map<String, Arg>> MATCH_OPTIONS = Map.of(
            "tcp", Map.of("source-port", Arg.REQUIRED, "sport", Arg.REQUIRED, "destination-port", Arg.REQUIRED,
                    "dport", Arg.REQUIRED, "syn", Arg.NONE, "tcp-flags", Arg.REQUIRED, "tcp-option", Arg.REQUIRED),
            "udp", Map.of("source-port", Arg.REQUIRED, "sport", Arg.REQUIRED, "destination-port", Arg.REQUIRED,
                    "dport", Arg.REQUIRED),
            "icmp", Map.of("icmp-type", Arg.REQUIRED),
            "conntrack", Map.of("ctstate", Arg.REQUIRED, "ctproto", Arg.REQUIRED, "ctorigsrc", Arg.REQUIRED,
                    "ctorigdst", Arg.REQUIRED, "ctreplsrc", Arg.REQUIRED, "ctrepldst", Arg.REQUIRED,
                    "ctstatus", Arg.REQUIRED, "ctexpire", Arg.REQUIRED, "ctdir", Arg.REQUIRED),
            "state", Map.of("state", Arg.REQUIRED),
            "addrtype", Map.of("src-type", Arg.REQUIRED, "dst-type", Arg.REQUIRED, "limit-iface-in", Arg.NONE,
                    "limit-iface-out", Arg.NONE),
            "comment", Map.of("comment", Arg.REQUIRED));

    /** The target extensions a lab knows and their options. */
    static final Map<String, Map<String, Arg>> TARGET_OPTIONS = Map.of(
            "REJECT", Map.of("reject-with", Arg.REQUIRED),
            "LOG", Map.of("log-level", Arg.REQUIRED, "log-prefix", Arg.REQUIRED, "log-tcp-sequence", Arg.NONE,
                    "log-tcp-options", Arg.NONE, "log-ip-options", Arg.NONE, "log-uid", Arg.NONE,
                    "log-macdecode", Arg.NONE),
            "MASQUERADE", Map.of("to-ports", Arg.REQUIRED, "random", Arg.NONE, "random-fully", Arg.NONE),
            "SNAT", Map.of("to-source", Arg.REQUIRED, "random", Arg.NONE, "random-fully", Arg.NONE,
                    "persistent", Arg.NONE),
            "DNAT", Map.of("to-destination", Arg.REQUIRED, "random", Arg.NONE, "persistent", Arg.NONE));

    /**
     * Target extensions Debian's iptables has besides those: a chain may not be named after them, and a rule
     * that jumps to one is outside the lab.
     */
    static final Set<String> OTHER_TARGETS = Set.of("AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK",
            "CONNSECMARK", "CT", "DSCP", "ECN", "HMARK", "IDLETIMER", "LED", "MARK", "NETMAP", "NFLOG", "NFQUEUE",
            "NOTRACK", "RATEEST", "REDIRECT", "SECMARK", "SET", "SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS",
            "TPROXY", "TRACE", "TTL", "ULOG", "QUEUE");

    /** Matches Debian's iptables has that a lab does not model. */
    static final Set<String> OTHER_MATCHES = Set.of("multiport", "mark", "connmark", "limit", "mac", "iprange",
            "physdev", "owner", "set", "string", "length", "ttl", "tos", "dscp", "recent", "hashlimit", "pkttype",
            "policy", "connlimit", "statistic", "time", "u32", "sctp", "esp", "ah", "helper", "quota", "rpfilter",
            "socket", "devgroup", "cgroup", "cpu", "ecn", "realm", "nfacct", "bpf", "cluster", "connbytes",
            "connlabel", "dccp", "hl", "ipcomp", "ipvs", "osf", "tcpmss", "udplite");

    /** {@code xtables_parse_port}: a number from 0 to 65535 or a service of the protocol. */
    static int port(String text, String protocol) throws Refusal {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 5) {
            int p = Integer.parseInt(text);
            if (p <= 65535) {
                return p;
            }
        }
        return Names.port(text, protocol).orElseThrow(() -> new Refusal("invalid port/service `" + text + "' specified"));
    }

    /** {@code parse_ports}: {@code PORT}, {@code PORT:PORT}, {@code :PORT}, {@code PORT:}. */
    static Match.PortRange ports(String text, String protocol, boolean negated) throws Refusal {
        int colon = text.indexOf(':');
        if (colon < 0) {
            int p = port(text, protocol);
            return new Match.PortRange(p, p, negated);
        }
        String a = text.substring(0, colon);
        String b = text.substring(colon + 1);
        int first = a.isEmpty() ? 0 : port(a, protocol);
        int last = b.isEmpty() ? 65535 : port(b, protocol);
        if (first > last) {
            throw new Refusal("invalid portrange (min > max)");
        }
        return new Match.PortRange(first, last, negated);
    }

    /** libxt_tcp/udp: one {@code --sport} and one {@code --dport}. */
    static Match.Ports portOption(Match.Ports m, String option, String value, boolean negated) throws Refusal {
        String proto = m.module();
        boolean source = option.equals("source-port") || option.equals("sport");
        if (source) {
            if (m.sourcePort().isPresent()) {
                throw new Refusal("Only one `--source-port' allowed");
            }
            return new Match.Ports(m.protocol(), Optional.of(ports(value, proto, negated)), m.destinationPort());
        }
        if (m.destinationPort().isPresent()) {
            throw new Refusal("Only one `--destination-port' allowed");
        }
        return new Match.Ports(m.protocol(), m.sourcePort(), Optional.of(ports(value, proto, negated)));
    }

    /** An ICMP type by its name, as libipt_icmp's table has them. */
    record IcmpName(String name, int type, int codeMin, int codeMax) {}

    static final List<IcmpName> ICMP_NAMES = List.of(
            new IcmpName("any", 0xFF, 0, 0xFF),
            new IcmpName("echo-reply", 0, 0, 0xFF),
            new IcmpName("destination-unreachable", 3, 0, 0xFF),
            new IcmpName("network-unreachable", 3, 0, 0),
            new IcmpName("host-unreachable", 3, 1, 1),
            new IcmpName("protocol-unreachable", 3, 2, 2),
            new IcmpName("port-unreachable", 3, 3, 3),
            new IcmpName("fragmentation-needed", 3, 4, 4),
            new IcmpName("source-route-failed", 3, 5, 5),
            new IcmpName("network-unknown", 3, 6, 6),
            new IcmpName("host-unknown", 3, 7, 7),
            new IcmpName("network-prohibited", 3, 9, 9),
            new IcmpName("host-prohibited", 3, 10, 10),
            new IcmpName("TOS-network-unreachable", 3, 11, 11),
            new IcmpName("TOS-host-unreachable", 3, 12, 12),
            new IcmpName("communication-prohibited", 3, 13, 13),
            new IcmpName("host-precedence-violation", 3, 14, 14),
            new IcmpName("precedence-cutoff", 3, 15, 15),
            new IcmpName("source-quench", 4, 0, 0xFF),
            new IcmpName("redirect", 5, 0, 0xFF),
            new IcmpName("network-redirect", 5, 0, 0),
            new IcmpName("host-redirect", 5, 1, 1),
            new IcmpName("TOS-network-redirect", 5, 2, 2),
            new IcmpName("TOS-host-redirect", 5, 3, 3),
            new IcmpName("echo-request", 8, 0, 0xFF),
            new IcmpName("router-advertisement", 9, 0, 0xFF),
            new IcmpName("router-solicitation", 10, 0, 0xFF),
            new IcmpName("time-exceeded", 11, 0, 0xFF),
            new IcmpName("ttl-zero-during-transit", 11, 0, 0),
            new IcmpName("ttl-zero-during-reassembly", 11, 1, 1),
            new IcmpName("parameter-problem", 12, 0, 0xFF),
            new IcmpName("ip-header-bad", 12, 0, 0),
            new IcmpName("required-option-missing", 12, 1, 1),
            new IcmpName("timestamp-request", 13, 0, 0xFF),
            new IcmpName("timestamp-reply", 14, 0, 0xFF),
            new IcmpName("address-mask-request", 17, 0, 0xFF),
            new IcmpName("address-mask-reply", 18, 0, 0xFF),
            new IcmpName("pong", 0, 0, 0xFF),
            new IcmpName("ping", 8, 0, 0xFF),
            new IcmpName("ttl-exceeded", 11, 0, 0xFF));

    /** {@code parse_icmp}: a name (or a unique start of one), or {@code TYPE[/CODE]}. */
    static Match.Icmp icmpType(String text, boolean negated) throws Refusal {
        IcmpName found = null;
        for (IcmpName n : ICMP_NAMES) {
            if (n.name().equals(text)) {
                found = n;
                break;
            }
        }
        if (found == null) {
            int matches = 0;
            for (IcmpName n : ICMP_NAMES) {
                if (n.name().startsWith(text)) {
                    if (found == null || found.type() != n.type() || found.codeMin() != n.codeMin()) {
                        matches++;
                    }
                    found = n;
                }
            }
            if (matches > 1) {
                throw new Refusal("Ambiguous ICMP type `" + text + "': `" + found.name() + "' or ...?");
            }
        }
        if (found != null && !text.isEmpty()) {
            return new Match.Icmp(found.type(), found.codeMin(), found.codeMax(), negated);
        }
        String[] parts = text.split("/", -1);
        Optional<Integer> type = number(parts[0], 255);
        if (type.isEmpty() || parts.length > 2) {
            throw new Refusal("Unknown ICMP type `" + text + "'");
        }
        if (parts.length == 1) {
            return new Match.Icmp(type.get(), 0, 0xFF, negated);
        }
        Optional<Integer> code = number(parts[1], 255);
        if (code.isEmpty()) {
            throw new Refusal("Invalid ICMP code `" + parts[1] + "'");
        }
        return new Match.Icmp(type.get(), code.get(), code.get(), negated);
    }

    static Optional<Integer> number(String text, int max) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int n = Integer.parseInt(text);
        return n <= max ? Optional.of(n) : Optional.empty();
    }

    /** {@code --ctstate} and {@code --state}: a list of states, separated by commas. */
    static Set<CtState> states(String text, boolean conntrack) throws Refusal {
        EnumSet<CtState> states = EnumSet.noneOf(CtState.class);
        for (String s : text.split(",", -1)) {
            Optional<CtState> st = stateByName(s, conntrack);
            if (st.isEmpty()) {
                throw new Refusal((conntrack ? "Bad ctstate \"" : "Bad state \"") + s + "\"");
            }
            states.add(st.get());
        }
        return states;
    }

    private static Optional<CtState> stateByName(String name, boolean conntrack) {
        for (CtState s : CtState.values()) {
            if (s.name().equalsIgnoreCase(name) && (conntrack || s.ordinal() <= CtState.UNTRACKED.ordinal())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** {@code --src-type} and {@code --dst-type}: address types, separated by commas. */
    static Match.AddrTypes addrTypes(String text, boolean negated) throws Refusal {
        EnumSet<Match.AddrType> types = EnumSet.noneOf(Match.AddrType.class);
        for (String s : text.split(",", -1)) {
            Match.AddrType found = null;
            for (Match.AddrType t : Match.AddrType.values()) {
                if (t.name().equalsIgnoreCase(s)) {
                    found = t;
                }
            }
            if (found == null) {
                throw new Refusal("addrtype: bad type \"" + s + "\"");
            }
            types.add(found);
        }
        return new Match.AddrTypes(types, negated);
    }

    /** {@code --reject-with}: iptables' names, and the short ones it also reads. */
    static Target.RejectWith rejectWith(String text) throws Refusal {
        for (Target.RejectWith w : Target.RejectWith.values()) {
            String n = w.iptablesName();
            String shortName = n.replace("icmp-", "").replace("-unreachable", "-unreach");
            if (n.equals(text) || shortName.equals(text) || (w == Target.RejectWith.TCP_RESET && text.equals("tcp-rst"))) {
                return w;
            }
        }
        throw new Refusal("unknown reject type \"" + text + "\"");
    }

    /** {@code --log-level}: a number from 0 to 7, or a syslog level's name. */
    static int logLevel(String text) throws Refusal {
        Map<String, Integer> names = Map.of("alert", 1, "crit", 2, "debug", 7, "emerg", 0, "error", 3, "info", 6,
                "notice", 5, "panic", 0, "warning", 4);
        Optional<Integer> n = number(text, 7);
        if (n.isPresent()) {
            return n.get();
        }
        Integer named = names.get(text.toLowerCase(Locale.ROOT));
        if (named == null) {
            throw new Refusal("log level \"" + text + "\" unknown\n");
        }
        return named;
    }

    /**
     * {@code --to-destination} and {@code --to-source}: {@code ADDR[-ADDR][:PORT[-PORT]]}; ports need the rule's
     * protocol to be TCP or UDP.
     */
    static Target.NatRange natRange(String text, Optional<Rule.ProtocolMatch> protocol) throws Refusal {
        String addresses = text;
        Optional<Match.PortRange> ports = Optional.empty();
        int colon = text.indexOf(':');
        if (colon >= 0) {
            addresses = text.substring(0, colon);
            String p = text.substring(colon + 1);
            boolean portsOk = protocol.filter(x -> !x.negated()
                    && (x.protocol() == Rule.ProtocolMatch.TCP || x.protocol() == Rule.ProtocolMatch.UDP)).isPresent();
            if (!portsOk) {
                throw new Refusal("Need TCP, UDP, SCTP or DCCP with port specification");
            }
            int dash = p.indexOf('-');
            Optional<Integer> a = number(dash < 0 ? p : p.substring(0, dash), 65535);
            Optional<Integer> b = dash < 0 ? a : number(p.substring(dash + 1), 65535);
            if (a.isEmpty() || a.get() == 0) {
                throw new Refusal("Port `" + (dash < 0 ? p : p.substring(0, dash)) + "' not valid\n");
            }
            if (b.isEmpty() || b.get() == 0) {
                throw new Refusal("Port `" + p.substring(dash + 1) + "' not valid\n");
            }
            if (b.get() < a.get()) {
                throw new Refusal("Port range `" + p + "' is invalid\n");
            }
            ports = Optional.of(new Match.PortRange(a.get(), b.get(), false));
        }
        int dash = addresses.indexOf('-');
        String first = dash < 0 ? addresses : addresses.substring(0, dash);
        String last = dash < 0 ? addresses : addresses.substring(dash + 1);
        Optional<Ipv4Address> f = Ipv4Address.tryParse(first);
        if (f.isEmpty()) {
            throw new Refusal("Bad IP address \"" + first + "\"");
        }
        Optional<Ipv4Address> l = Ipv4Address.tryParse(last);
        if (l.isEmpty()) {
            throw new Refusal("Bad IP address \"" + last + "\"");
        }
        return new Target.NatRange(f.get(), l.get(), ports);
    }
}
