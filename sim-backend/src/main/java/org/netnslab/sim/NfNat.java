package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.NfConntrack.Flow;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.TcpSegment;
import org.netnslab.sim.wire.WireFormatException;

/**
 * NAT's rewriting of packets, as {@code net/netfilter/nf_nat_proto.c} does it: a connection is bound once, by
 * the nat chains ({@link NfHooks}), and from then on its packets, both ways, are rewritten by the binding; an
 * ICMP error about a NATed connection is rewritten with the datagram it quotes.
 */
final class NfNat {

    private NfNat() {}

    /** The packet from another source: the address, and the TCP source port or the echo identifier. */
    static Ipv4Packet withSource(Ipv4Packet p, Flow f, Ipv4Address source, int port) {
        if (f.tcp().isPresent()) {
            TcpSegment s = f.tcp().get();
            TcpSegment moved = new TcpSegment(port, s.destinationPort(), s.sequence(), s.acknowledgment(), s.flags(),
                    s.window(), s.options(), s.payload());
            return p.withSource(source).withPayload(moved.toBytes(source, p.destination()));
        }
        IcmpPacket m = IcmpPacket.parse(p.payload());
        IcmpPacket renumbered = new IcmpPacket(m.type(), m.code(), port << 16 | m.sequence(), m.data());
        return p.withSource(source).withPayload(renumbered.toBytes());
    }

    /** The packet to another destination: the address, and the TCP destination port or the echo identifier. */
    static Ipv4Packet withDestination(Ipv4Packet p, Flow f, Ipv4Address destination, int port) {
        if (f.tcp().isPresent()) {
            TcpSegment s = f.tcp().get();
            TcpSegment moved = new TcpSegment(s.sourcePort(), port, s.sequence(), s.acknowledgment(), s.flags(),
                    s.window(), s.options(), s.payload());
            return p.withDestination(destination).withPayload(moved.toBytes(p.source(), destination));
        }
        IcmpPacket m = IcmpPacket.parse(p.payload());
        IcmpPacket renumbered = new IcmpPacket(m.type(), m.code(), port << 16 | m.sequence(), m.data());
        return p.withDestination(destination).withPayload(renumbered.toBytes());
    }

    /**
     * {@code nf_nat_icmp_reply_translation}: an error about a masqueraded connection, on its way back, goes to
     * the connection's real source, and so does the datagram it quotes.
     */
    static Ipv4Packet icmpReplyTranslation(Namespace ns, Device in, Ipv4Packet p, IcmpPacket m, long now,
            Trace trace) {
        Optional<Netfilter.Tuple> inner;
        try {
            inner = NfConntrack.quotedTuple(m.quoted());
        } catch (WireFormatException e) {
            return p;
        }
        // the quoted datagram went out in the original direction, NATed: its tuple is the reply's turned around
        Optional<Netfilter.Conn> c = inner.flatMap(t -> ns.netfilter.reply(t.inverse(), now));
        if (c.isEmpty() || !c.get().srcNatted()) {
            return p;
        }
        Netfilter.Conn conn = c.get();
        IcmpPacket restored = m.withQuotedSource(conn.original.source(), conn.original.sourcePort());
        trace.pass(ns, in.name, "error about a masqueraded connection: destination " + p.destination()
                + " -> " + conn.original.source());
        return p.withDestination(conn.original.source()).withPayload(restored.toBytes());
    }

    /** An error about a packet this namespace masqueraded goes to the packet's real sender. */
    static Ipv4Packet demasqueradeOffending(Namespace ns, Ipv4Packet offending, long now) {
        Optional<Flow> flow = NfConntrack.trackedFlowOf(ns, offending);
        if (flow.isEmpty() || !flow.get().starts()) {
            return offending;
        }
        Flow f = flow.get();
        Optional<Netfilter.Conn> c = ns.netfilter.reply(f.tuple().inverse(), now);
        if (c.isEmpty() || !c.get().srcNatted()) {
            return offending;
        }
        Netfilter.Conn conn = c.get();
        return withSource(offending, f, conn.original.source(), conn.original.sourcePort());
    }
}
