package org.netnslab.core.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.iptables.IptablesExtensions.Refusal;
import org.netnslab.core.iptables.IptablesOptions.Item;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * {@code iptables}, as iptables 1.8.9 (nf_tables) reads its arguments ({@code do_parse} in iptables/xshared.c,
 * with the extensions' parsers) and then does the command ({@code do_commandx} in xtables.c) on what it read of
 * the kernel's tables: the checks iptables makes in its cache (a chain that is not there, a rule number past the
 * end, a rule to delete that no rule equals) are here, what the kernel refuses comes from the backend.
 * {@link IptablesFormat} prints the tables for {@code -L} and {@code -S}.
 */
public final class Iptables {

    static final String IPTABLES = "iptables v1.8.9 (nf_tables): ";
    private static final String IPTABLES_TRY = "Try `iptables -h' or 'iptables --help' for more information.";
    private static final String NO_CHAIN = "iptables: No chain/target/match by that name.";
    private static final String BAD_RULE = "iptables: Bad rule (does a matching rule exist in that chain?).";

    private Iptables() {}

    /** The command of one line: what {@code do_parse} leaves in {@code struct xt_cmd_parse} and the rule. */
    public record Request(
            char command,
            Table table,
            Optional<String> chain,
            Optional<Integer> ruleNumber,
            Optional<String> newName,
            Optional<String> policy,
            Rule rule,
            boolean numeric,
            boolean verbose,
            boolean exact,
            boolean lineNumbers,
            boolean zero) {}

    /** One line of iptables, read; run on the backend as {@code do_commandx} does. */
    public record IptablesCommand(Request request) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            try {
                return Iptables.run(context, ns, request);
            } catch (KernelException e) {
                if (e.errno() != Errno.EOPNOTSUPP) {
                    throw e;
                }
                // a backend that does not do this change of the tables yet says so, not in the kernel's words
                return CommandResult.netnsLab("the " + context.backend().name() + " backend does not do this"
                        + " iptables command yet", 1);
            }
        }
    }

    // ============================================================================================== parse

    /**
     * do_parse: getopt_long over the line, one command with its chain (and the words it takes after it), the
     * rule's matches and target with their extensions' options, then the checks of do_parse's end.
     */
    public static Command parse(List<String> args) {
        try {
            return parseOrRefuse(args);
        } catch (Refusal r) {
            return iptablesError(r.getMessage());
        } catch (Stop s) {
            return s.command;
        }
    }

    /** What stops the parse with a command of its own: an error, or a line outside the lab. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Command command;

        Stop(Command command) {
            super(null, null, false, false);
            this.command = command;
        }
    }

    private static Command parseOrRefuse(List<String> args) throws Refusal, Stop {
        IptablesOptions options = new IptablesOptions(args);
        char command = 0;
        String tableName = "filter";
        Optional<String> chain = Optional.empty();
        Optional<Integer> ruleNumber = Optional.empty();
        Optional<String> newName = Optional.empty();
        Optional<String> policy = Optional.empty();
        boolean numeric = false;
        boolean verbose = false;
        boolean exact = false;
        boolean lineNumbers = false;
        boolean zero = false;
        boolean invert = false;
        Optional<Rule.AddressMatch> source = Optional.empty();
        Optional<Rule.AddressMatch> destination = Optional.empty();
        String sourceText = null;
        String destinationText = null;
        boolean sourceNegated = false;
        boolean destinationNegated = false;
        Optional<Rule.InterfaceMatch> in = Optional.empty();
        Optional<Rule.InterfaceMatch> out = Optional.empty();
        Optional<Rule.ProtocolMatch> protocol = Optional.empty();
        List<Match> matches = new ArrayList<>();
        String target = null;
        Optional<Target> targetValue = Optional.empty();
        TargetOptions targetOptions = null;
        while (options.more()) {
            Item item = options.next();
            switch (item.kind()) {
                case END -> throw new Refusal("unknown option \"--\"");
                case UNKNOWN -> {
                    if (item.word().startsWith("--")) {
                        throw new Refusal("unknown option \"" + item.word() + "\"");
                    }
                    throw new Refusal("unknown option \"" + item.word() + "\"");
                }
                case MISSING_VALUE -> throw new Refusal("option \"" + (item.name().startsWith("--") ? item.name()
                        : "-" + item.name()) + "\" requires an argument");
                case OPERAND -> {
                    if (item.word().equals("!")) {
                        if (invert) {
                            throw new Refusal("multiple consecutive ! not allowed");
                        }
                        invert = true;
                        continue;
                    }
                    throw new Stop(new Invalid("Bad argument `" + item.word() + "'\n" + IPTABLES_TRY, 2));
                }
                case OPTION -> {
                    String o = item.name();
                    String value = item.value().orElse(null);
                    if (o.startsWith("--")) {
                        String name = o.substring(2);
                        if (targetOptions != null && IptablesExtensions.TARGET_OPTIONS.get(target).containsKey(name)) {
                            targetOptions.option(name, value, invert, protocol);
                        } else {
                            matches = matchOption(matches, protocol, name, value, invert, args);
                        }
                        invert = false;
                        continue;
                    }
                    char c = o.charAt(0);
                    switch (c) {
                        case 'A', 'C', 'D', 'R', 'I', 'L', 'S', 'F', 'Z', 'N', 'X', 'E', 'P' -> {
                            if (command == 'L' && c == 'Z' || command == 'Z' && c == 'L') {
                                command = 'L';
                                zero = true;
                                if (c == 'Z') {
                                    continue;
                                }
                            } else if (command != 0) {
                                throw new Refusal("Cannot use -" + c + " with -" + command);
                            }
                            command = c;
                            chain = Optional.ofNullable(value);
                            switch (c) {
                                case 'L', 'S', 'Z', 'F', 'X' -> {
                                    if (chain.isEmpty()) {
                                        chain = options.nextOperand();
                                    }
                                    if (chain.isPresent() && (c == 'L' || c == 'S' || c == 'Z')) {
                                        Optional<String> n = options.nextOperand();
                                        if (n.isPresent()) {
                                            ruleNumber = Optional.of(ruleNumber(n.get()));
                                        }
                                    }
                                }
                                case 'D', 'I' -> {
                                    Optional<String> n = options.nextOperand();
                                    if (n.isPresent()) {
                                        ruleNumber = Optional.of(ruleNumber(n.get()));
                                    }
                                }
                                case 'R' -> {
                                    Optional<String> n = options.nextOperand();
                                    if (n.isEmpty()) {
                                        throw new Refusal("-R requires a rule number");
                                    }
                                    ruleNumber = Optional.of(ruleNumber(n.get()));
                                }
                                case 'E' -> {
                                    newName = options.nextOperand();
                                    if (newName.isEmpty()) {
                                        throw new Refusal("-E requires old-chain-name and new-chain-name");
                                    }
                                    chainName(newName.get());
                                }
                                case 'P' -> {
                                    policy = options.nextOperand();
                                    if (policy.isEmpty()) {
                                        throw new Refusal("-P requires a chain and a policy");
                                    }
                                }
                                case 'N' -> chainName(value);
                                default -> {
                                }
                            }
                        }
                        case 's' -> {
                            if (sourceText != null) {
                                throw new Refusal("multiple -s flags not allowed");
                            }
                            sourceText = value;
                            sourceNegated = invert;
                        }
                        case 'd' -> {
                            if (destinationText != null) {
                                throw new Refusal("multiple -d flags not allowed");
                            }
                            destinationText = value;
                            destinationNegated = invert;
                        }
                        case 'i', 'o' -> {
                            if ((c == 'i' ? in : out).isPresent()) {
                                throw new Refusal("multiple -" + c + " flags not allowed");
                            }
                            Rule.InterfaceMatch m = new Rule.InterfaceMatch(interfaceName(value), invert);
                            if (c == 'i') {
                                in = Optional.of(m);
                            } else {
                                out = Optional.of(m);
                            }
                        }
                        case 'p' -> {
                            if (protocol.isPresent()) {
                                throw new Refusal("multiple -p flags not allowed");
                            }
                            protocol = protocol(value, invert);
                            protocol.ifPresent(p -> protocolExtension(p).ifPresent(
                                    e -> options.load(IptablesExtensions.MATCH_OPTIONS.get(e))));
                        }
                        case 'm' -> {
                            String name = value;
                            if (IptablesExtensions.MATCH_OPTIONS.containsKey(name)) {
                                if ((name.equals("tcp") || name.equals("udp") || name.equals("icmp"))
                                        && !protocolExtension(protocol.orElse(null)).map(name::equals).orElse(false)) {
                                    throw new Refusal(name.toUpperCase() + " match requires '-p " + name + "'");
                                }
                                matches.add(emptyMatch(name, protocol));
                                options.load(IptablesExtensions.MATCH_OPTIONS.get(name));
                            } else if (IptablesExtensions.OTHER_MATCHES.contains(name)) {
                                throw new Stop(new Unsupported("iptables -m " + name, args));
                            } else {
                                throw new Refusal("Couldn't load match `" + name + "':No such file or directory\n");
                            }
                        }
                        case 'j' -> {
                            if (target != null) {
                                throw new Refusal("multiple -j flags not allowed");
                            }
                            target = value;
                            if (IptablesExtensions.TARGET_OPTIONS.containsKey(target)) {
                                targetOptions = new TargetOptions(target);
                                options.load(IptablesExtensions.TARGET_OPTIONS.get(target));
                            } else if (IptablesExtensions.OTHER_TARGETS.contains(target)) {
                                throw new Stop(new Unsupported("iptables -j " + target, args));
                            }
                        }
                        case 'g' -> throw new Stop(new Unsupported("iptables -g", args));
                        case 't' -> {
                            if (invert) {
                                throw new Refusal("unexpected ! flag before --table");
                            }
                            tableName = value;
                        }
                        case 'n' -> numeric = true;
                        case 'v' -> verbose = true;
                        case 'x' -> exact = true;
                        case '0' -> lineNumbers = true;
                        case 'w', 'W', '4' -> {
                        }
                        case 'V' -> throw new Stop(new Invalid(VERSION, 0));
                        case 'h' -> throw new Stop(new Invalid(IptablesHelp.TEXT, 0));
                        default -> throw new Stop(new Unsupported("iptables -" + c, args));
                    }
                    invert = false;
                }
            }
        }
        if (invert) {
            throw new Refusal("unexpected ! at the end of the line");
        }
        if (command == 0) {
            throw new Refusal("no command specified");
        }
        Optional<Table> table = Table.byName(tableName);
        if (table.isEmpty()) {
            if (List.of("mangle", "raw", "security").contains(tableName)) {
                throw new Stop(new Unsupported("iptables -t " + tableName + " (a lab has the filter and nat tables)",
                        args));
            }
            throw new Stop(new Invalid(IPTABLES + "table '" + tableName + "' does not exist\n"
                    + "Perhaps iptables or your kernel needs to be upgraded.", 3));
        }
        if (sourceText != null) {
            source = address(sourceText, sourceNegated);
        }
        if (destinationText != null) {
            destination = address(destinationText, destinationNegated);
        }
        for (Match m : matches) {
            if (m instanceof Match.Comment c && c.text() == null) {
                throw new Refusal("comment: option \"--comment\" must be specified\n");
            }
        }
        matches = matches.stream().filter(m -> !(m instanceof Match.Comment c && c.text() == null)).toList();
        if (targetOptions != null) {
            targetValue = Optional.of(targetOptions.done());
        } else if (target != null) {
            targetValue = Optional.of(switch (target) {
                case "ACCEPT" -> Target.Verdict.ACCEPT;
                case "DROP" -> Target.Verdict.DROP;
                case "RETURN" -> Target.Verdict.RETURN;
                default -> new Target.Jump(target);
            });
        }
        Rule rule = new Rule(source, destination, in, out, protocol, matches, targetValue);
        return new IptablesCommand(new Request(command, table.get(), chain, ruleNumber, newName, policy, rule, numeric,
                verbose, exact, lineNumbers, zero && command == 'L'));
    }

    /** An extension match as {@code -m NAME} loads it, before its options. */
    private static Match emptyMatch(String name, Optional<Rule.ProtocolMatch> protocol) {
        return switch (name) {
            case "tcp" -> new Match.Ports(Rule.ProtocolMatch.TCP, Optional.empty(), Optional.empty());
            case "udp" -> new Match.Ports(Rule.ProtocolMatch.UDP, Optional.empty(), Optional.empty());
            case "icmp" -> new Match.Icmp(0xFF, 0, 0xFF, false);
            case "conntrack" -> new Match.Conntrack(java.util.Set.of(), false);
            case "state" -> new Match.State(java.util.Set.of(), false);
            case "addrtype" -> new Match.Addrtype(Optional.empty(), Optional.empty());
            default -> new Match.Comment(null);
        };
    }

    /** The match of {@code -p tcp|udp|icmp}, loaded without {@code -m}. */
    private static Optional<String> protocolExtension(Rule.ProtocolMatch p) {
        if (p == null || p.negated()) {
            return Optional.empty();
        }
        return switch (p.protocol()) {
            case Rule.ProtocolMatch.TCP -> Optional.of("tcp");
            case Rule.ProtocolMatch.UDP -> Optional.of("udp");
            case Rule.ProtocolMatch.ICMP -> Optional.of("icmp");
            default -> Optional.empty();
        };
    }

    /**
     * An option of a loaded match goes to the last match that has it; a match option of {@code -p}'s extension
     * given without {@code -m} makes that match, as iptables loads it then.
     */
    private static List<Match> matchOption(List<Match> matches, Optional<Rule.ProtocolMatch> protocol, String name,
            String value, boolean invert, List<String> args) throws Refusal, Stop {
        List<Match> ms = new ArrayList<>(matches);
        int at = -1;
        for (int i = ms.size() - 1; i >= 0; i--) {
            if (IptablesExtensions.MATCH_OPTIONS.get(ms.get(i).module()).containsKey(name)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            Optional<String> ext = protocolExtension(protocol.orElse(null));
            if (ext.isEmpty() || !IptablesExtensions.MATCH_OPTIONS.get(ext.get()).containsKey(name)) {
                throw new Refusal("unknown option \"--" + name + "\"");
            }
            ms.add(emptyMatch(ext.get(), protocol));
            at = ms.size() - 1;
        }
        Match m = ms.get(at);
        Match changed;
        if (m instanceof Match.Ports p) {
            if (!List.of("source-port", "sport", "destination-port", "dport").contains(name)) {
                throw new Stop(new Unsupported("iptables --" + name, args));
            }
            changed = IptablesExtensions.portOption(p, name, value, invert);
        } else if (m instanceof Match.Icmp) {
            changed = IptablesExtensions.icmpType(value, invert);
        } else if (m instanceof Match.Conntrack) {
            if (!name.equals("ctstate")) {
                throw new Stop(new Unsupported("iptables -m conntrack --" + name, args));
            }
            changed = new Match.Conntrack(IptablesExtensions.states(value, true), invert);
        } else if (m instanceof Match.State) {
            changed = new Match.State(IptablesExtensions.states(value, false), invert);
        } else if (m instanceof Match.Addrtype a) {
            changed = switch (name) {
                case "src-type" -> new Match.Addrtype(Optional.of(IptablesExtensions.addrTypes(value, invert)),
                        a.destination());
                case "dst-type" -> new Match.Addrtype(a.source(),
                        Optional.of(IptablesExtensions.addrTypes(value, invert)));
                default -> throw new Stop(new Unsupported("iptables -m addrtype --" + name, args));
            };
        } else {
            if (invert) {
                throw new Refusal("comment: unexpected `!' flag");
            }
            changed = new Match.Comment(value.length() > 255 ? value.substring(0, 255) : value);
        }
        ms.set(at, changed);
        return ms;
    }

    /** A target extension's options, read as they come, checked at the end ({@code x6_fcheck}). */
    private static final class TargetOptions {
        final String name;
        Target.RejectWith rejectWith = Target.RejectWith.ICMP_PORT_UNREACHABLE;
        Optional<String> prefix = Optional.empty();
        int level = Target.Log.DEFAULT_LEVEL;
        Target.NatRange range;
        Optional<Match.PortRange> toPorts = Optional.empty();

        TargetOptions(String name) {
            this.name = name;
        }

        void option(String option, String value, boolean invert, Optional<Rule.ProtocolMatch> protocol)
                throws Refusal {
            switch (option) {
                case "reject-with" -> rejectWith = IptablesExtensions.rejectWith(value);
                case "log-prefix" -> prefix = Optional.of(value.length() > 29 ? value.substring(0, 29) : value);
                case "log-level" -> level = IptablesExtensions.logLevel(value);
                case "to-destination", "to-source" -> range = IptablesExtensions.natRange(value, protocol);
                case "to-ports" -> {
                    int dash = value.indexOf('-');
                    Optional<Integer> a = IptablesExtensions.number(dash < 0 ? value : value.substring(0, dash), 65535);
                    Optional<Integer> b = dash < 0 ? a : IptablesExtensions.number(value.substring(dash + 1), 65535);
                    if (a.isEmpty() || b.isEmpty()) {
                        throw new Refusal("Port `" + value + "' not valid\n");
                    }
                    toPorts = Optional.of(new Match.PortRange(a.get(), b.get(), false));
                }
                default -> {
                }
            }
        }

        Target done() throws Refusal {
            return switch (name) {
                case "REJECT" -> new Target.Reject(rejectWith);
                case "LOG" -> new Target.Log(prefix, level);
                case "MASQUERADE" -> new Target.Masquerade(toPorts);
                case "SNAT" -> {
                    if (range == null) {
                        throw new Refusal("SNAT: option \"--to-source\" must be specified\n");
                    }
                    yield new Target.Snat(range);
                }
                default -> {
                    if (range == null) {
                        throw new Refusal("DNAT: option \"--to-destination\" must be specified\n");
                    }
                    yield new Target.Dnat(range);
                }
            };
        }
    }

    /** {@code parse_rulenumber}. */
    private static int ruleNumber(String text) throws Refusal {
        Optional<Integer> n = text.length() < 10 ? IptablesExtensions.number(text.length() > 5 ? "x" : text, 99999)
                .or(() -> text.chars().allMatch(Character::isDigit) && !text.isEmpty() ? Optional.of(Integer.parseInt(text))
                        : Optional.empty()) : Optional.empty();
        if (n.isEmpty() || n.get() < 1) {
            throw new Refusal("Invalid rule number `" + text + "'");
        }
        return n.get();
    }

    /** {@code parse_chain}: what a new chain's name may not be. */
    private static void chainName(String name) throws Refusal {
        if (name.length() >= 29) {
            throw new Refusal("chain name `" + name + "' too long (must be under 29 chars)");
        }
        if (name.startsWith("-") || name.startsWith("!")) {
            throw new Refusal("chain name not allowed to start with `" + name.charAt(0) + "'");
        }
        if (List.of("ACCEPT", "DROP", "RETURN", "QUEUE").contains(name)
                || IptablesExtensions.TARGET_OPTIONS.containsKey(name) || IptablesExtensions.OTHER_TARGETS.contains(name)) {
            throw new Refusal("chain name may not clash with target name");
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw new Refusal("Invalid chain name `" + name + "'");
        }
    }

    /** {@code xtables_parse_interface}. */
    private static String interfaceName(String name) throws Refusal {
        if (name.length() >= 16) {
            throw new Refusal("interface name `" + name + "' must be shorter than IFNAMSIZ (15)");
        }
        return name;
    }

    /** {@code xtables_parse_protocol}: a name (in any case) or a number; {@code all} and 0 are no match. */
    private static Optional<Rule.ProtocolMatch> protocol(String text, boolean negated) throws Refusal {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        Optional<Integer> n = IptablesExtensions.number(t, 255);
        int p;
        if (n.isPresent()) {
            p = n.get();
        } else {
            p = switch (t) {
                case "all" -> 0;
                case "icmp" -> 1;
                case "igmp" -> 2;
                case "tcp" -> 6;
                case "udp" -> 17;
                case "gre" -> 47;
                case "esp" -> 50;
                case "ah" -> 51;
                case "sctp" -> 132;
                default -> throw new Refusal("unknown protocol \"" + text + "\" specified");
            };
        }
        if (p == 0 && !negated) {
            return Optional.empty();
        }
        return Optional.of(new Rule.ProtocolMatch(p, negated));
    }

    /** {@code xtables_ipparse_any}: ADDR or HOST, with /LEN or /MASK; kept as its network. */
    private static Optional<Rule.AddressMatch> address(String text, boolean negated) throws Refusal {
        int slash = text.indexOf('/');
        int length = 32;
        if (slash >= 0) {
            String mask = text.substring(slash + 1);
            Optional<Ipv4Address> dotted = Ipv4Address.tryParse(mask).filter(x -> mask.contains("."));
            if (dotted.isPresent()) {
                int bits = dotted.get().bits();
                length = Integer.bitCount(bits);
                if (bits != (length == 0 ? 0 : -1 << (32 - length))) {
                    throw new Refusal("invalid mask `" + mask + "' specified");
                }
            } else {
                Optional<Integer> n = IptablesExtensions.number(mask, 32);
                if (n.isEmpty() || mask.length() > 2) {
                    throw new Refusal("invalid mask `" + mask + "' specified");
                }
                length = n.get();
            }
        }
        String host = slash >= 0 ? text.substring(0, slash) : text;
        Optional<Ipv4Address> a = Ipv4Address.tryParse(host).or(() -> Names.hostAddress(host).map(Ipv4Address::parse));
        if (a.isEmpty()) {
            throw new Refusal("host/network `" + host + "' not found");
        }
        if (length == 0 && !negated) {
            return Optional.empty();
        }
        return Optional.of(new Rule.AddressMatch(new Ipv4Cidr(a.get(), length).network(), negated));
    }

    private static Command iptablesError(String message) {
        return new Invalid(IPTABLES + message + "\n" + IPTABLES_TRY, 2);
    }

    // ================================================================================================ run

    private static CommandResult run(Context context, String ns, Request r) throws KernelException {
        Optional<NfTable> held = context.backend().netfilter(ns).table(r.table());
        NfTable table = IptablesFormat.withBuiltins(r.table(), held);
        String chainName = r.chain().orElse(null);
        Optional<Chain> chain = r.chain().flatMap(table::chain);
        var backend = context.backend();
        try {
            switch (r.command()) {
                case 'A', 'I', 'R', 'C', 'D' -> {
                    Optional<CommandResult> jump = checkJump(table, r.rule());
                    if (jump.isPresent() && r.command() != 'D') {
                        return jump.get();
                    }
                    if (r.command() == 'C' && r.ruleNumber().isPresent()) {
                        return CommandResult.of("Bad argument `" + r.ruleNumber().get() + "'\n" + IPTABLES_TRY, 2);
                    }
                    if (r.command() == 'D' && r.ruleNumber().isEmpty() || r.command() == 'C') {
                        if (chain.isEmpty()) {
                            return CommandResult.of(BAD_RULE, 1);
                        }
                        List<Chain.RuleEntry> rules = chain.get().rules();
                        for (int i = 0; i < rules.size(); i++) {
                            if (rules.get(i).rule().equals(r.rule())) {
                                if (r.command() == 'D') {
                                    backend.deleteRule(ns, r.table(), chainName, i + 1);
                                }
                                return CommandResult.OK;
                            }
                        }
                        return CommandResult.of(BAD_RULE, 1);
                    }
                    if (chain.isEmpty()) {
                        return CommandResult.of(NO_CHAIN, 1);
                    }
                    int size = chain.get().rules().size();
                    switch (r.command()) {
                        case 'A' -> kernel(() -> backend.appendRule(ns, r.table(), chainName, r.rule()),
                                "RULE_APPEND", "rule in chain " + chainName);
                        case 'I' -> {
                            int n = r.ruleNumber().orElse(1);
                            if (n > size + 1 || (size == 0 && n > 1)) {
                                return CommandResult.of("iptables: Index of insertion too big.", 1);
                            }
                            kernel(() -> backend.insertRule(ns, r.table(), chainName, n, r.rule()), "RULE_INSERT",
                                    "rule in chain " + chainName);
                        }
                        case 'R' -> {
                            int n = r.ruleNumber().orElseThrow();
                            if (n > size) {
                                return CommandResult.of("iptables: Index of replacement too big.", 1);
                            }
                            kernel(() -> backend.replaceRule(ns, r.table(), chainName, n, r.rule()), "RULE_REPLACE",
                                    "rule in chain " + chainName);
                        }
                        default -> {
                            int n = r.ruleNumber().orElseThrow();
                            if (held.flatMap(t -> t.chain(chainName)).isEmpty()) {
                                return CommandResult.of(NO_CHAIN, 1);
                            }
                            if (n > size) {
                                return CommandResult.of("iptables: Index of deletion too big.", 1);
                            }
                            backend.deleteRule(ns, r.table(), chainName, n);
                        }
                    }
                    return CommandResult.OK;
                }
                case 'N' -> {
                    if (chain.isPresent() || r.table().isBuiltin(chainName)) {
                        return CommandResult.of("iptables: Chain already exists.", 1);
                    }
                    kernel(() -> backend.newChain(ns, r.table(), chainName), "CHAIN_USER_ADD", "chain " + chainName);
                    return CommandResult.OK;
                }
                case 'X' -> {
                    if (r.chain().isPresent() && (chain.isEmpty() || chain.get().isBase())) {
                        return CommandResult.of(NO_CHAIN, 1);
                    }
                    List<Chain> doomed = r.chain().isPresent() ? List.of(chain.get())
                            : IptablesFormat.ordered(table).stream().filter(c -> !c.isBase()).toList();
                    if (doomed.isEmpty()) {
                        return CommandResult.OK;
                    }
                    try {
                        backend.deleteChain(ns, r.table(), r.chain());
                    } catch (KernelException e) {
                        String busy = doomed.stream().filter(c -> !c.rules().isEmpty()
                                || IptablesFormat.references(table, c.name()) > 0).map(Chain::name).findFirst()
                                .orElse(doomed.get(0).name());
                        return CommandResult.of(IPTABLES + " CHAIN_DEL failed (" + e.errno().message() + "): chain "
                                + busy, 4);
                    }
                    return CommandResult.OK;
                }
                case 'E' -> {
                    if (chain.isEmpty()) {
                        return CommandResult.of(NO_CHAIN, 1);
                    }
                    if (table.chain(r.newName().orElseThrow()).isPresent()) {
                        return CommandResult.of("iptables: File exists.", 1);
                    }
                    kernel(() -> backend.renameChain(ns, r.table(), chainName, r.newName().orElseThrow()),
                            "CHAIN_RENAME", "chain " + chainName);
                    return CommandResult.OK;
                }
                case 'P' -> {
                    if (!r.table().isBuiltin(chainName)) {
                        return CommandResult.of("iptables: Bad built-in chain name.", 1);
                    }
                    Policy p;
                    try {
                        p = Policy.valueOf(r.policy().orElseThrow());
                    } catch (IllegalArgumentException e) {
                        return CommandResult.of("iptables: Bad policy name. Run `dmesg' for more information.", 1);
                    }
                    kernel(() -> backend.setPolicy(ns, r.table(), chainName, p), "CHAIN_UPDATE", "chain " + chainName);
                    return CommandResult.OK;
                }
                case 'F' -> {
                    if (r.chain().isPresent() && chain.isEmpty()) {
                        return CommandResult.of(NO_CHAIN, 1);
                    }
                    backend.flushChain(ns, r.table(), r.chain());
                    return CommandResult.OK;
                }
                case 'Z' -> {
                    if (r.chain().isPresent() && chain.isEmpty()) {
                        return CommandResult.of(NO_CHAIN, 1);
                    }
                    backend.zeroCounters(ns, r.table(), r.chain(), r.ruleNumber());
                    return CommandResult.OK;
                }
                case 'S' -> {
                    if (r.chain().isPresent() && chain.isEmpty()) {
                        return incompatible(chainName, r.table());
                    }
                    return CommandResult.of(IptablesFormat.listRules(table, r.chain(), r.ruleNumber(), r.verbose()), 0);
                }
                default -> {
                    if (r.chain().isPresent() && chain.isEmpty()) {
                        return incompatible(chainName, r.table());
                    }
                    String listing = IptablesFormat.list(table, r.chain(), r.ruleNumber(), new IptablesFormat.Flags(
                            r.numeric(), r.verbose(), r.exact(), r.lineNumbers()));
                    if (r.zero()) {
                        backend.zeroCounters(ns, r.table(), r.chain(), Optional.empty());
                    }
                    return CommandResult.of(listing, 0);
                }
            }
        } catch (Failed f) {
            return f.result;
        }
    }

    /** A rule's jump to a chain the table does not have: iptables refuses it before it asks the kernel. */
    private static Optional<CommandResult> checkJump(NfTable table, Rule rule) {
        if (rule.target().orElse(null) instanceof Target.Jump j && table.chain(j.chain()).filter(c -> !c.isBase())
                .isEmpty()) {
            return Optional.of(CommandResult.of(IPTABLES + "Chain '" + j.chain() + "' does not exist\n" + IPTABLES_TRY,
                    2));
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface KernelCall {
        void call() throws KernelException;
    }

    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient CommandResult result;

        Failed(CommandResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** A batch the kernel refused, as iptables-nft words it ({@code nft_rule_...: OP failed (ERR): WHAT}). */
    private static void kernel(KernelCall call, String operation, String what) throws Failed, KernelException {
        try {
            call.call();
        } catch (KernelException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                throw e;
            }
            throw new Failed(CommandResult.of(IPTABLES + " " + operation + " failed (" + e.errno().message() + "): "
                    + what, 4));
        }
    }

    /** A chain the table does not have, as iptables-nft words it for -L and -S. */
    private static CommandResult incompatible(String chain, Table table) {
        return CommandResult.of(IPTABLES + "chain `" + chain + "' in table `" + table.iptablesName()
                + "' is incompatible, use 'nft' tool.", 1);
    }

    /** {@code iptables -V}. */
    static final String VERSION = "iptables v1.8.9 (nf_tables)";
}
