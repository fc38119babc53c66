package org.netnslab.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.model.NudState;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;
import org.netnslab.sim.Neighbours.Entry;
import org.netnslab.sim.Neighbours.Pending;
import org.netnslab.sim.wire.EtherType;
import org.netnslab.sim.wire.EthernetFrame;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;

/**
 * {@code net/core/neighbour.c}: the neighbour state machine over a namespace's {@link Neighbours}, with its
 * timers on the {@link Engine}; the requests themselves are {@link Arp}'s.
 */
final class Neigh {

    private final Datapath dp;
    /** The entries with packets in their queues, so that a ping that gives up can tell where its probe waits. */
    private final Set<Entry> waiting = new LinkedHashSet<>();

    Neigh(Datapath dp) {
        this.dp = dp;
    }

    /** {@code neigh_update}: a new address or a confirmation; a valid entry sends what waited for it. */
    void update(Device dev, Ipv4Address ip, MacAddress mac, NudState state, boolean create) {
        Namespace ns = dev.ns;
        Entry e = create ? ns.neighbours.getOrCreate(dev, ip) : ns.neighbours.get(dev, ip).orElse(null);
        // neigh_update without NEIGH_UPDATE_F_ADMIN: what the learner made to stay, stays
        if (e == null || e.state == NudState.PERMANENT || e.state == NudState.NOARP) {
            return;
        }
        long now = dp.engine.now();
        boolean wasValid = e.valid();
        boolean sameMac = mac.equals(e.mac);
        if (state == NudState.STALE && wasValid && sameMac) {
            return;
        }
        e.mac = mac;
        e.state = state;
        if (state == NudState.REACHABLE) {
            e.confirmed = now;
        } else {
            e.confirmed = now - Neighbours.REACHABLE_TIME;
        }
        e.generation++;
        e.probes = 0;
        sendQueued(e);
    }

    /**
     * {@code __neigh_update} with {@code NEIGH_UPDATE_F_ADMIN}, as {@code ip neigh add|replace} asks: the
     * state the learner gave, whatever the entry's; a valid one sends what waited.
     *
     * @param mac the address typed, or the entry's own (the caller refuses a valid state without either)
     */
    void adminUpdate(Entry e, MacAddress mac, NudState state) {
        long now = dp.engine.now();
        e.generation++;
        e.probes = 0;
        e.state = state;
        if (!state.valid()) {
            return;
        }
        e.mac = mac;
        e.confirmed = state == NudState.REACHABLE ? now : now - Neighbours.REACHABLE_TIME;
        sendQueued(e);
    }

    private void sendQueued(Entry e) {
        waiting.remove(e);
        if (!e.queue.isEmpty()) {
            List<Pending> waiting = new ArrayList<>(e.queue);
            e.queue.clear();
            for (Pending p : waiting) {
                sendFrame(e.dev, e.mac, p.packet(), p.trace());
            }
        }
    }

    /**
     * The entry whose queue holds a packet of this journey, if one does: where a probe waits for an ARP
     * answer when its ping stops waiting for it.
     */
    Optional<Entry> holding(Trace trace) {
        // entries flushed or deleted with their queues are forgotten here
        waiting.removeIf(e -> e.queue.isEmpty());
        for (Entry e : waiting) {
            for (Pending p : e.queue) {
                if (p.trace() == trace) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code neigh_output}: the next hop's address from the ARP table, asking for it when there is none. */
    void output(Device dev, Ipv4Address nextHop, Ipv4Packet p, Trace trace) {
        Namespace ns = dev.ns;
        if (dev.isLoopback()) {
            dp.dev.queueXmit(dev,
                    new EthernetFrame(MacAddress.ZERO, MacAddress.ZERO, EtherType.IPV4, p.toBytes()).toBytes(), trace);
            return;
        }
        Optional<Namespace.LocalRoute> lr = ns.localRoute(nextHop, Optional.empty());
        if (nextHop.isLimitedBroadcast()
                || (lr.isPresent() && lr.get().type() == RouteType.BROADCAST)) {
            sendFrame(dev, MacAddress.BROADCAST, p, trace);
            return;
        }
        long now = dp.engine.now();
        Entry e = ns.neighbours.getOrCreate(dev, nextHop);
        NudState state = e.state == null ? null : e.state(now);
        if ((state == null || state == NudState.NONE || state == NudState.FAILED) && dev.flags.noArp()) {
            // arp_constructor: on a NOARP device the neighbour is NOARP, at the device's own address
            e.state = NudState.NOARP;
            e.mac = dev.mac;
            e.generation++;
            sendFrame(dev, e.mac, p, trace);
            return;
        }
        if (state == null || state == NudState.NONE || state == NudState.FAILED) {
            e.state = NudState.INCOMPLETE;
            e.mac = null;
            e.probes = 0;
            e.generation++;
            e.queue.add(new Pending(p, trace));
            waiting.add(e);
            trace.pass(ns, dev.name, "ARP: who-has " + nextHop + "? asked on " + dev.name + " (broadcast)");
            solicit(e, trace);
            return;
        }
        if (state == NudState.INCOMPLETE) {
            if (e.queue.size() >= Neighbours.QUEUE) {
                e.queue.remove(0);
            }
            e.queue.add(new Pending(p, trace));
            waiting.add(e);
            return;
        }
        if (state == NudState.STALE) {
            e.state = NudState.DELAY;
            long gen = ++e.generation;
            dp.engine.after(Neighbours.DELAY_FIRST_PROBE, Engine.TIMER, () -> delayExpired(e, gen));
        }
        sendFrame(dev, e.mac, p, trace);
    }

    private void sendFrame(Device dev, MacAddress to, Ipv4Packet p, Trace trace) {
        dp.dev.queueXmit(dev, new EthernetFrame(to, dev.mac, EtherType.IPV4, p.toBytes()).toBytes(), trace);
    }

    /** {@code arp_solicit} and the INCOMPLETE timer: three broadcasts a second apart, then FAILED. */
    private void solicit(Entry e, Trace trace) {
        long gen = e.generation;
        dp.arp.solicit(e, MacAddress.BROADCAST, trace);
        e.probes++;
        dp.engine.after(Neighbours.RETRANS, Engine.TIMER, () -> incompleteTimer(e, gen, trace));
    }

    private void incompleteTimer(Entry e, long gen, Trace trace) {
        if (e.generation != gen || e.state != NudState.INCOMPLETE) {
            return;
        }
        if (e.probes >= Neighbours.MAX_PROBES) {
            invalidate(e);
            return;
        }
        dp.arp.solicit(e, MacAddress.BROADCAST, trace);
        e.probes++;
        dp.engine.after(Neighbours.RETRANS, Engine.TIMER, () -> incompleteTimer(e, gen, trace));
    }

    private void delayExpired(Entry e, long gen) {
        if (e.generation != gen || e.state != NudState.DELAY) {
            return;
        }
        if (dp.engine.now() - e.confirmed < Neighbours.REACHABLE_TIME) {
            e.state = NudState.REACHABLE;
            return;
        }
        e.state = NudState.PROBE;
        e.probes = 0;
        probeTimer(e, gen);
    }

    /** PROBE: unicast requests to the address we have, a second apart; no answer to three, and it is FAILED. */
    private void probeTimer(Entry e, long gen) {
        if (e.generation != gen || e.state != NudState.PROBE) {
            return;
        }
        if (e.probes >= Neighbours.MAX_PROBES) {
            invalidate(e);
            return;
        }
        dp.arp.solicit(e, e.mac, Trace.NONE);
        e.probes++;
        dp.engine.after(Neighbours.RETRANS, Engine.TIMER, () -> probeTimer(e, gen));
    }

    /** {@code neigh_invalidate}: each waiting packet gets a Destination Host Unreachable back to its sender. */
    private void invalidate(Entry e) {
        Namespace ns = e.dev.ns;
        e.state = NudState.FAILED;
        e.mac = null;
        e.generation++;
        List<Pending> waiting = new ArrayList<>(e.queue);
        e.queue.clear();
        this.waiting.remove(e);
        // the entry stays, FAILED: the kernel's garbage collector leaves a table of fewer than gc_thresh1
        // (128) entries alone
        for (Pending p : waiting) {
            p.trace().drop(ns, e.dev.name, "no ARP reply from " + e.address + " after " + Neighbours.MAX_PROBES
                    + " requests (neighbour FAILED) [NEIGH_FAILED]");
            dp.icmp.send(ns, p.packet(), IcmpPacket.DEST_UNREACH, IcmpPacket.HOST_UNREACH, p.trace());
        }
    }
}
