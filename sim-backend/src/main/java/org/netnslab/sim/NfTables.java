package org.netnslab.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.iptables.IptablesFormat;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.Netfilter.ChainState;
import org.netnslab.sim.Netfilter.RuleState;
import org.netnslab.sim.Netfilter.TableState;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.WireFormatException;

/**
 * {@code nft_do_chain} ({@code net/netfilter/nf_tables_core.c}): a packet down a base chain's rules, into the user
 * chains they jump to and back, each rule's matches tried in order, its counter counting what matched, until a
 * verdict or the chain's policy.
 */
final class NfTables {

    private NfTables() {}

    /** What a packet is, as the rules' matches look at it. */
    record Packet(Ipv4Packet ip, Optional<String> in, Optional<String> out, Optional<Integer> sourcePort,
            Optional<Integer> destinationPort, Optional<IcmpPacket> icmp, Match.CtState state) {

        static Packet of(Ipv4Packet p, Optional<String> in, Optional<String> out, Optional<NfConntrack.Flow> flow,
                Match.CtState state) {
            Optional<Integer> sport = flow.flatMap(NfConntrack.Flow::tcp).map(s -> s.sourcePort());
            Optional<Integer> dport = flow.flatMap(NfConntrack.Flow::tcp).map(s -> s.destinationPort());
            Optional<IcmpPacket> icmp = Optional.empty();
            if (p.protocol() == Ipv4Packet.PROTO_ICMP) {
                try {
                    icmp = Optional.of(IcmpPacket.parse(p.payload()));
                } catch (WireFormatException e) {
                    icmp = Optional.empty();
                }
            }
            return new Packet(p, in, out, sport, dport, icmp, state);
        }
    }

    /** How a traversal ended. */
    enum Kind {
        ACCEPT, DROP, REJECT, NAT
    }

    /**
     * A traversal's verdict: what to do, the target that said it (REJECT's, a NAT target), and in the journey's
     * words which rule or policy it was: {@code filter/INPUT rule 2 -p icmp -j REJECT},
     * {@code filter/FORWARD policy DROP}.
     */
    record Verdict(Kind kind, Optional<Target> target, String by) {

        static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, Optional.empty(), "");
    }

    /** The base chains of a hook in the namespace, lowest priority first, of the given type (nat or not). */
    static List<ChainOf> baseChains(Netfilter nf, Table.Hook hook, boolean nat) {
        List<ChainOf> out = new ArrayList<>();
        for (TableState ts : nf.tables.values()) {
            if ((ts.table == Table.NAT) != nat) {
                continue;
            }
            for (ChainState c : ts.chains) {
                if (c.base.isPresent() && c.base.get().hook() == hook) {
                    out.add(new ChainOf(ts, c));
                }
            }
        }
        out.sort(Comparator.comparingInt(x -> x.chain().base.get().priority()));
        return out;
    }

    record ChainOf(TableState table, ChainState chain) {}

    /** A packet down one base chain. */
    static Verdict traverse(Namespace ns, ChainOf base, Packet p) {
        return walk(ns, base.table(), base.chain(), p, 0).orElseGet(() -> policy(ns, base, p));
    }

    private static Verdict policy(Namespace ns, ChainOf base, Packet p) {
        ChainState c = base.chain();
        if (c.counting) {
            c.packets++;
            c.bytes += p.ip().length();
            ns.changed();
        }
        String by = base.table().table.iptablesName() + "/" + c.name + " policy " + c.policy;
        return c.policy == Policy.ACCEPT ? new Verdict(Kind.ACCEPT, Optional.empty(), by)
                : new Verdict(Kind.DROP, Optional.empty(), by);
    }

    /** The rules of a chain; empty when the chain ends or returns without a verdict. */
    private static Optional<Verdict> walk(Namespace ns, TableState ts, ChainState chain, Packet p, int depth) {
        if (depth > 16) {
            return Optional.of(new Verdict(Kind.DROP, Optional.empty(), "too many jumps"));
        }
        List<RuleState> rules = List.copyOf(chain.rules);
        for (int i = 0; i < rules.size(); i++) {
            RuleState r = rules.get(i);
            if (!matches(ns, r.rule, p)) {
                continue;
            }
            r.packets++;
            r.bytes += p.ip().length();
            ns.changed();
            Optional<Target> t = r.rule.target();
            if (t.isEmpty() || t.get() instanceof Target.Log) {
                continue;
            }
            String by = ts.table.iptablesName() + "/" + chain.name + " rule " + (i + 1) + " " + describe(r.rule);
            Target x = t.get();
            if (x == Target.Verdict.ACCEPT) {
                return Optional.of(new Verdict(Kind.ACCEPT, t, by));
            }
            if (x == Target.Verdict.DROP) {
                return Optional.of(new Verdict(Kind.DROP, t, by));
            }
            if (x == Target.Verdict.RETURN) {
                return Optional.empty();
            }
            if (x instanceof Target.Reject) {
                return Optional.of(new Verdict(Kind.REJECT, t, by));
            }
            if (x instanceof Target.Jump j) {
                Optional<ChainState> next = ts.chain(j.chain());
                if (next.isPresent()) {
                    Optional<Verdict> v = walk(ns, ts, next.get(), p, depth + 1);
                    if (v.isPresent()) {
                        return v;
                    }
                }
                continue;
            }
            return Optional.of(new Verdict(Kind.NAT, t, by));
        }
        return Optional.empty();
    }

    /** The rule as iptables -S prints it, without its chain, and without REJECT's default. */
    private static String describe(Rule r) {
        String s = IptablesFormat.rule("X", r).substring("-A X ".length());
        return s.replace(" --reject-with icmp-port-unreachable", "");
    }

    static boolean matches(Namespace ns, Rule r, Packet p) {
        Ipv4Packet ip = p.ip();
        if (r.source().isPresent() && r.source().get().network().contains(ip.source()) == r.source().get().negated()) {
            return false;
        }
        if (r.destination().isPresent()
                && r.destination().get().network().contains(ip.destination()) == r.destination().get().negated()) {
            return false;
        }
        // a hook without an input (OUTPUT) or output device (PREROUTING, INPUT) matches its name as empty
        if (r.inInterface().isPresent() && !r.inInterface().get().matches(p.in().orElse(""))) {
            return false;
        }
        if (r.outInterface().isPresent() && !r.outInterface().get().matches(p.out().orElse(""))) {
            return false;
        }
        if (r.protocol().isPresent() && (ip.protocol() == r.protocol().get().protocol()) == r.protocol().get().negated()) {
            return false;
        }
        for (Match m : r.matches()) {
            if (!matches(ns, m, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Namespace ns, Match m, Packet p) {
        if (m instanceof Match.Ports ports) {
            if (p.ip().protocol() != ports.protocol() || p.sourcePort().isEmpty()) {
                return false;
            }
            return ports.sourcePort().map(x -> x.matches(p.sourcePort().get())).orElse(true)
                    && ports.destinationPort().map(x -> x.matches(p.destinationPort().get())).orElse(true);
        }
        if (m instanceof Match.Icmp i) {
            if (p.icmp().isEmpty()) {
                return false;
            }
            IcmpPacket icmp = p.icmp().get();
            boolean hit = i.type() == 0xFF || icmp.type() == i.type() && icmp.code() >= i.codeMin()
                    && icmp.code() <= i.codeMax();
            return hit != i.negated();
        }
        if (m instanceof Match.Conntrack c) {
            return c.states().contains(p.state()) != c.negated();
        }
        if (m instanceof Match.State s) {
            return s.states().contains(p.state()) != s.negated();
        }
        if (m instanceof Match.Addrtype a) {
            return a.source().map(t -> t.types().contains(addrType(ns, p.ip().source())) != t.negated()).orElse(true)
                    && a.destination().map(t -> t.types().contains(addrType(ns, p.ip().destination())) != t.negated())
                            .orElse(true);
        }
        return true;
    }

    /** {@code inet_addr_type}: what the namespace's local table says of an address. */
    private static Match.AddrType addrType(Namespace ns, Ipv4Address a) {
        if (a.isMulticast()) {
            return Match.AddrType.MULTICAST;
        }
        if (a.isLimitedBroadcast()) {
            return Match.AddrType.BROADCAST;
        }
        Optional<Namespace.LocalRoute> r = ns.localRoute(a, Optional.empty());
        if (r.isPresent()) {
            return r.get().type() == RouteType.BROADCAST ? Match.AddrType.BROADCAST : Match.AddrType.LOCAL;
        }
        return Match.AddrType.UNICAST;
    }
}
