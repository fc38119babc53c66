package org.netnslab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.TcpSegment;

/**
 * The netfilter state of one namespace: the nf_tables tables iptables-nft made ({@code net/netfilter/nf_tables_api.c}:
 * tables, chains and rules with their handles and counters, changed one command's batch at a time), and the
 * connection tracking table ({@code nf_conntrack_core.c}), for the connections a lab makes: ICMP echo, keyed on
 * source, destination and identifier, and TCP, keyed on addresses and ports. Connections are tracked once a
 * table exists; before, as in a kernel where no hook was ever registered, nothing is.
 */
final class Netfilter {

    /** {@code nf_ct_icmp_timeout}: 30 s. */
    static final long ICMP_TIMEOUT = 30 * Engine.SECOND;
    /** {@code nf_ct_tcp_timeout_established}: 5 days. */
    static final long TCP_ESTABLISHED_TIMEOUT = 5 * 24 * 3600 * Engine.SECOND;
    /** {@code tcp_timeouts[TCP_CONNTRACK_SYN_SENT]}, and the FIN states': 2 minutes. */
    static final long TCP_OPENING_TIMEOUT = 120 * Engine.SECOND;
    /** {@code tcp_timeouts[TCP_CONNTRACK_SYN_RECV]}: 60 s. */
    static final long TCP_SYN_RECV_TIMEOUT = 60 * Engine.SECOND;
    /** {@code tcp_timeouts[TCP_CONNTRACK_CLOSE]}, after a RST: 10 s. */
    static final long TCP_CLOSE_TIMEOUT = 10 * Engine.SECOND;
    /** Expired connections are swept when the table grows this big (each ping is one connection). */
    private static final int SWEEP_AT = 256;

    // ============================================================================================= tables

    /** A rule as the kernel holds it: what iptables sent, its counter and its handle. */
    static final class RuleState {
        final Rule rule;
        final long handle;
        long packets;
        long bytes;

        RuleState(Rule rule, long handle) {
            this.rule = rule;
            this.handle = handle;
        }
    }

    /** A chain: a base chain has its hook, priority and policy. */
    static final class ChainState {
        String name;
        final long handle;
        final Optional<Table.BuiltinChain> base;
        Policy policy = Policy.ACCEPT;
        /** A base chain made or changed by {@code -P} has counters ({@code NFTA_CHAIN_COUNTERS}); one -A made has none. */
        boolean counting;
        long packets;
        long bytes;
        final List<RuleState> rules = new ArrayList<>();

        ChainState(String name, long handle, Optional<Table.BuiltinChain> base) {
            this.name = name;
            this.handle = handle;
            this.base = base;
        }
    }

    static final class TableState {
        final Table table;
        final long handle;
        /** {@code table->hgenerator}: chains and rules take their handles from one count. */
        long nextHandle = 1;
        final List<ChainState> chains = new ArrayList<>();

        TableState(Table table, long handle) {
            this.table = table;
            this.handle = handle;
        }

        Optional<ChainState> chain(String name) {
            return chains.stream().filter(c -> c.name.equals(name)).findFirst();
        }
    }

    /** The tables, in the order they were made. */
    final Map<Table, TableState> tables = new LinkedHashMap<>();
    private long nextTableHandle = 1;

    /** Whether connections are tracked: once any table is there. */
    boolean tracking() {
        return !tables.isEmpty();
    }

    Optional<TableState> table(Table t) {
        return Optional.ofNullable(tables.get(t));
    }

    private TableState tableMade(Table t) {
        return tables.computeIfAbsent(t, x -> new TableState(x, nextTableHandle++));
    }

    /** The chain, made if it is a built-in one that is not there yet, as iptables-nft makes it on first use. */
    private ChainState chainMade(Table t, String name) throws KernelException {
        TableState ts = tableMade(t);
        Optional<ChainState> c = ts.chain(name);
        if (c.isPresent()) {
            return c.get();
        }
        Optional<Table.BuiltinChain> b = t.builtin(name);
        if (b.isEmpty()) {
            throw new KernelException(Errno.ENOENT);
        }
        ChainState made = new ChainState(name, ts.nextHandle++, b);
        ts.chains.add(made);
        return made;
    }

    private ChainState existing(Table t, String name) throws KernelException {
        return table(t).flatMap(ts -> ts.chain(name)).orElseThrow(() -> new KernelException(Errno.ENOENT));
    }

    /**
     * What {@code nft_chain_validate} and the expressions' {@code validate} refuse: a target outside the hooks it
     * may be in (MASQUERADE and SNAT after routing, DNAT before, REJECT in the filter table), a reset without TCP,
     * a jump to a chain that is not there.
     */
    private void validate(Table t, String chain, Rule rule) throws KernelException {
        Optional<Target> target = rule.target();
        if (target.isEmpty()) {
            return;
        }
        Target x = target.get();
        Optional<Table.BuiltinChain> b = t.builtin(chain);
        boolean userChain = b.isEmpty();
        if (x instanceof Target.Jump j) {
            if (table(t).flatMap(ts -> ts.chain(j.chain())).filter(c -> c.base.isEmpty()).isEmpty()) {
                throw new KernelException(Errno.ENOENT);
            }
            return;
        }
        if (x instanceof Target.Reject r) {
            boolean tcp = rule.protocol().filter(p -> !p.negated() && p.protocol() == Rule.ProtocolMatch.TCP)
                    .isPresent();
            if (t != Table.FILTER || r.with() == Target.RejectWith.TCP_RESET && !tcp) {
                throw new KernelException(Errno.EINVAL);
            }
            return;
        }
        boolean srcNat = x instanceof Target.Masquerade || x instanceof Target.Snat;
        boolean dstNat = x instanceof Target.Dnat;
        if (srcNat || dstNat) {
            if (t != Table.NAT) {
                throw new KernelException(Errno.EINVAL);
            }
            if (userChain) {
                return;
            }
            Table.Hook h = b.get().hook();
            boolean ok = dstNat ? h == Table.Hook.PREROUTING || h == Table.Hook.OUTPUT
                    : x instanceof Target.Snat ? h == Table.Hook.POSTROUTING || h == Table.Hook.INPUT
                    : h == Table.Hook.POSTROUTING;
            if (!ok) {
                throw new KernelException(Errno.EINVAL);
            }
        }
    }

    void append(Table t, String chain, Rule rule) throws KernelException {
        validate(t, chain, rule);
        ChainState c = chainMade(t, chain);
        c.rules.add(new RuleState(rule, tableMade(t).nextHandle++));
    }

    void insert(Table t, String chain, int position, Rule rule) throws KernelException {
        validate(t, chain, rule);
        ChainState c = chainMade(t, chain);
        if (position < 1 || position > c.rules.size() + 1) {
            throw new KernelException(Errno.ENOENT);
        }
        c.rules.add(position - 1, new RuleState(rule, tableMade(t).nextHandle++));
    }

    void replace(Table t, String chain, int position, Rule rule) throws KernelException {
        validate(t, chain, rule);
        ChainState c = existing(t, chain);
        if (position < 1 || position > c.rules.size()) {
            throw new KernelException(Errno.ENOENT);
        }
        c.rules.set(position - 1, new RuleState(rule, c.rules.get(position - 1).handle));
    }

    void delete(Table t, String chain, int position) throws KernelException {
        ChainState c = existing(t, chain);
        if (position < 1 || position > c.rules.size()) {
            throw new KernelException(Errno.ENOENT);
        }
        c.rules.remove(position - 1);
    }

    void newChain(Table t, String name) throws KernelException {
        TableState ts = tableMade(t);
        if (ts.chain(name).isPresent()) {
            throw new KernelException(Errno.EEXIST);
        }
        ts.chains.add(new ChainState(name, ts.nextHandle++, Optional.empty()));
    }

    /** {@code -X [CHAIN]}: one batch; a chain that holds rules or that a rule jumps to is busy, and nothing goes. */
    void deleteChain(Table t, Optional<String> name) throws KernelException {
        Optional<TableState> ts = table(t);
        if (ts.isEmpty()) {
            if (name.isPresent()) {
                throw new KernelException(Errno.ENOENT);
            }
            return;
        }
        List<ChainState> doomed = new ArrayList<>();
        for (ChainState c : ts.get().chains) {
            if (c.base.isEmpty() && (name.isEmpty() || name.get().equals(c.name))) {
                doomed.add(c);
            }
        }
        if (name.isPresent() && doomed.isEmpty()) {
            throw new KernelException(Errno.ENOENT);
        }
        for (ChainState c : doomed) {
            if (!c.rules.isEmpty() || references(ts.get(), c.name) > 0) {
                throw new KernelException(Errno.EBUSY);
            }
        }
        ts.get().chains.removeAll(doomed);
    }

    private static int references(TableState ts, String chain) {
        int n = 0;
        for (ChainState c : ts.chains) {
            for (RuleState r : c.rules) {
                if (r.rule.target().orElse(null) instanceof Target.Jump j && j.chain().equals(chain)) {
                    n++;
                }
            }
        }
        return n;
    }

    void renameChain(Table t, String name, String newName) throws KernelException {
        TableState ts = table(t).orElseThrow(() -> new KernelException(Errno.ENOENT));
        ChainState c = ts.chain(name).orElseThrow(() -> new KernelException(Errno.ENOENT));
        if (ts.chain(newName).isPresent()) {
            throw new KernelException(Errno.EEXIST);
        }
        c.name = newName;
        for (ChainState other : ts.chains) {
            for (int i = 0; i < other.rules.size(); i++) {
                RuleState r = other.rules.get(i);
                if (r.rule.target().orElse(null) instanceof Target.Jump j && j.chain().equals(name)) {
                    Rule renamed = new Rule(r.rule.source(), r.rule.destination(), r.rule.inInterface(),
                            r.rule.outInterface(), r.rule.protocol(), r.rule.matches(),
                            Optional.of(new Target.Jump(newName)));
                    RuleState moved = new RuleState(renamed, r.handle);
                    moved.packets = r.packets;
                    moved.bytes = r.bytes;
                    other.rules.set(i, moved);
                }
            }
        }
    }

    void setPolicy(Table t, String chain, Policy policy) throws KernelException {
        ChainState c = chainMade(t, chain);
        c.policy = policy;
        c.counting = true;
    }

    void flush(Table t, Optional<String> chain) throws KernelException {
        if (chain.isPresent()) {
            chainMade(t, chain.get()).rules.clear();
            return;
        }
        table(t).ifPresent(ts -> ts.chains.forEach(c -> c.rules.clear()));
    }

    void zero(Table t, Optional<String> chain, Optional<Integer> position) throws KernelException {
        Optional<TableState> ts = table(t);
        if (ts.isEmpty()) {
            return;
        }
        for (ChainState c : ts.get().chains) {
            if (chain.isPresent() && !chain.get().equals(c.name)) {
                continue;
            }
            if (position.isEmpty()) {
                c.packets = 0;
                c.bytes = 0;
            }
            for (int i = 0; i < c.rules.size(); i++) {
                if (position.isEmpty() || position.get() == i + 1) {
                    c.rules.get(i).packets = 0;
                    c.rules.get(i).bytes = 0;
                }
            }
        }
    }

    /** What the kernel would dump of the tables. */
    Ruleset ruleset() {
        List<NfTable> out = new ArrayList<>();
        for (TableState ts : tables.values()) {
            List<Chain> chains = new ArrayList<>();
            for (ChainState c : ts.chains) {
                List<Chain.RuleEntry> rules = new ArrayList<>();
                for (RuleState r : c.rules) {
                    rules.add(new Chain.RuleEntry(r.rule, new Counters(r.packets, r.bytes), r.handle));
                }
                chains.add(new Chain(c.name, c.handle,
                        c.base.map(b -> new Chain.Base(b.hook(), b.priority(), c.policy)),
                        c.base.isPresent() ? new Counters(c.packets, c.bytes) : Counters.ZERO, rules));
            }
            out.add(new NfTable(ts.table, ts.handle, chains));
        }
        return new Ruleset(out);
    }

    // ========================================================================================== conntrack

    /**
     * One direction of a connection: {@code struct nf_conntrack_tuple}. For ICMP echo both "ports" are the
     * identifier, so that a reply's tuple is the request's turned around.
     */
    record Tuple(int protocol, Ipv4Address source, int sourcePort, Ipv4Address destination, int destinationPort) {

        static Tuple icmp(Ipv4Address source, Ipv4Address destination, int id) {
            return new Tuple(Ipv4Packet.PROTO_ICMP, source, id, destination, id);
        }

        Tuple inverse() {
            return new Tuple(protocol, destination, destinationPort, source, sourcePort);
        }

        boolean isTcp() {
            return protocol == TcpSegment.PROTOCOL;
        }
    }

    /** A tracked connection: {@code struct nf_conn}, with its two tuples and what NAT did to it. */
    static final class Conn {
        final Tuple original;
        Tuple reply;
        /** The nat chains of the destination's manipulation (PREROUTING, OUTPUT) were asked. */
        boolean dstNatDone;
        /** The nat chains of the source's manipulation (POSTROUTING, INPUT) were asked. */
        boolean srcNatDone;
        /** The connection's first packet left the hooks alive ({@code nf_conntrack_confirm}). */
        boolean confirmed;
        /** {@code IPS_SEEN_REPLY}: a packet went the other way; the connection is ESTABLISHED. */
        boolean seenReply;
        long lastSeen;
        /** How long the connection lives without a packet, as its state says. */
        long timeout;

        Conn(Tuple original, long now) {
            this.original = original;
            this.reply = original.inverse();
            this.lastSeen = now;
            this.timeout = original.isTcp() ? TCP_OPENING_TIMEOUT : ICMP_TIMEOUT;
        }

        /** The source was changed: SNAT or MASQUERADE ({@code IPS_SRC_NAT}). */
        boolean srcNatted() {
            return !reply.destination().equals(original.source()) || reply.destinationPort() != original.sourcePort();
        }

        /** The destination was changed: DNAT ({@code IPS_DST_NAT}). */
        boolean dstNatted() {
            return !reply.source().equals(original.destination()) || reply.sourcePort() != original.destinationPort();
        }

        /** A packet of the connection went by: it lives on, for as long as what the packet says allows. */
        void seen(long now, Optional<TcpSegment> tcp) {
            lastSeen = now;
            tcp.ifPresent(s -> timeout = timeoutAfter(s));
        }

        private static long timeoutAfter(TcpSegment s) {
            if (s.has(TcpSegment.RST)) {
                return TCP_CLOSE_TIMEOUT;
            }
            if (s.has(TcpSegment.SYN)) {
                return s.has(TcpSegment.ACK) ? TCP_SYN_RECV_TIMEOUT : TCP_OPENING_TIMEOUT;
            }
            if (s.has(TcpSegment.FIN)) {
                return TCP_OPENING_TIMEOUT;
            }
            return TCP_ESTABLISHED_TIMEOUT;
        }
    }

    /**
     * The connection of the packet going through this namespace's hooks now, as conntrack found it at PREROUTING
     * or OUTPUT ({@code skb->_nfct}): the later hooks of the same packet read it, since NAT between them changes
     * the packet's tuple. The path from PREROUTING or OUTPUT to POSTROUTING or INPUT runs without a pause.
     */
    Optional<NfHooks.Ct> current = Optional.empty();
    /** The state conntrack gave the packet going through now. */
    org.netnslab.core.model.netfilter.Match.CtState currentState =
            org.netnslab.core.model.netfilter.Match.CtState.NEW;

    private final Map<Tuple, Conn> byOriginal = new HashMap<>();
    private final Map<Tuple, Conn> byReply = new HashMap<>();

    Optional<Conn> original(Tuple t, long now) {
        return live(byOriginal.get(t), now);
    }

    Optional<Conn> reply(Tuple t, long now) {
        return live(byReply.get(t), now);
    }

    private Optional<Conn> live(Conn c, long now) {
        if (c == null) {
            return Optional.empty();
        }
        if (now - c.lastSeen > c.timeout) {
            byOriginal.remove(c.original, c);
            byReply.remove(c.reply, c);
            return Optional.empty();
        }
        return Optional.of(c);
    }

    Conn track(Tuple original, long now) {
        if (byOriginal.size() >= SWEEP_AT) {
            byOriginal.values().removeIf(c -> now - c.lastSeen > c.timeout);
            byReply.values().removeIf(c -> now - c.lastSeen > c.timeout);
        }
        Optional<Conn> existing = original(original, now);
        if (existing.isPresent()) {
            existing.get().lastSeen = now;
            return existing.get();
        }
        Conn c = new Conn(original, now);
        byOriginal.put(original, c);
        byReply.put(c.reply, c);
        return c;
    }

    /**
     * Gives a connection its NATed reply tuple ({@code nf_nat_setup_info}): the source (SNAT, MASQUERADE) or the
     * destination (DNAT) moved, and the source's port or identifier kept unless another connection's reply has
     * it already; then the next free one ({@code nf_nat_l4proto_unique_tuple} picks one at random; the lab counts
     * up, to stay deterministic).
     */
    void rebindSource(Conn c, Ipv4Address newSource, Optional<Integer> wantedPort, long now) {
        byReply.remove(c.reply, c);
        Tuple r = c.reply;
        int port = wantedPort.orElse(r.destinationPort());
        Tuple reply = new Tuple(r.protocol(), r.source(), r.isTcp() ? r.sourcePort() : port, newSource, port);
        while (reply(reply, now).isPresent() || byReply.containsKey(reply)) {
            port = nextPort(c.original, port);
            reply = new Tuple(r.protocol(), r.source(), r.isTcp() ? r.sourcePort() : port, newSource, port);
        }
        c.reply = reply;
        byReply.put(reply, c);
    }

    /** DNAT: the reply comes from the new destination. */
    void rebindDestination(Conn c, Ipv4Address newDestination, Optional<Integer> port) {
        byReply.remove(c.reply, c);
        Tuple r = c.reply;
        int p = c.original.isTcp() ? port.orElse(r.sourcePort()) : r.sourcePort();
        c.reply = new Tuple(r.protocol(), newDestination, p, r.destination(), r.destinationPort());
        byReply.put(c.reply, c);
    }

    /** The next candidate: ICMP identifiers wrap at 16 bits; TCP ports stay in their range (1024 and up, or below). */
    private static int nextPort(Tuple original, int port) {
        if (!original.isTcp()) {
            return (port + 1) & 0xffff;
        }
        int low = original.sourcePort() >= 1024 ? 1024 : 1;
        return port >= 65535 ? low : port + 1;
    }

    /** A connection that was never confirmed goes. */
    void forget(Conn c) {
        byOriginal.remove(c.original, c);
        byReply.remove(c.reply, c);
    }

    int connections() {
        return byOriginal.size();
    }
}
