package org.netnslab.core.nft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;

/**
 * {@code nft [-a] list ruleset [ip] | tables | table [ip] NAME | chain [ip] TABLE CHAIN}: what nftables 1.0.6
 * prints of the tables iptables-nft made. Its other commands are outside the lab.
 */
public final class Nft {

    private Nft() {}

    /** What to list. */
    enum What {
        RULESET, TABLES, TABLE, CHAIN
    }

    /** One {@code nft list} line, read. */
    public record NftList(What what, Optional<String> table, Optional<String> chain, boolean handles, String line)
            implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            Ruleset rs = context.backend().netfilter(ns);
            StringBuilder sb = new StringBuilder();
            switch (what) {
                case TABLES -> rs.tables().forEach(t -> sb.append("table ip ").append(t.table().iptablesName())
                        .append('\n'));
                case RULESET -> rs.tables().forEach(t -> Nft.table(sb, t, Optional.empty(), handles));
                default -> {
                    Optional<NfTable> t = rs.tables().stream()
                            .filter(x -> x.table().iptablesName().equals(table.orElseThrow())).findFirst();
                    if (t.isEmpty()) {
                        return missing(line, table.get());
                    }
                    if (what == What.CHAIN && t.get().chain(chain.orElseThrow()).isEmpty()) {
                        return missing(line, chain.get());
                    }
                    Nft.table(sb, t.get(), chain, handles);
                }
            }
            return CommandResult.of(sb.toString(), 0);
        }
    }

    /** nft's error for an object that is not there, with carets under its name in the line. */
    private static CommandResult missing(String line, String word) {
        int at = line.lastIndexOf(" " + word) + 1;
        return CommandResult.of("Error: No such file or directory\n" + line + "\n" + " ".repeat(at) + "^".repeat(
                word.length()), 1);
    }

    public static Command parse(List<String> args) {
        List<String> words = new ArrayList<>(args);
        boolean handles = false;
        while (!words.isEmpty() && words.get(0).startsWith("-")) {
            String o = words.remove(0);
            if (o.equals("-a") || o.equals("--handle")) {
                handles = true;
            } else {
                return new Unsupported("nft " + o, args);
            }
        }
        String line = String.join(" ", words);
        if (words.isEmpty() || !words.get(0).equals("list")) {
            return new Unsupported("nft " + line + " (a lab lists what iptables made: nft list ...)", args);
        }
        List<String> rest = new ArrayList<>(words.subList(1, words.size()));
        if (rest.isEmpty()) {
            return new Unsupported("nft list", args);
        }
        String object = rest.remove(0);
        if (!rest.isEmpty() && (rest.get(0).equals("ip") || rest.get(0).equals("inet"))) {
            if (!rest.get(0).equals("ip")) {
                return new Unsupported("nft family " + rest.get(0), args);
            }
            rest.remove(0);
        }
        switch (object) {
            case "ruleset" -> {
                return rest.isEmpty() ? new NftList(What.RULESET, Optional.empty(), Optional.empty(), handles, line)
                        : new Unsupported("nft " + line, args);
            }
            case "tables" -> {
                return rest.isEmpty() ? new NftList(What.TABLES, Optional.empty(), Optional.empty(), handles, line)
                        : new Unsupported("nft " + line, args);
            }
            case "table" -> {
                return rest.size() == 1 ? new NftList(What.TABLE, Optional.of(rest.get(0)), Optional.empty(), handles,
                        line) : new Unsupported("nft " + line, args);
            }
            case "chain" -> {
                return rest.size() == 2 ? new NftList(What.CHAIN, Optional.of(rest.get(0)), Optional.of(rest.get(1)),
                        handles, line) : new Unsupported("nft " + line, args);
            }
            default -> {
                return new Unsupported("nft " + line, args);
            }
        }
    }

    // ============================================================================================== print

    /** A table, or one of its chains, as {@code nft list} prints it, with the warning when iptables-nft owns it. */
    static void table(StringBuilder sb, NfTable t, Optional<String> onlyChain, boolean handles) {
        String name = t.table().iptablesName();
        if (t.chains().stream().flatMap(c -> c.rules().stream()).anyMatch(e -> hasXt(e.rule()))) {
            sb.append("# Warning: table ip ").append(name).append(" is managed by iptables-nft, do not touch!\n");
        }
        sb.append("table ip ").append(name).append(" {").append(handles ? " # handle " + t.handle() : "").append('\n');
        boolean first = true;
        for (Chain c : t.chains()) {
            if (onlyChain.isPresent() && !onlyChain.get().equals(c.name())) {
                continue;
            }
            if (!first) {
                sb.append('\n');
            }
            first = false;
            sb.append("\tchain ").append(c.name()).append(" {").append(handles ? " # handle " + c.handle() : "")
                    .append('\n');
            c.base().ifPresent(b -> sb.append("\t\ttype ").append(t.table() == Table.NAT ? "nat" : "filter")
                    .append(" hook ").append(b.hook().name().toLowerCase(Locale.ROOT)).append(" priority ")
                    .append(priority(t.table(), b)).append("; policy ")
                    .append(b.policy().name().toLowerCase(Locale.ROOT)).append(";\n"));
            for (Chain.RuleEntry e : c.rules()) {
                sb.append("\t\t").append(rule(e)).append(handles ? " # handle " + e.handle() : "").append('\n');
            }
            sb.append("\t}\n");
        }
        sb.append("}\n");
    }

    private static String priority(Table table, Chain.Base b) {
        if (b.priority() == 0) {
            return "filter";
        }
        if (table == Table.NAT && b.hook() == Table.Hook.PREROUTING && b.priority() == -100) {
            return "dstnat";
        }
        if (table == Table.NAT && b.hook() == Table.Hook.POSTROUTING && b.priority() == 100) {
            return "srcnat";
        }
        return String.valueOf(b.priority());
    }

    /** Whether iptables-nft sent part of the rule as an xtables match or target, which nft translates. */
    static boolean hasXt(Rule r) {
        boolean xtMatch = r.matches().stream().anyMatch(m -> !(m instanceof Match.Ports));
        boolean xtTarget = r.target().map(t -> !(t instanceof Target.Verdict) && !(t instanceof Target.Jump))
                .orElse(false);
        return xtMatch || xtTarget;
    }

    /** A rule in nft's words: the IP header's matches, the extensions', the counter, the verdict or statement. */
    static String rule(Chain.RuleEntry e) {
        Rule r = e.rule();
        List<String> parts = new ArrayList<>();
        r.inInterface().ifPresent(i -> parts.add("iifname " + (i.negated() ? "!= " : "") + ifname(i.name())));
        r.outInterface().ifPresent(i -> parts.add("oifname " + (i.negated() ? "!= " : "") + ifname(i.name())));
        boolean portsFirst = !r.matches().isEmpty() && r.matches().get(0) instanceof Match.Ports p
                && (p.sourcePort().isPresent() || p.destinationPort().isPresent()) && !fullRange(p);
        r.protocol().filter(p -> !portsFirst || p.negated())
                .ifPresent(p -> parts.add("meta l4proto " + (p.negated() ? "!= " : "") + protocol(p.protocol())));
        r.source().ifPresent(a -> parts.add("ip saddr " + (a.negated() ? "!= " : "") + cidr(a)));
        r.destination().ifPresent(a -> parts.add("ip daddr " + (a.negated() ? "!= " : "") + cidr(a)));
        for (Match m : r.matches()) {
            parts.add(match(m));
        }
        parts.add("counter packets " + e.counters().packets() + " bytes " + e.counters().bytes());
        r.target().ifPresent(t -> parts.add(target(t)));
        return String.join(" ", parts);
    }

    private static boolean fullRange(Match.Ports p) {
        return p.sourcePort().map(Match.PortRange::all).orElse(true)
                && p.destinationPort().map(Match.PortRange::all).orElse(true);
    }

    private static String ifname(String name) {
        return "\"" + (name.endsWith("+") ? name.substring(0, name.length() - 1) + "*" : name) + "\"";
    }

    private static String cidr(Rule.AddressMatch a) {
        return a.network().prefixLength() == 32 ? a.network().address().toString() : a.network().toString();
    }

    private static String protocol(int p) {
        return switch (p) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 51 -> "ah";
            case 132 -> "sctp";
            default -> String.valueOf(p);
        };
    }

    private static final List<String> ICMP_TYPES = List.of("echo-reply", "", "", "destination-unreachable",
            "source-quench", "redirect", "", "", "echo-request", "router-advertisement", "router-solicitation",
            "time-exceeded", "parameter-problem", "timestamp-request", "timestamp-reply", "info-request", "info-reply",
            "address-mask-request", "address-mask-reply");

    private static String match(Match m) {
        if (m instanceof Match.Ports p) {
            if (fullRange(p)) {
                return "";
            }
            List<String> out = new ArrayList<>();
            p.sourcePort().ifPresent(x -> out.add(p.module() + " sport " + ports(x)));
            p.destinationPort().ifPresent(x -> out.add(p.module() + " dport " + ports(x)));
            return String.join(" ", out);
        }
        if (m instanceof Match.Icmp i) {
            if (i.type() == 0xFF) {
                return "ip protocol icmp";
            }
            if (i.codeMin() != 0 || i.codeMax() != 0xFF || i.type() >= ICMP_TYPES.size()
                    || ICMP_TYPES.get(i.type()).isEmpty()) {
                return "xt match icmp";
            }
            return "icmp type " + (i.negated() ? "!= " : "") + ICMP_TYPES.get(i.type());
        }
        if (m instanceof Match.Conntrack c) {
            if (c.states().contains(Match.CtState.SNAT) || c.states().contains(Match.CtState.DNAT)) {
                return "ct status " + c.states().stream().filter(s -> s == Match.CtState.SNAT || s == Match.CtState.DNAT)
                        .sorted().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
            }
            return "ct state " + (c.negated() ? "! " : "") + states(c.states());
        }
        if (m instanceof Match.State s) {
            return "ct state " + (s.negated() ? "! " : "") + states(s.states());
        }
        if (m instanceof Match.Addrtype a) {
            if (a.source().isPresent()) {
                boolean negated = a.source().get().negated() || a.destination().map(Match.AddrTypes::negated)
                        .orElse(false);
                return "fib saddr type " + (negated ? "!= " : "") + types(a.source().get());
            }
            return a.destination().map(d -> "fib daddr type " + (d.negated() ? "!= " : "") + types(d)).orElse("");
        }
        return "";
    }

    private static String states(java.util.Set<Match.CtState> states) {
        return states.stream().sorted().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static String types(Match.AddrTypes t) {
        return t.types().stream().sorted().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static String ports(Match.PortRange p) {
        if (p.first() == 0 && p.last() != 0) {
            return (p.negated() ? "> " : "<= ") + p.last();
        }
        return (p.negated() ? "!= " : "") + (p.first() == p.last() ? String.valueOf(p.first())
                : p.first() + "-" + p.last());
    }

    private static String target(Target t) {
        if (t instanceof Target.Verdict v) {
            return v.name().toLowerCase(Locale.ROOT);
        }
        if (t instanceof Target.Jump j) {
            return "jump " + j.chain();
        }
        if (t instanceof Target.Reject r) {
            return switch (r.with()) {
                case ICMP_PORT_UNREACHABLE -> "reject";
                case TCP_RESET -> "reject with tcp reset";
                case ICMP_PROTO_UNREACHABLE -> "reject with icmp type prot-unreachable";
                default -> "reject with icmp type " + r.with().iptablesName().substring("icmp-".length());
            };
        }
        if (t instanceof Target.Log l) {
            String[] levels = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};
            return "log" + l.prefix().map(p -> " prefix \"" + p + "\"").orElse("")
                    + (l.level() == Target.Log.DEFAULT_LEVEL ? "" : " level " + levels[l.level()]);
        }
        if (t instanceof Target.Masquerade m) {
            return "masquerade" + m.toPorts().map(p -> " to :" + p.first() + (p.first() == p.last() ? ""
                    : "-" + p.last())).orElse("");
        }
        if (t instanceof Target.Snat s) {
            return "snat to " + range(s.to());
        }
        if (t instanceof Target.Dnat d) {
            return "dnat to " + range(d.to());
        }
        return "";
    }

    private static String range(Target.NatRange r) {
        StringBuilder sb = new StringBuilder(r.first().toString());
        if (!r.last().equals(r.first())) {
            sb.append('-').append(r.last());
        }
        r.ports().ifPresent(p -> sb.append(':').append(p.first()).append(p.first() == p.last() ? "" : "-" + p.last()));
        return sb.toString();
    }
}
