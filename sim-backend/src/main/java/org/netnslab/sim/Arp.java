package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.model.NudState;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;
import org.netnslab.sim.Neighbours.Entry;
import org.netnslab.sim.wire.ArpPacket;
import org.netnslab.sim.wire.EtherType;
import org.netnslab.sim.wire.EthernetFrame;

/**
 * {@code net/ipv4/arp.c}: the ARP that answers for a namespace's addresses and asks for its neighbours'. What
 * it learns goes to the neighbour state machine, {@link Neigh}.
 */
final class Arp {

    private final Datapath dp;

    Arp(Datapath dp) {
        this.dp = dp;
    }

    /** {@code arp_process}, with {@code arp_ignore=0}, {@code arp_accept=0}, no proxy ARP. */
    void process(Device dev, EthernetFrame f, ArpPacket arp, Trace trace) {
        // arp_rcv: a device with IFF_NOARP takes no ARP at all
        if (dev.flags.noArp()) {
            return;
        }
        Namespace ns = dev.ns;
        Ipv4Address sip = arp.senderIp();
        Ipv4Address tip = arp.targetIp();
        if (sip.isMulticast() || tip.isMulticast() || tip.isLoopback()) {
            return;
        }
        if (arp.operation() == ArpPacket.REQUEST && !sip.isAny()) {
            Optional<Namespace.LocalRoute> target = ns.localRoute(tip, Optional.empty());
            boolean ours = target.isPresent() && target.get().type() == RouteType.LOCAL
                    && !ns.isLocalAddress(sip);
            if (ours) {
                // neigh_event_ns: the asker is now a (stale) neighbour; then the answer, straight to it
                dp.neigh.update(dev, sip, arp.senderMac(), NudState.STALE, true);
                ArpPacket reply = ArpPacket.reply(dev.mac, tip, arp.senderMac(), sip);
                trace.pass(ns, dev.name, "ARP: who-has " + tip + "? it is here; reply " + tip + " is-at "
                        + dev.mac);
                dp.dev.queueXmit(dev,
                        new EthernetFrame(arp.senderMac(), dev.mac, EtherType.ARP, reply.toBytes()).toBytes(), trace);
                return;
            }
        }
        if (sip.isAny()) {
            return;
        }
        Optional<Entry> existing = ns.neighbours.get(dev, sip);
        if (existing.isPresent()) {
            boolean toUs = f.destination().equals(dev.mac);
            NudState state = arp.operation() == ArpPacket.REPLY && toUs ? NudState.REACHABLE : NudState.STALE;
            if (state == NudState.REACHABLE && existing.get().state == NudState.INCOMPLETE) {
                trace.pass(ns, dev.name, "ARP reply: " + sip + " is-at " + arp.senderMac());
            }
            dp.neigh.update(dev, sip, arp.senderMac(), state, true);
        }
    }

    /**
     * {@code arp_solicit}'s choice of sender address ({@code arp_announce=0}): the waiting packet's source
     * if it is ours, else the device's address for the target.
     */
    void solicit(Entry e, MacAddress to, Trace trace) {
        Device dev = e.dev;
        Namespace ns = dev.ns;
        Ipv4Address sip = null;
        if (!e.queue.isEmpty()) {
            Ipv4Address src = e.queue.get(0).packet().source();
            if (ns.isLocalAddress(src)) {
                sip = src;
            }
        }
        if (sip == null) {
            sip = ns.selectAddress(dev, e.address, Scope.LINK).orElse(Ipv4Address.ANY);
        }
        ArpPacket req = ArpPacket.request(dev.mac, sip, e.address);
        dp.dev.queueXmit(dev, new EthernetFrame(to, dev.mac, EtherType.ARP, req.toBytes()).toBytes(), trace);
    }
}
