package org.netnslab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.TcpSegment;

/**
 * The nat table of one namespace and its connection tracking, for the connections a lab makes: ICMP echo,
 * keyed on source, destination and identifier, and TCP, keyed on addresses and ports. The table exists once
 * iptables has touched it; before, nothing is tracked, as in a kernel where no nat chain was ever
 * registered. Rules are checked for the first packet of a connection only; the rest follow the connection's
 * binding.
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

    static final class RuleEntry {
        final NatRule rule;
        long packets;
        long bytes;

        RuleEntry(NatRule rule) {
            this.rule = rule;
        }

        Counters counters() {
            return new Counters(packets, bytes);
        }
    }

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

    static final class Conn {
        final Tuple original;
        Tuple reply;
        /** The nat rules were checked ({@code nf_nat_initialized}). */
        boolean bound;
        /** The binding changes the source: MASQUERADE. */
        boolean masqueraded;
        long lastSeen;
        /** How long the connection lives without a packet, as its state says. */
        long timeout;

        Conn(Tuple original, long now) {
            this.original = original;
            this.reply = original.inverse();
            this.lastSeen = now;
            this.timeout = original.isTcp() ? TCP_OPENING_TIMEOUT : ICMP_TIMEOUT;
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

    boolean tableExists;
    final List<RuleEntry> postrouting = new ArrayList<>();
    private final Map<Tuple, Conn> byOriginal = new HashMap<>();
    private final Map<Tuple, Conn> byReply = new HashMap<>();

    void append(NatRule rule) {
        tableExists = true;
        postrouting.add(new RuleEntry(rule));
    }

    /** Deletes the first rule that is the same; false when there is none. */
    boolean delete(NatRule rule) {
        for (int i = 0; i < postrouting.size(); i++) {
            if (postrouting.get(i).rule.equals(rule)) {
                postrouting.remove(i);
                return true;
            }
        }
        return false;
    }

    void flush() {
        tableExists = true;
        postrouting.clear();
    }

    Optional<Conn> original(Tuple t, long now) {
        return live(byOriginal.get(t), now);
    }

    Optional<Conn> reply(Tuple t, long now) {
        return live(byReply.get(t), now);
    }

    /**
     * The connection a packet with this tuple belongs to in the reply direction: it matches the reply tuple
     * (as it arrives), or it is the original turned around (once a masqueraded reply got its destination back).
     */
    Optional<Conn> replyDirection(Tuple t, long now) {
        Optional<Conn> c = reply(t, now);
        if (c.isPresent()) {
            return c;
        }
        return original(t.inverse(), now).filter(x -> !x.original.equals(t));
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
     * Gives a connection its NATed reply tuple ({@code nf_nat_setup_info}): the new source, and the same
     * port or identifier unless another connection's reply has it already; then the next free one
     * ({@code nf_nat_l4proto_unique_tuple} picks one at random; the lab counts up, to stay deterministic).
     */
    void rebind(Conn c, Ipv4Address newSource, long now) {
        byReply.remove(c.reply, c);
        Tuple o = c.original;
        int port = o.sourcePort();
        Tuple reply = natReply(o, newSource, port);
        while (reply(reply, now).isPresent()) {
            port = nextPort(o, port);
            reply = natReply(o, newSource, port);
        }
        c.reply = reply;
        c.masqueraded = !newSource.equals(o.source()) || port != o.sourcePort();
        byReply.put(reply, c);
    }

    private static Tuple natReply(Tuple original, Ipv4Address newSource, int port) {
        int from = original.isTcp() ? original.destinationPort() : port;
        return new Tuple(original.protocol(), original.destination(), from, newSource, port);
    }

    /** The next candidate: ICMP identifiers wrap at 16 bits; TCP ports stay in their range (1024 and up, or below). */
    private static int nextPort(Tuple original, int port) {
        if (!original.isTcp()) {
            return (port + 1) & 0xffff;
        }
        int low = original.sourcePort() >= 1024 ? 1024 : 1;
        return port >= 65535 ? low : port + 1;
    }

    int connections() {
        return byOriginal.size();
    }
}
