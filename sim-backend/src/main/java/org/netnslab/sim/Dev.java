package org.netnslab.sim;

import org.netnslab.sim.wire.ArpPacket;
import org.netnslab.sim.wire.EtherType;
import org.netnslab.sim.wire.EthernetFrame;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.WireFormatException;

/**
 * {@code net/core/dev.c}: a frame handed to a device for its driver to send ({@link Device#xmit}), and a frame
 * a device received, for the bridge it is a port of or for the protocol it carries.
 */
final class Dev {

    private final Datapath dp;
    /**
     * The last frame parsed, and its ARP packet, by identity: a flooded frame is one array handed to every
     * port of the bridge, which no one writes into, so a thousand ports parse it once.
     */
    private byte[] lastBytes;
    private EthernetFrame lastFrame;
    private byte[] lastArpBytes;
    private ArpPacket lastArp;

    Dev(Datapath dp) {
        this.dp = dp;
    }

    /** {@link EthernetFrame#parse}, once for the same array. */
    EthernetFrame parse(byte[] frame) {
        if (frame != lastBytes) {
            EthernetFrame f = EthernetFrame.parse(frame);
            lastBytes = frame;
            lastFrame = f;
        }
        return lastFrame;
    }

    private ArpPacket parseArp(byte[] payload) {
        if (payload != lastArpBytes) {
            ArpPacket a = ArpPacket.parse(payload);
            lastArpBytes = payload;
            lastArp = a;
        }
        return lastArp;
    }

    /**
     * {@code dev_queue_xmit}: a device that is down sends nothing; one without a carrier still has its
     * {@code noop} queue attached ({@code dev_activate} waits for the carrier) and drops what it is given.
     */
    void queueXmit(Device dev, byte[] frame, Trace trace) {
        if (!dev.adminUp) {
            trace.drop(dev.ns, dev.name, dev.name + " is down [DEV_READY]");
            return;
        }
        if (!dev.carrier) {
            trace.drop(dev.ns, dev.name, noCarrierWhy(dev) + " [QDISC_DROP]");
            return;
        }
        dp.taps.xmit(dev, frame);
        dev.xmit(dp, frame, trace);
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

    /** {@code netif_receive_skb}: a bridge port's frames belong to its bridge, the others to the stack. */
    void receive(Device dev, byte[] frame, Trace trace) {
        if (dev.ns == null || !dev.adminUp) {
            return;
        }
        dp.taps.receive(dev, frame);
        if (dev.master != null) {
            dp.brInput.handleFrame(dev.master, dev, frame, trace);
            return;
        }
        EthernetFrame f;
        try {
            f = parse(frame);
        } catch (WireFormatException e) {
            return;
        }
        boolean forUs = dev.isLoopback() || f.destination().isMulticast() || f.destination().equals(dev.mac);
        deliver(dev, f, forUs, trace);
    }

    /**
     * {@code __netif_receive_skb_core}'s {@code deliver_skb}: ARP to {@code arp_rcv} (not on {@code lo}, which
     * is {@code IFF_NOARP}), IPv4 to {@code ip_rcv}.
     */
    void deliver(Device dev, EthernetFrame f, boolean forUs, Trace trace) {
        if (!forUs) {
            // PACKET_OTHERHOST: a flooded frame for someone else, dropped without a trace
            return;
        }
        try {
            if (f.etherType() == EtherType.ARP) {
                if (!dev.isLoopback()) {
                    dp.arp.process(dev, f, parseArp(f.payload()), trace);
                }
            } else if (f.etherType() == EtherType.IPV4) {
                Ipv4Packet p = Ipv4Packet.parse(f.payload());
                dp.ipInput.rcv(dev, p, f.destination().isMulticast() && !dev.isLoopback(), trace);
            }
        } catch (WireFormatException e) {
            trace.drop(dev.ns, dev.name, "malformed packet: " + e.getMessage());
        }
    }
}
