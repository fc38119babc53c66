package org.netnslab.sim;

import org.netnslab.sim.wire.ArpPacket;
import org.netnslab.sim.wire.EtherType;
import org.netnslab.sim.wire.EthernetFrame;
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
    static final long LOOPBACK_DELAY = 4;

    final Engine engine;
    final BrInput brInput;
    final BrForward brForward;
    final Arp arp;
    final Neigh neigh;
    final NfHooks nf;
    final Icmp icmp;
    final IpInput ipInput;
    final IpForward ipForward;
    final IpOutput ipOutput;
    /** Where segments for this host go: set once, by the backend that made both. */
    Tcp tcp;

    Datapath(Engine engine) {
        this.engine = engine;
        this.brInput = new BrInput(this);
        this.brForward = new BrForward(this);
        this.arp = new Arp(this);
        this.neigh = new Neigh(this);
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

    // ================================================================================= link layer: receive

    /** {@code netif_receive_skb}: a bridge port's frames belong to its bridge, the others to the stack. */
    void receive(Device dev, byte[] frame, Trace trace) {
        if (dev.ns == null || !dev.adminUp) {
            return;
        }
        if (dev.master != null) {
            brInput.handleFrame(dev.master, dev, frame, trace);
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

    void stackReceive(Device dev, EthernetFrame f, boolean forUs, Trace trace) {
        if (!forUs) {
            // PACKET_OTHERHOST: a flooded frame for someone else, dropped without a trace
            return;
        }
        try {
            if (f.etherType() == EtherType.ARP) {
                if (!dev.isLoopback()) {
                    arp.process(dev, f, ArpPacket.parse(f.payload()), trace);
                }
            } else if (f.etherType() == EtherType.IPV4) {
                Ipv4Packet p = Ipv4Packet.parse(f.payload());
                ipInput.rcv(dev, p, f.destination().isMulticast() && !dev.isLoopback(), trace);
            }
        } catch (WireFormatException e) {
            trace.drop(dev.ns, dev.name, "malformed packet: " + e.getMessage());
        }
    }
}
