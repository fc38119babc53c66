package org.netnslab.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NftBatch;
import org.netnslab.kernel.netlink.NftChain;
import org.netnslab.kernel.netlink.NftExpr;
import org.netnslab.kernel.netlink.NftRule;
import org.netnslab.kernel.netlink.NftTable;
import org.netnslab.kernel.netlink.XtMatch;
import org.netnslab.kernel.netlink.XtMatch.Neg;
import org.netnslab.kernel.netlink.XtRule;
import org.netnslab.kernel.netlink.XtTarget;
import org.netnslab.kernel.sys.NetlinkSocket;

/**
 * The iptables commands over nf_tables, one batch each, as iptables-nft 1.8.9 sends them: it first reads the
 * table (its cache), then makes what is missing (the table, a built-in chain on first use) and does the
 * command, so that the real {@code iptables} and {@code nft} read the same rules back. What the kernel
 * refuses comes back as its errno ({@code EBUSY} for a chain still referenced, {@code EEXIST},
 * {@code ENOENT}, {@code ELOOP}, {@code EINVAL} for a target in the wrong chain).
 */
final class Netfilter {

    private static final int FAMILY = Family.NFPROTO_IPV4;

    private Netfilter() {}

    /** What iptables-nft reads before a command: one table's chains and rules, as the kernel dumps them. */
    record Cache(int genid, boolean exists, List<NftChain> chains, Map<String, List<NftRule>> rules) {

        Optional<NftChain> chain(String name) {
            return chains.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        List<NftRule> rules(String chain) {
            return rules.getOrDefault(chain, List.of());
        }
    }

    static Cache cache(NetlinkSocket s, Table table) throws KernelException {
        int genid = NftBatch.generation(NetlinkCalls.get(s, NftBatch::getGeneration));
        String name = table.iptablesName();
        boolean exists = NetlinkCalls.dump(s, seq -> NftTable.dump(seq, FAMILY)).stream().map(NftTable::parse)
                .anyMatch(t -> t.name().equals(name));
        return exists ? load(s, genid, name) : new Cache(genid, false, List.of(), Map.of());
    }

    private static Cache load(NetlinkSocket s, int genid, String name) throws KernelException {
        List<NftChain> chains = new ArrayList<>();
        for (Message m : NetlinkCalls.dump(s, seq -> NftChain.dump(seq, FAMILY, name))) {
            NftChain c = NftChain.parse(m);
            if (c.table().equals(name)) {
                chains.add(c);
            }
        }
        Map<String, List<NftRule>> rules = new LinkedHashMap<>();
        for (Message m : NetlinkCalls.dump(s, seq -> NftRule.dump(seq, FAMILY, name))) {
            NftRule r = NftRule.parse(m);
            if (r.table().equals(name)) {
                rules.computeIfAbsent(r.chain(), k -> new ArrayList<>()).add(r);
            }
        }
        return new Cache(genid, true, List.copyOf(chains), rules);
    }

    /** {@code nft list ruleset}, the iptables tables of it, in the kernel's order. */
    static Ruleset read(NetlinkSocket s) throws KernelException {
        List<NfTable> tables = new ArrayList<>();
        for (Message m : NetlinkCalls.dump(s, seq -> NftTable.dump(seq, FAMILY))) {
            NftTable t = NftTable.parse(m);
            Optional<Table> table = Table.byName(t.name());
            if (table.isEmpty()) {
                continue;
            }
            Cache c = load(s, 0, t.name());
            List<Chain> chains = new ArrayList<>();
            for (NftChain chain : c.chains()) {
                if (chain.hook().filter(h -> h < 0 || h >= Table.Hook.values().length).isPresent()) {
                    continue;
                }
                List<Chain.RuleEntry> entries = new ArrayList<>();
                for (NftRule r : c.rules(chain.name())) {
                    Optional<Rule> rule = XtRule.parse(r.expressions()).flatMap(Netfilter::rule);
                    NftExpr.Counter n = XtRule.counter(r.expressions());
                    rule.ifPresent(x -> entries.add(new Chain.RuleEntry(x, new Counters(n.packets(), n.bytes()),
                            r.handle())));
                }
                Counters counters = chain.counters().map(n -> new Counters(n.packets(), n.bytes())).orElse(Counters.ZERO);
                Optional<Chain.Base> base = chain.hook().map(h -> new Chain.Base(Table.Hook.values()[h],
                        chain.priority().orElse(0),
                        chain.policy().orElse(NftChain.NF_ACCEPT) == NftChain.NF_DROP ? Policy.DROP : Policy.ACCEPT));
                chains.add(new Chain(chain.name(), chain.handle(), base, counters, entries));
            }
            tables.add(new NfTable(table.get(), t.handle(), chains));
        }
        return new Ruleset(tables);
    }

    // ------------------------------------------------------------------------------------------ commands

    /** {@code iptables -t TABLE -A CHAIN RULE}. */
    static void append(NetlinkSocket s, Table table, String chain, Rule rule) throws KernelException {
        XtRule xt = xt(rule);
        Cache c = cache(s, table);
        send(s, c, b -> ensure(b, c, table, chain).appendRule(table.iptablesName(), chain, xt));
    }

    /** {@code iptables -t TABLE -I CHAIN [POSITION] RULE}: before the rule there, or last when one past the end. */
    static void insert(NetlinkSocket s, Table table, String chain, int position, Rule rule) throws KernelException {
        XtRule xt = xt(rule);
        Cache c = cache(s, table);
        List<NftRule> rules = c.rules(chain);
        if (position < 1 || position > rules.size() + 1) {
            throw new KernelException(Errno.ENOENT);
        }
        if (position > 1 && position == rules.size() + 1) {
            send(s, c, b -> ensure(b, c, table, chain).appendRule(table.iptablesName(), chain, xt));
            return;
        }
        Optional<Long> before = position == 1 ? Optional.empty() : Optional.of(rules.get(position - 1).handle());
        send(s, c, b -> ensure(b, c, table, chain).insertRule(table.iptablesName(), chain, before, xt));
    }

    /** {@code iptables -t TABLE -R CHAIN POSITION RULE}. */
    static void replace(NetlinkSocket s, Table table, String chain, int position, Rule rule) throws KernelException {
        XtRule xt = xt(rule);
        Cache c = cache(s, table);
        NftRule old = at(c, chain, position);
        send(s, c, b -> b.replaceRule(table.iptablesName(), chain, old.handle(), xt));
    }

    /** {@code iptables -t TABLE -D CHAIN POSITION}: the rule there, as the dump told it. */
    static void delete(NetlinkSocket s, Table table, String chain, int position) throws KernelException {
        Cache c = cache(s, table);
        NftRule old = at(c, chain, position);
        send(s, c, b -> b.deleteRule(old));
    }

    /** {@code iptables -t TABLE -N CHAIN}: the table made if it is missing; the kernel refuses a name taken. */
    static void newChain(NetlinkSocket s, Table table, String chain) throws KernelException {
        Cache c = cache(s, table);
        send(s, c, b -> {
            if (!c.exists()) {
                b.addTable(table.iptablesName());
            }
            return b.addUserChain(table.iptablesName(), chain);
        });
    }

    /**
     * {@code iptables -t TABLE -X [CHAIN]}: the chain; without one, every user chain and every built-in chain
     * left as it was made (policy accept, no rules), as iptables-nft cleans up. The kernel says which is busy.
     */
    static void deleteChain(NetlinkSocket s, Table table, Optional<String> chain) throws KernelException {
        Cache c = cache(s, table);
        List<NftChain> doomed = new ArrayList<>();
        if (chain.isPresent()) {
            doomed.add(c.chain(chain.get()).orElseThrow(() -> new KernelException(Errno.ENOENT)));
        } else {
            for (NftChain ch : c.chains()) {
                if (!ch.base() || (ch.policy().orElse(NftChain.NF_ACCEPT) == NftChain.NF_ACCEPT
                        && c.rules(ch.name()).isEmpty())) {
                    doomed.add(ch);
                }
            }
        }
        send(s, c, b -> {
            doomed.forEach(b::deleteChain);
            return b;
        });
    }

    /** {@code iptables -t TABLE -E CHAIN NEW}: by the chain's handle. */
    static void rename(NetlinkSocket s, Table table, String chain, String newName) throws KernelException {
        Cache c = cache(s, table);
        NftChain old = c.chain(chain).orElseThrow(() -> new KernelException(Errno.ENOENT));
        if (c.chain(newName).isPresent()) {
            throw new KernelException(Errno.EEXIST);
        }
        send(s, c, b -> b.renameChain(table.iptablesName(), old.handle(), newName));
    }

    /** {@code iptables -t TABLE -P CHAIN POLICY}: the built-in chain made first if it is missing. */
    static void policy(NetlinkSocket s, Table table, String chain, Policy policy) throws KernelException {
        Table.BuiltinChain builtin = table.builtin(chain).orElseThrow(() -> new KernelException(Errno.ENOENT));
        Cache c = cache(s, table);
        int verdict = policy == Policy.DROP ? NftChain.NF_DROP : NftChain.NF_ACCEPT;
        send(s, c, b -> ensure(b, c, table, chain).setPolicy(table.iptablesName(), chain, builtin.hook().ordinal(),
                builtin.priority(), verdict, table.iptablesName()));
    }

    /** {@code iptables -t TABLE -F [CHAIN]}; nothing to do for a table or built-in chain not made yet. */
    static void flush(NetlinkSocket s, Table table, Optional<String> chain) throws KernelException {
        Cache c = cache(s, table);
        if (!c.exists()) {
            if (chain.isPresent() && !table.isBuiltin(chain.get())) {
                throw new KernelException(Errno.ENOENT);
            }
            return;
        }
        if (chain.isEmpty()) {
            send(s, c, b -> b.flushTable(table.iptablesName()));
        } else if (c.chain(chain.get()).isPresent()) {
            send(s, c, b -> b.flushChain(table.iptablesName(), chain.get()));
        } else if (!table.isBuiltin(chain.get())) {
            throw new KernelException(Errno.ENOENT);
        }
    }

    /**
     * {@code iptables -t TABLE -Z [CHAIN [POSITION]]}: each built-in chain's policy counters at zero, then each
     * rule that counted something replaced by itself with its counter at zero, chain by chain.
     */
    static void zero(NetlinkSocket s, Table table, Optional<String> chain, Optional<Integer> position)
            throws KernelException {
        Cache c = cache(s, table);
        if (position.isPresent()) {
            NftRule r = at(c, chain.orElseThrow(), position.get());
            send(s, c, b -> b.zeroRule(r));
            return;
        }
        List<NftChain> chains = new ArrayList<>();
        if (chain.isPresent()) {
            c.chain(chain.get()).ifPresent(chains::add);
            if (chains.isEmpty() && !table.isBuiltin(chain.get())) {
                throw new KernelException(Errno.ENOENT);
            }
        } else {
            chains.addAll(c.chains());
        }
        send(s, c, b -> {
            for (NftChain ch : chains) {
                if (ch.base()) {
                    b.zeroChain(ch);
                }
                for (NftRule r : c.rules(ch.name())) {
                    NftExpr.Counter n = XtRule.counter(r.expressions());
                    if (n.packets() != 0 || n.bytes() != 0) {
                        b.zeroRule(r);
                    }
                }
            }
            return b;
        });
    }

    private static NftRule at(Cache c, String chain, int position) throws KernelException {
        List<NftRule> rules = c.rules(chain);
        if (position < 1 || position > rules.size()) {
            throw new KernelException(Errno.ENOENT);
        }
        return rules.get(position - 1);
    }

    /** The table and the built-in chain, made as iptables-nft makes them when a command first needs them. */
    private static NftBatch ensure(NftBatch b, Cache c, Table table, String chain) {
        if (!c.exists()) {
            b.addTable(table.iptablesName());
        }
        Optional<Table.BuiltinChain> builtin = table.builtin(chain);
        if (builtin.isPresent() && c.chain(chain).isEmpty()) {
            b.addBaseChain(table.iptablesName(), chain, builtin.get().hook().ordinal(), builtin.get().priority(),
                    table.iptablesName());
        }
        return b;
    }

    private interface Build {
        NftBatch build(NftBatch b);
    }

    /** The batch, begun with the generation the cache was read at, as iptables-nft begins it; none if empty. */
    private static void send(NetlinkSocket s, Cache c, Build build) throws KernelException {
        NftBatch probe = build.build(new NftBatch(0, FAMILY));
        if (probe.isEmpty()) {
            return;
        }
        NetlinkCalls.batch(s, seq -> build.build(new NftBatch(seq, FAMILY, Optional.of(c.genid()))));
    }

    // ------------------------------------------------------------------------------------------ the model

    /** The port's rule as iptables-nft lays it out. */
    static XtRule xt(Rule r) {
        List<XtMatch> matches = new ArrayList<>();
        for (Match m : r.matches()) {
            matches.add(xt(m));
        }
        return new XtRule(
                r.inInterface().map(i -> new Neg<>(i.negated(), i.name())),
                r.outInterface().map(o -> new Neg<>(o.negated(), o.name())),
                r.protocol().map(p -> new Neg<>(p.negated(), p.protocol())),
                r.source().filter(a -> a.network().prefixLength() > 0)
                        .map(a -> new Neg<>(a.negated(), a.network().network())),
                r.destination().filter(a -> a.network().prefixLength() > 0)
                        .map(a -> new Neg<>(a.negated(), a.network().network())),
                matches,
                r.target().map(Netfilter::xt).orElse(new XtTarget.None()));
    }

    private static XtMatch xt(Match m) {
        if (m instanceof Match.Ports p) {
            return new XtMatch.Ports(p.protocol(), p.sourcePort().map(Netfilter::xt), p.destinationPort().map(Netfilter::xt));
        }
        if (m instanceof Match.Icmp i) {
            return new XtMatch.Icmp(i.type(), i.codeMin(), i.codeMax(), i.negated());
        }
        if (m instanceof Match.Conntrack c) {
            return new XtMatch.Conntrack(mask(c.states()), c.negated(), false);
        }
        if (m instanceof Match.State st) {
            return new XtMatch.Conntrack(mask(st.states()), st.negated(), true);
        }
        if (m instanceof Match.Addrtype a) {
            return new XtMatch.AddrType(a.source().map(t -> typeMask(t.types())).orElse(0),
                    a.destination().map(t -> typeMask(t.types())).orElse(0),
                    a.source().map(Match.AddrTypes::negated).orElse(false),
                    a.destination().map(Match.AddrTypes::negated).orElse(false));
        }
        Match.Comment c = (Match.Comment) m;
        return new XtMatch.Comment(c.text());
    }

    private static Neg<XtMatch.PortRange> xt(Match.PortRange p) {
        return new Neg<>(p.negated(), new XtMatch.PortRange(p.first(), p.last()));
    }

    private static XtTarget xt(Target t) {
        if (t instanceof Target.Verdict v) {
            return switch (v) {
                case ACCEPT -> XtTarget.Verdict.ACCEPT;
                case DROP -> XtTarget.Verdict.DROP;
                case RETURN -> XtTarget.Verdict.RETURN;
            };
        }
        if (t instanceof Target.Jump j) {
            return new XtTarget.Jump(j.chain(), false);
        }
        if (t instanceof Target.Reject r) {
            return new XtTarget.Reject(rejectWith(r.with()));
        }
        if (t instanceof Target.Log l) {
            return new XtTarget.Log(l.level(), 0, l.prefix().orElse(""));
        }
        if (t instanceof Target.Masquerade m) {
            return m.toPorts().map(p -> new XtTarget.Masquerade(p.first(), p.last())).orElse(new XtTarget.Masquerade());
        }
        boolean source = t instanceof Target.Snat;
        Target.NatRange to = source ? ((Target.Snat) t).to() : ((Target.Dnat) t).to();
        return new XtTarget.Nat(source, to.first(), to.last(), to.ports().map(Match.PortRange::first).orElse(0),
                to.ports().map(Match.PortRange::last).orElse(0));
    }

    /** A rule iptables-nft wrote, read back into the port's model; empty for one it cannot say. */
    static Optional<Rule> rule(XtRule x) {
        List<Match> matches = new ArrayList<>();
        for (XtMatch m : x.matches()) {
            Optional<Match> match = match(m);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            matches.add(match.get());
        }
        Optional<Target> target;
        if (x.target() instanceof XtTarget.None) {
            target = Optional.empty();
        } else {
            target = target(x.target());
            if (target.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Rule(
                x.source().map(a -> new Rule.AddressMatch(a.value(), a.not())),
                x.destination().map(a -> new Rule.AddressMatch(a.value(), a.not())),
                x.in().map(i -> new Rule.InterfaceMatch(i.value(), i.not())),
                x.out().map(o -> new Rule.InterfaceMatch(o.value(), o.not())),
                x.protocol().map(p -> new Rule.ProtocolMatch(p.value(), p.not())),
                matches, target));
    }

    private static Optional<Match> match(XtMatch m) {
        if (m instanceof XtMatch.Ports p) {
            return Optional.of(new Match.Ports(p.protocol(), p.sport().map(Netfilter::range), p.dport().map(Netfilter::range)));
        }
        if (m instanceof XtMatch.Icmp i) {
            return Optional.of(new Match.Icmp(i.type(), i.codeMin(), i.codeMax(), i.not()));
        }
        if (m instanceof XtMatch.Conntrack c) {
            Set<Match.CtState> states = states(c.stateMask());
            return Optional.of(c.stateAlias() ? new Match.State(states, c.not()) : new Match.Conntrack(states, c.not()));
        }
        if (m instanceof XtMatch.AddrType a) {
            return Optional.of(new Match.Addrtype(
                    a.source() == 0 ? Optional.empty() : Optional.of(new Match.AddrTypes(types(a.source()), a.notSource())),
                    a.dest() == 0 ? Optional.empty() : Optional.of(new Match.AddrTypes(types(a.dest()), a.notDest()))));
        }
        if (m instanceof XtMatch.Comment c) {
            return Optional.of(new Match.Comment(c.text()));
        }
        return Optional.empty();
    }

    private static Match.PortRange range(Neg<XtMatch.PortRange> p) {
        return new Match.PortRange(p.value().min(), p.value().max(), p.not());
    }

    private static Optional<Target> target(XtTarget t) {
        if (t instanceof XtTarget.Verdict v) {
            if (v.equals(XtTarget.Verdict.ACCEPT)) {
                return Optional.of(Target.Verdict.ACCEPT);
            }
            return Optional.of(v.equals(XtTarget.Verdict.DROP) ? Target.Verdict.DROP : Target.Verdict.RETURN);
        }
        if (t instanceof XtTarget.Jump j) {
            return j.goTo() ? Optional.empty() : Optional.of(new Target.Jump(j.chain()));
        }
        if (t instanceof XtTarget.Reject r) {
            for (Target.RejectWith w : Target.RejectWith.values()) {
                if (rejectWith(w) == r.with()) {
                    return Optional.of(new Target.Reject(w));
                }
            }
            return Optional.empty();
        }
        if (t instanceof XtTarget.Log l) {
            return Optional.of(new Target.Log(l.prefix().isEmpty() ? Optional.empty() : Optional.of(l.prefix()), l.level()));
        }
        if (t instanceof XtTarget.Masquerade m) {
            return Optional.of(new Target.Masquerade(m.minPort() == 0 ? Optional.empty()
                    : Optional.of(new Match.PortRange(m.minPort(), m.maxPort(), false))));
        }
        if (t instanceof XtTarget.Nat n) {
            Target.NatRange to = new Target.NatRange(n.min(), n.max(), n.minPort() == 0 ? Optional.empty()
                    : Optional.of(new Match.PortRange(n.minPort(), n.maxPort(), false)));
            return Optional.of(n.source() ? new Target.Snat(to) : new Target.Dnat(to));
        }
        return Optional.empty();
    }

    /** {@code enum ipt_reject_with}. */
    private static int rejectWith(Target.RejectWith w) {
        return switch (w) {
            case ICMP_NET_UNREACHABLE -> 0;
            case ICMP_HOST_UNREACHABLE -> 1;
            case ICMP_PROTO_UNREACHABLE -> 2;
            case ICMP_PORT_UNREACHABLE -> 3;
            case ICMP_NET_PROHIBITED -> 5;
            case ICMP_HOST_PROHIBITED -> 6;
            case TCP_RESET -> 7;
            case ICMP_ADMIN_PROHIBITED -> 8;
        };
    }

    /** {@code XT_CONNTRACK_STATE_*} of each state. */
    private static int bit(Match.CtState s) {
        return switch (s) {
            case INVALID -> XtMatch.Conntrack.INVALID;
            case NEW -> XtMatch.Conntrack.NEW;
            case RELATED -> XtMatch.Conntrack.RELATED;
            case ESTABLISHED -> XtMatch.Conntrack.ESTABLISHED;
            case UNTRACKED -> XtMatch.Conntrack.UNTRACKED;
            case SNAT -> XtMatch.Conntrack.SNAT;
            case DNAT -> XtMatch.Conntrack.DNAT;
        };
    }

    private static int mask(Set<Match.CtState> states) {
        int m = 0;
        for (Match.CtState s : states) {
            m |= bit(s);
        }
        return m;
    }

    private static Set<Match.CtState> states(int mask) {
        Set<Match.CtState> out = EnumSet.noneOf(Match.CtState.class);
        for (Match.CtState s : Match.CtState.values()) {
            if ((mask & bit(s)) != 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code XT_ADDRTYPE_*}: bit N for the type of {@code RTN_*} N + 1, as the enum's order is. */
    private static int typeMask(Set<Match.AddrType> types) {
        int m = 0;
        for (Match.AddrType t : types) {
            m |= 1 << t.ordinal();
        }
        return m;
    }

    private static Set<Match.AddrType> types(int mask) {
        Set<Match.AddrType> out = EnumSet.noneOf(Match.AddrType.class);
        for (Match.AddrType t : Match.AddrType.values()) {
            if ((mask & (1 << t.ordinal())) != 0) {
                out.add(t);
            }
        }
        return out;
    }

}
