package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.WireFormatException;

/**
 * {@code net/ipv4/icmp.c}: what a namespace does with the ICMP it receives (answers an echo request, hands an
 * echo reply or an error to the socket waiting for it) and the errors it sends about packets it cannot pass on.
 */
final class Icmp {

    private final Datapath dp;

    Icmp(Datapath dp) {
        this.dp = dp;
    }

    /** {@code icmp_rcv}: a message delivered to this namespace, by its type. */
    void rcv(Device in, Ipv4Packet p, boolean broadcast, Trace trace) {
        Namespace ns = in.ns;
        IcmpPacket icmp;
        try {
            icmp = IcmpPacket.parse(p.payload());
        } catch (WireFormatException e) {
            trace.drop(ns, in.name, "malformed ICMP: " + e.getMessage());
            return;
        }
        switch (icmp.type()) {
            case IcmpPacket.ECHO_REQUEST -> {
                if (broadcast) {
                    trace.drop(ns, in.name, "echo request to a broadcast address ignored"
                            + " (net.ipv4.icmp_echo_ignore_broadcasts = 1)");
                    return;
                }
                echo(ns, in, p, icmp, trace);
            }
            case IcmpPacket.ECHO_REPLY -> pingRcv(ns, in, p, icmp, trace);
            case IcmpPacket.DEST_UNREACH, IcmpPacket.TIME_EXCEEDED -> unreach(ns, in, p, icmp, trace);
            default -> { }
        }
    }

    /** {@code ping_rcv}: an echo reply goes to the ping socket of its identifier. */
    private void pingRcv(Namespace ns, Device in, Ipv4Packet p, IcmpPacket icmp, Trace trace) {
        PingSocket s = ns.sockets.get(icmp.identifier());
        if (s == null || !s.open || !s.hears(in)) {
            trace.drop(ns, in.name, "echo reply from " + p.source() + ": no ping is waiting for it any more");
            return;
        }
        trace.pass(ns, in.name, "echo reply from " + p.source() + " delivered to ping");
        s.listener.reply(icmp.sequence(), p.source(), p.ttl(), dp.engine.now(), trace);
    }

    /**
     * {@code icmp_unreach}: an error goes to the protocol of the datagram it quotes, {@code tcp_v4_err} or, for
     * an echo request, {@code ping_err}.
     */
    private void unreach(Namespace ns, Device in, Ipv4Packet p, IcmpPacket icmp, Trace trace) {
        IcmpPacket.QuotedDatagram q;
        try {
            q = icmp.quoted();
        } catch (WireFormatException e) {
            return;
        }
        if (q.protocol() == Ipv4Packet.PROTO_TCP) {
            dp.tcp.icmpError(in, p, q, errorText(icmp.type(), icmp.code()), errConvert(icmp.type(), icmp.code()),
                    trace);
            return;
        }
        if (q.protocol() != Ipv4Packet.PROTO_ICMP || q.icmpType() != IcmpPacket.ECHO_REQUEST) {
            return;
        }
        PingSocket s = ns.sockets.get(q.icmpId());
        String text = errorText(icmp.type(), icmp.code());
        if (s == null || !s.open || !s.hears(in)) {
            trace.drop(ns, in.name, text + " from " + p.source() + ": no ping is waiting for it any more");
            return;
        }
        trace.pass(ns, in.name, text + " from " + p.source() + " delivered to ping");
        s.listener.error(q.icmpSequence(), p.source(), text, dp.engine.now(), trace);
    }

    /** {@code icmp_echo} / {@code icmp_reply}: the answer leaves from the address that was asked. */
    private void echo(Namespace ns, Device in, Ipv4Packet request, IcmpPacket icmp, Trace trace) {
        Ipv4Packet reply = new Ipv4Packet(0, ns.nextIpIdent(), 0, IpOutput.DEFAULT_TTL, Ipv4Packet.PROTO_ICMP,
                request.destination(), request.source(), icmp.echoReply().toBytes());
        Routing.Route route;
        try {
            route = Routing.output(ns, request.source(), Optional.of(request.destination()), Optional.empty());
        } catch (KernelException e) {
            trace.pass(ns, in.name, "echo request for " + request.destination() + " delivered");
            trace.drop(ns, in.name, noRouteBack(request.source()) + " [IP_OUTNOROUTES]");
            return;
        }
        trace.pass(ns, in.name, "echo request for " + request.destination() + " delivered; echo reply "
                + reply.source() + " > " + reply.destination() + " sent"
                + (route.dev().isLoopback() ? "" : " on " + route.dev().name));
        dp.ipOutput.localOut(ns, reply, route, trace);
    }

    private static String noRouteBack(Ipv4Address to) {
        String why = "no route back to " + to;
        if (isPrivate(to)) {
            why += ": a private address that reached here unmasqueraded (no MASQUERADE on the way out)";
        }
        return why;
    }

    private static boolean isPrivate(Ipv4Address a) {
        return new Ipv4Cidr(Ipv4Address.of(10, 0, 0, 0), 8).contains(a)
                || new Ipv4Cidr(Ipv4Address.of(172, 16, 0, 0), 12).contains(a)
                || new Ipv4Cidr(Ipv4Address.of(192, 168, 0, 0), 16).contains(a);
    }

    /**
     * {@code icmp_send}: an error about a packet, back to its sender, from the address the route back picks.
     * Never about an ICMP error, nor about a packet from nowhere.
     */
    void send(Namespace ns, Ipv4Packet offending, int type, int code, Trace trace) {
        if (offending.protocol() == Ipv4Packet.PROTO_ICMP) {
            try {
                if (IcmpPacket.parse(offending.payload()).isError()) {
                    return;
                }
            } catch (WireFormatException e) {
                return;
            }
        }
        Ipv4Address to = offending.source();
        if (to.isAny() || to.isMulticast() || to.isLimitedBroadcast()) {
            return;
        }
        Ipv4Packet about = NfNat.demasqueradeOffending(ns, offending, dp.engine.now());
        to = about.source();
        Routing.Route route;
        try {
            route = Routing.output(ns, to, Optional.empty(), Optional.empty());
        } catch (KernelException e) {
            trace.drop(ns, "", "no route back to " + to + " for the ICMP error [IP_OUTNOROUTES]");
            return;
        }
        Optional<Ipv4Address> src = route.source();
        if (src.isEmpty()) {
            return;
        }
        IcmpPacket error = IcmpPacket.error(type, code, about);
        Ipv4Packet packet = new Ipv4Packet(0xc0, ns.nextIpIdent(), 0, IpOutput.DEFAULT_TTL, Ipv4Packet.PROTO_ICMP,
                src.get(), to, error.toBytes());
        trace.pass(ns, route.dev().isLoopback() ? "lo" : route.dev().name, "ICMP " + errorText(type, code)
                + " sent, " + src.get() + " > " + to);
        dp.ipOutput.localOut(ns, packet, route, trace);
    }

    /** {@code icmp_err_convert}, and {@code EHOSTUNREACH} for a time exceeded, as {@code tcp_v4_err} has it. */
    private static Errno errConvert(int type, int code) {
        if (type == IcmpPacket.TIME_EXCEEDED) {
            return Errno.EHOSTUNREACH;
        }
        return switch (code) {
            case IcmpPacket.NET_UNREACH, 6, 11 -> Errno.ENETUNREACH;
            case IcmpPacket.PORT_UNREACH -> Errno.ECONNREFUSED;
            case IcmpPacket.PROT_UNREACH -> Errno.EOPNOTSUPP;
            default -> Errno.EHOSTUNREACH;
        };
    }

    /** ping's words for an ICMP error ({@code pr_icmph} in iputils). */
    private static String errorText(int type, int code) {
        if (type == IcmpPacket.TIME_EXCEEDED) {
            return code == 0 ? "Time to live exceeded" : "Frag reassembly time exceeded";
        }
        return switch (code) {
            case IcmpPacket.NET_UNREACH -> "Destination Net Unreachable";
            case IcmpPacket.HOST_UNREACH -> "Destination Host Unreachable";
            case IcmpPacket.PROT_UNREACH -> "Destination Protocol Unreachable";
            case IcmpPacket.PORT_UNREACH -> "Destination Port Unreachable";
            case 9 -> "Destination Net Prohibited";
            case 10 -> "Destination Host Prohibited";
            case 13 -> "Packet filtered";
            default -> "Dest Unreachable, Bad Code: " + code;
        };
    }
}
