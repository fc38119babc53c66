package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.TcpSegment;
import org.netnslab.sim.wire.WireFormatException;

/**
 * What connection tracking reads off a packet ({@code nf_ct_get_tuple} in
 * {@code net/netfilter/nf_conntrack_core.c}, and {@code icmp_error_message} in
 * {@code nf_conntrack_proto_icmp.c} for the datagram an error quotes). The connections themselves are kept in
 * {@link Netfilter}; the hooks that look them up are {@link NfHooks}.
 */
final class NfConntrack {

    private NfConntrack() {}

    /**
     * What conntrack sees of a packet: its tuple, the TCP segment when it is one, and whether such a
     * packet may start a connection (an echo request, any TCP segment: {@code nf_conntrack_tcp_loose}).
     */
    record Flow(Netfilter.Tuple tuple, Optional<TcpSegment> tcp, boolean starts) {}

    /** The flow of a packet, in a namespace that tracks connections: none does until iptables touched its nat table. */
    static Optional<Flow> trackedFlowOf(Namespace ns, Ipv4Packet p) {
        return ns.netfilter.tracking() ? flowOf(p) : Optional.empty();
    }

    static Optional<Flow> flowOf(Ipv4Packet p) {
        try {
            if (p.protocol() == Ipv4Packet.PROTO_TCP) {
                TcpSegment seg = TcpSegment.parse(p.payload(), p.source(), p.destination());
                return Optional.of(new Flow(new Netfilter.Tuple(TcpSegment.PROTOCOL, p.source(), seg.sourcePort(),
                        p.destination(), seg.destinationPort()), Optional.of(seg), true));
            }
            if (p.protocol() == Ipv4Packet.PROTO_ICMP) {
                IcmpPacket m = IcmpPacket.parse(p.payload());
                if (m.isEcho()) {
                    return Optional.of(new Flow(Netfilter.Tuple.icmp(p.source(), p.destination(), m.identifier()),
                            Optional.empty(), m.type() == IcmpPacket.ECHO_REQUEST));
                }
            }
        } catch (WireFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The tuple of the datagram an ICMP error quotes, if it is one of a connection a lab tracks. */
    static Optional<Netfilter.Tuple> quotedTuple(IcmpPacket.QuotedDatagram q) {
        if (q.protocol() == Ipv4Packet.PROTO_TCP) {
            return Optional.of(new Netfilter.Tuple(TcpSegment.PROTOCOL, q.source(), q.sourcePort(), q.destination(),
                    q.destinationPort()));
        }
        if (q.protocol() == Ipv4Packet.PROTO_ICMP && q.icmpType() == IcmpPacket.ECHO_REQUEST) {
            return Optional.of(Netfilter.Tuple.icmp(q.source(), q.destination(), q.icmpId()));
        }
        return Optional.empty();
    }
}
