package org.netnslab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;
import org.netnslab.sim.Neighbours.Entry;
import org.netnslab.sim.Neighbours.NudState;
import org.netnslab.sim.Neighbours.Pending;
import org.netnslab.sim.wire.ArpPacket;
import org.netnslab.sim.wire.EtherType;
import org.netnslab.sim.wire.EthernetFrame;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.WireFormatException;

/**
 * The packet path of every namespace: frames through veths and bridges, ARP and the neighbour state machine,
 * IPv4 input, forwarding and output, masquerade, ICMP. Real bytes travel: a handler parses what it receives
 * and emits what it sends. Each step schedules the next on the {@link Engine} instead of calling it, so a
 * frame's latency is explicit and deep topologies need no deep stacks.
 *
 * <p>A probe's journey records each step in words, and where it dies, why, with the kernel's own drop reason
 * in brackets where it has one ({@code enum skb_drop_reason}: {@code [NEIGH_FAILED]}, {@code [IP_INNOROUTES]}).
 */
final class Datapath {

    /** How long a frame takes through a veth pair, in microseconds (made up, and the same every time). */
    static final long VETH_DELAY = 9;
    static final long BRIDGE_DELAY = 2;
    static final long LOOPBACK_DELAY = 4;

    final Engine engine;
    final NfHooks nf;
    final Icmp icmp;
    final IpInput ipInput;
    final IpForward ipForward;
    final IpOutput ipOutput;
    /** Where segments for this host go: set once, by the backend that made both. */
    Tcp tcp;

    Datapath(Engine engine) {
        this.engine = engine;
        this.nf = new NfHooks(engine);
        this.icmp = new Icmp(this);
        this.ipInput = new IpInput(this);
        this.ipForward = new IpForward(this);
        this.ipOutput = new IpOutput(this);
    }

    // ================================================================================= link layer: transmit

    /**
     * {@code dev_queue_xmit}: a device that is down sends nothing; one without a carrier still has its
     * {@code noop} queue attached ({@code dev_activate} waits for the carrier) and drops what it is given.
     */
    void transmit(Device dev, byte[] frame, Trace trace) {
        if (!dev.adminUp) {
            trace.drop(dev.ns, dev.name, dev.name + " is down [DEV_READY]");
            return;
        }
        if (!dev.carrier) {
            trace.drop(dev.ns, dev.name, noCarrierWhy(dev) + " [QDISC_DROP]");
            return;
        }
        dev.xmit(this, frame, trace);
    }

    private static String noCarrierWhy(Device dev) {
        if (dev instanceof Veth v && v.peer != null) {
            return dev.name + " has no carrier (NO-CARRIER): its peer " + v.peer.name + " is down";
        }
        if (dev instanceof Bridge) {
            return dev.name + " has no carrier (NO-CARRIER): none of its ports forwards";
        }
        return dev.name + " has no carrier (NO-CARRIER)";
    }

    void vethXmit(Veth v, byte[] frame, Trace trace) {
        Veth peer = v.peer;
        engine.after(VETH_DELAY, Engine.FRAME, () -> receive(peer, frame, trace));
    }

    void loopbackXmit(Loopback lo, byte[] frame, Trace trace) {
        engine.after(LOOPBACK_DELAY, Engine.FRAME, () -> receive(lo, frame, trace));
    }

    /** {@code br_dev_xmit}: what the bridge's own stack sends goes to the port that has the address, or to all. */
    void bridgeXmit(Bridge br, byte[] frame, Trace trace) {
        EthernetFrame f;
        try {
            f = EthernetFrame.parse(frame);
        } catch (WireFormatException e) {
            return;
        }
        if (f.destination().isMulticast()) {
            flood(br, null, frame, trace);
            return;
        }
        Optional<Device> port = fdbLookup(br, f.destination());
        if (port.isPresent()) {
            toPort(br, port.get(), frame, trace);
        } else {
            flood(br, null, frame, trace);
        }
    }

    // ================================================================================= link layer: receive

    /** {@code netif_receive_skb}: a bridge port's frames belong to its bridge, the others to the stack. */
    void receive(Device dev, byte[] frame, Trace trace) {
        if (dev.ns == null || !dev.adminUp) {
            return;
        }
        if (dev.master != null) {
            bridgeInput(dev.master, dev, frame, trace);
            return;
        }
        EthernetFrame f;
        try {
            f = EthernetFrame.parse(frame);
        } catch (WireFormatException e) {
            return;
        }
        boolean forUs = dev.isLoopback() || f.destination().isMulticast() || f.destination().equals(dev.mac);
        stackReceive(dev, f, forUs, trace);
    }

    /** {@code br_handle_frame}: learn, then deliver up, forward, or flood. */
    private void bridgeInput(Bridge br, Device port, byte[] frame, Trace trace) {
        Namespace ns = br.ns;
        EthernetFrame f;
        try {
            f = EthernetFrame.parse(frame);
        } catch (WireFormatException e) {
            return;
        }
        boolean ip = f.etherType() == EtherType.IPV4;
        String what = ip ? "" : "ARP " + (f.destination().isMulticast() ? "request " : "") + "dropped: ";
        if (!br.adminUp) {
            trace.drop(ns, br.name, what + "bridge " + br.name + " is down: it forwards nothing");
            return;
        }
        if (!port.portForwarding) {
            trace.drop(ns, port.name, what + "port " + port.name + " of " + br.name + " is disabled");
            return;
        }
        if (!f.source().isMulticast() && !f.source().equals(MacAddress.ZERO) && !br.isLocal(f.source())) {
            br.fdb.put(f.source(), new Bridge.FdbEntry(port, engine.now()));
        }
        MacAddress dst = f.destination();
        if (dst.isMulticast()) {
            flood(br, port, frame, trace);
            stackReceive(br, f, true, trace);
            return;
        }
        if (br.isLocal(dst)) {
            if (ip) {
                trace.pass(ns, br.name, "from port " + port.name + " up to " + br.name + "'s own stack");
            }
            stackReceive(br, f, true, trace);
            return;
        }
        Optional<Device> out = fdbLookup(br, dst);
        if (out.isEmpty()) {
            flood(br, port, frame, trace);
        } else if (out.get() != port) {
            if (ip) {
                trace.pass(ns, br.name, "bridged from port " + port.name + " to port " + out.get().name);
            }
            toPort(br, out.get(), frame, trace);
        }
    }

    private Optional<Device> fdbLookup(Bridge br, MacAddress mac) {
        Bridge.FdbEntry e = br.fdb.get(mac);
        if (e == null) {
            return Optional.empty();
        }
        if (engine.now() - e.updated() > Bridge.AGEING) {
            br.fdb.remove(mac);
            return Optional.empty();
        }
        return Optional.of(e.port());
    }

    private void toPort(Bridge br, Device port, byte[] frame, Trace trace) {
        if (!port.portForwarding) {
            trace.drop(br.ns, port.name, "port " + port.name + " of " + br.name + " is disabled");
            return;
        }
        engine.after(BRIDGE_DELAY, Engine.FRAME, () -> transmit(port, frame, trace));
    }

    /** Floods to every forwarding port but the one the frame came in on; one hop in the journey, not one a port. */
    private void flood(Bridge br, Device ingress, byte[] frame, Trace trace) {
        List<Device> out = new ArrayList<>();
        for (Device p : br.ports) {
            if (p != ingress && p.portForwarding) {
                out.add(p);
            }
        }
        if (isIp(frame)) {
            trace.pass(br.ns, br.name, "unknown or broadcast destination: flooded to " + out.size() + " port"
                    + (out.size() == 1 ? "" : "s"));
        }
        for (Device p : out) {
            engine.after(BRIDGE_DELAY, Engine.FRAME, () -> transmit(p, frame, trace));
        }
    }

    private static boolean isIp(byte[] frame) {
        return frame.length >= 14 && ((frame[12] & 0xff) << 8 | (frame[13] & 0xff)) == EtherType.IPV4;
    }

    private void stackReceive(Device dev, EthernetFrame f, boolean forUs, Trace trace) {
        if (!forUs) {
            // PACKET_OTHERHOST: a flooded frame for someone else, dropped without a trace
            return;
        }
        try {
            if (f.etherType() == EtherType.ARP) {
                if (!dev.isLoopback()) {
                    arpReceive(dev, f, ArpPacket.parse(f.payload()), trace);
                }
            } else if (f.etherType() == EtherType.IPV4) {
                Ipv4Packet p = Ipv4Packet.parse(f.payload());
                ipInput.rcv(dev, p, f.destination().isMulticast() && !dev.isLoopback(), trace);
            }
        } catch (WireFormatException e) {
            trace.drop(dev.ns, dev.name, "malformed packet: " + e.getMessage());
        }
    }

    // ================================================================================= ARP and neighbours

    /** {@code arp_process}, with {@code arp_ignore=0}, {@code arp_accept=0}, no proxy ARP. */
    private void arpReceive(Device dev, EthernetFrame f, ArpPacket arp, Trace trace) {
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
                neighbourUpdate(dev, sip, arp.senderMac(), NudState.STALE, true);
                ArpPacket reply = ArpPacket.reply(dev.mac, tip, arp.senderMac(), sip);
                trace.pass(ns, dev.name, "ARP: who-has " + tip + "? it is here; reply " + tip + " is-at "
                        + dev.mac);
                transmit(dev, new EthernetFrame(arp.senderMac(), dev.mac, EtherType.ARP, reply.toBytes()).toBytes(),
                        trace);
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
            neighbourUpdate(dev, sip, arp.senderMac(), state, true);
        }
    }

    /** {@code neigh_update}: a new address or a confirmation; a valid entry sends what waited for it. */
    private void neighbourUpdate(Device dev, Ipv4Address ip, MacAddress mac, NudState state, boolean create) {
        Namespace ns = dev.ns;
        Entry e = create ? ns.neighbours.getOrCreate(dev, ip) : ns.neighbours.get(dev, ip).orElse(null);
        if (e == null) {
            return;
        }
        long now = engine.now();
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
        if (!e.queue.isEmpty()) {
            List<Pending> waiting = new ArrayList<>(e.queue);
            e.queue.clear();
            for (Pending p : waiting) {
                sendFrame(dev, e.mac, p.packet(), p.trace());
            }
        }
    }

    /** {@code neigh_output}: the next hop's address from the ARP table, asking for it when there is none. */
    void neighbourOutput(Device dev, Ipv4Address nextHop, Ipv4Packet p, Trace trace) {
        Namespace ns = dev.ns;
        if (dev.isLoopback()) {
            transmit(dev, new EthernetFrame(MacAddress.ZERO, MacAddress.ZERO, EtherType.IPV4, p.toBytes()).toBytes(),
                    trace);
            return;
        }
        Optional<Namespace.LocalRoute> lr = ns.localRoute(nextHop, Optional.empty());
        if (nextHop.isLimitedBroadcast()
                || (lr.isPresent() && lr.get().type() == RouteType.BROADCAST)) {
            sendFrame(dev, MacAddress.BROADCAST, p, trace);
            return;
        }
        long now = engine.now();
        Entry e = ns.neighbours.getOrCreate(dev, nextHop);
        NudState state = e.state == null ? null : e.state(now);
        if (state == null || state == NudState.FAILED) {
            e.state = NudState.INCOMPLETE;
            e.mac = null;
            e.probes = 0;
            e.generation++;
            e.queue.add(new Pending(p, trace));
            trace.pass(ns, dev.name, "ARP: who-has " + nextHop + "? asked on " + dev.name + " (broadcast)");
            solicit(e, trace);
            return;
        }
        if (state == NudState.INCOMPLETE) {
            if (e.queue.size() >= Neighbours.QUEUE) {
                e.queue.remove(0);
            }
            e.queue.add(new Pending(p, trace));
            return;
        }
        if (state == NudState.STALE) {
            e.state = NudState.DELAY;
            long gen = ++e.generation;
            engine.after(Neighbours.DELAY_FIRST_PROBE, Engine.TIMER, () -> delayExpired(e, gen));
        }
        sendFrame(dev, e.mac, p, trace);
    }

    private void sendFrame(Device dev, MacAddress to, Ipv4Packet p, Trace trace) {
        transmit(dev, new EthernetFrame(to, dev.mac, EtherType.IPV4, p.toBytes()).toBytes(), trace);
    }

    /** {@code arp_solicit} and the INCOMPLETE timer: three broadcasts a second apart, then FAILED. */
    private void solicit(Entry e, Trace trace) {
        long gen = e.generation;
        sendArpRequest(e, MacAddress.BROADCAST, trace);
        e.probes++;
        engine.after(Neighbours.RETRANS, Engine.TIMER, () -> incompleteTimer(e, gen, trace));
    }

    private void incompleteTimer(Entry e, long gen, Trace trace) {
        if (e.generation != gen || e.state != NudState.INCOMPLETE) {
            return;
        }
        if (e.probes >= Neighbours.MAX_PROBES) {
            fail(e);
            return;
        }
        sendArpRequest(e, MacAddress.BROADCAST, trace);
        e.probes++;
        engine.after(Neighbours.RETRANS, Engine.TIMER, () -> incompleteTimer(e, gen, trace));
    }

    private void delayExpired(Entry e, long gen) {
        if (e.generation != gen || e.state != NudState.DELAY) {
            return;
        }
        if (engine.now() - e.confirmed < Neighbours.REACHABLE_TIME) {
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
            fail(e);
            return;
        }
        sendArpRequest(e, e.mac, Trace.NONE);
        e.probes++;
        engine.after(Neighbours.RETRANS, Engine.TIMER, () -> probeTimer(e, gen));
    }

    /**
     * {@code arp_solicit}'s choice of sender address ({@code arp_announce=0}): the waiting packet's source
     * if it is ours, else the device's address for the target.
     */
    private void sendArpRequest(Entry e, MacAddress to, Trace trace) {
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
        transmit(dev, new EthernetFrame(to, dev.mac, EtherType.ARP, req.toBytes()).toBytes(), trace);
    }

    /** {@code neigh_invalidate}: each waiting packet gets a Destination Host Unreachable back to its sender. */
    private void fail(Entry e) {
        Namespace ns = e.dev.ns;
        e.state = NudState.FAILED;
        e.mac = null;
        e.generation++;
        List<Pending> waiting = new ArrayList<>(e.queue);
        e.queue.clear();
        ns.neighbours.remove(e);
        for (Pending p : waiting) {
            p.trace().drop(ns, e.dev.name, "no ARP reply from " + e.address + " after " + Neighbours.MAX_PROBES
                    + " requests (neighbour FAILED) [NEIGH_FAILED]");
            icmp.send(ns, p.packet(), IcmpPacket.DEST_UNREACH, IcmpPacket.HOST_UNREACH, p.trace());
        }
    }
}
