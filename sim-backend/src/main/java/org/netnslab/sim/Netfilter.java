package org.netnslab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.net.Ipv4Address;

/**
 * The nat table of one namespace and its connection tracking, for the one kind of connection a lab makes:
 * ICMP echo, keyed on source, destination and identifier. The table exists once iptables has touched it;
 * before, nothing is tracked, as in a kernel where no nat chain was ever registered. Rules are checked for
 * the first packet of a connection only; the rest follow the connection's binding.
 */
final class Netfilter {

    /** {@code nf_ct_icmp_timeout}: 30 s. */
    static final long ICMP_TIMEOUT = 30 * Engine.SECOND;
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

    /** One direction of a connection: {@code struct nf_conntrack_tuple} for ICMP. */
    record Tuple(Ipv4Address source, Ipv4Address destination, int id) {
        Tuple inverse() {
            return new Tuple(destination, source, id);
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

        Conn(Tuple original, long now) {
            this.original = original;
            this.reply = original.inverse();
            this.lastSeen = now;
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

    private Optional<Conn> live(Conn c, long now) {
        if (c == null) {
            return Optional.empty();
        }
        if (now - c.lastSeen > ICMP_TIMEOUT) {
            byOriginal.remove(c.original, c);
            byReply.remove(c.reply, c);
            return Optional.empty();
        }
        return Optional.of(c);
    }

    Conn track(Tuple original, long now) {
        if (byOriginal.size() >= SWEEP_AT) {
            byOriginal.values().removeIf(c -> now - c.lastSeen > ICMP_TIMEOUT);
            byReply.values().removeIf(c -> now - c.lastSeen > ICMP_TIMEOUT);
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

    /** Gives a connection its NATed reply tuple ({@code nf_nat_setup_info}), with an identifier no one else uses. */
    void rebind(Conn c, Ipv4Address newSource, long now) {
        byReply.remove(c.reply, c);
        int id = c.original.id();
        Tuple reply = new Tuple(c.original.destination(), newSource, id);
        while (reply(reply, now).isPresent()) {
            id = (id + 1) & 0xffff;
            reply = new Tuple(c.original.destination(), newSource, id);
        }
        c.reply = reply;
        c.masqueraded = !newSource.equals(c.original.source()) || id != c.original.id();
        byReply.put(reply, c);
    }

    int connections() {
        return byOriginal.size();
    }
}
