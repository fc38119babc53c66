package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.model.RouteType;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;

/** {@code net/ipv4/ip_input.c}: a packet a device received, delivered here, forwarded, or dropped. */
final class IpInput {

    private final Datapath dp;

    IpInput(Datapath dp) {
        this.dp = dp;
    }

    /** {@code ip_rcv}: conntrack and de-masquerade, then the input route decides: deliver, forward, or drop. */
    void rcv(Device in, Ipv4Packet p, boolean linkBroadcast, Trace trace) {
        Namespace ns = in.ns;
        if (!in.isLoopback()) {
            trace.pass(ns, in.name, "received on " + in.name + ", " + p.source() + " > " + p.destination()
                    + ", ttl " + p.ttl());
        }
        Ipv4Packet q = dp.nf.prerouting(ns, in, p, trace);
        if (q == null) {
            return;
        }
        if (in.isLoopback()) {
            // the output route came with the packet: only what was ours to deliver loops back
            Optional<Namespace.LocalRoute> r = ns.localRoute(q.destination(), Optional.empty());
            if (r.isPresent()) {
                localDeliver(in, q, r.get().type() == RouteType.BROADCAST, trace);
            } else if (q.destination().isLimitedBroadcast()) {
                localDeliver(in, q, true, trace);
            }
            return;
        }
        Routing.Route route;
        try {
            route = Routing.input(ns, q.destination(), q.source(), in);
        } catch (Routing.Refused refused) {
            if (refused.icmpCode >= 0 && refused.errno != Errno.ENETUNREACH) {
                trace.drop(ns, in.name, refused.getMessage() + ": " + refused.errno.message() + " back to "
                        + q.source() + " [IP_INNOROUTES]");
                dp.icmp.send(ns, q, IcmpPacket.DEST_UNREACH, refused.icmpCode, trace);
                return;
            }
            switch (refused.errno) {
                case ENETUNREACH -> {
                    trace.drop(ns, in.name, "no route to " + q.destination() + ": Destination Net Unreachable back to "
                            + q.source() + " [IP_INNOROUTES]");
                    dp.icmp.send(ns, q, IcmpPacket.DEST_UNREACH, IcmpPacket.NET_UNREACH, trace);
                }
                case EHOSTUNREACH -> trace.drop(ns, in.name, "not for this namespace, and forwarding is off"
                        + " (net.ipv4.ip_forward = 0) [IP_INADDRERRORS]");
                default -> trace.drop(ns, in.name, refused.getMessage() + " [IP_INVALID_SOURCE]");
            }
            return;
        }
        if (route.type() == RouteType.LOCAL) {
            localDeliver(in, q, false, trace);
        } else if (route.type() == RouteType.BROADCAST) {
            localDeliver(in, q, true, trace);
        } else if (linkBroadcast) {
            trace.drop(ns, in.name, "a link-layer broadcast is not forwarded");
        } else {
            dp.ipForward.forward(in, q, route, trace);
        }
    }

    /** {@code ip_local_deliver}: to TCP ({@link Tcp}) or ICMP; a lab speaks no other protocol. */
    private void localDeliver(Device in, Ipv4Packet packet, boolean broadcast, Trace trace) {
        Ipv4Packet p = dp.nf.input(in.ns, in, packet, trace);
        if (p == null) {
            return;
        }
        if (p.protocol() == Ipv4Packet.PROTO_TCP) {
            if (broadcast) {
                // tcp_v4_rcv: only PACKET_HOST
                trace.drop(in.ns, in.name, "TCP to a broadcast address ignored");
                return;
            }
            dp.tcp.receive(in, p, trace);
            return;
        }
        if (p.protocol() != Ipv4Packet.PROTO_ICMP) {
            return;
        }
        dp.icmp.rcv(in, p, broadcast, trace);
    }
}
