package org.netnslab.sim;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.Scope;
import org.netnslab.core.model.netfilter.Match.CtState;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.NfConntrack.Flow;
import org.netnslab.sim.wire.EthernetFrame;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.WireFormatException;

/**
 * The five places of the IPv4 path where netfilter sits ({@code NF_INET_PRE_ROUTING}, {@code LOCAL_IN},
 * {@code FORWARD}, {@code LOCAL_OUT}, {@code POST_ROUTING}), each with what is registered there, in priority
 * order: conntrack ({@code nf_conntrack_in}, -200), the nat chains that change a destination (PREROUTING and
 * OUTPUT, -100), the filter chains (0), the nat chains that change a source (POSTROUTING and INPUT, 100). A
 * connection meets the nat chains with its first packet only ({@code nf_nat_inet_fn}); every packet meets the
 * filter chains. A hook returns the packet, rewritten as NAT says, or null when a rule or policy dropped or
 * rejected it (REJECT sends its ICMP error or TCP reset from here).
 */
final class NfHooks {

    private final Datapath dp;

    NfHooks(Datapath dp) {
        this.dp = dp;
    }

    private long now() {
        return dp.engine.now();
    }

    /** The connection a packet belongs to, and its direction ({@code ctinfo}). */
    record Ct(Netfilter.Conn conn, boolean reply, CtState state) {}

    // ============================================================================================ hooks

    /** PREROUTING: conntrack, then the nat chains for a new connection's destination; the reply's un-SNAT. */
    Ipv4Packet prerouting(Namespace ns, Device in, Ipv4Packet p, Trace trace) {
        Netfilter nf = ns.netfilter;
        if (!nf.tracking()) {
            return p;
        }
        Optional<IcmpPacket> icmp = icmpOf(p);
        if (icmp.isPresent() && icmp.get().isError()) {
            nf.current = Optional.empty();
            nf.currentState = related(nf, icmp.get()) ? CtState.RELATED : CtState.INVALID;
            Ipv4Packet q = NfNat.icmpReplyTranslation(ns, in, p, icmp.get(), now(), trace);
            return q;
        }
        Optional<Ct> ct = conntrackIn(ns, p);
        return destinationNat(ns, ct, p, Table.Hook.PREROUTING, Optional.of(in.name), Optional.empty(), trace);
    }

    /** INPUT: the filter chains, then the nat chains for a new connection's source. */
    Ipv4Packet input(Namespace ns, Device in, Ipv4Packet p, Trace trace) {
        Netfilter nf = ns.netfilter;
        if (!nf.tracking()) {
            return p;
        }
        Optional<Ct> ct = current(nf);
        if (!filter(ns, Table.Hook.INPUT, ct, p, Optional.of(in.name), Optional.empty(), trace, in.name)) {
            return null;
        }
        Ipv4Packet q = sourceNat(ns, ct, p, Table.Hook.INPUT, Optional.of(in.name), Optional.empty(), in, p.source(),
                trace);
        ct.ifPresent(c -> c.conn().confirmed = true);
        return q;
    }

    /** FORWARD: the filter chains. */
    Ipv4Packet forward(Namespace ns, Device in, Device out, Ipv4Packet p, Trace trace) {
        Netfilter nf = ns.netfilter;
        if (!nf.tracking()) {
            return p;
        }
        Optional<Ct> ct = current(nf);
        return filter(ns, Table.Hook.FORWARD, ct, p, Optional.of(in.name), Optional.of(out.name), trace, in.name)
                ? p : null;
    }

    /**
     * OUTPUT: conntrack for what this namespace sends, the nat chains for a new connection's destination, then
     * the filter chains; {@code out} is the device the route picked.
     */
    Ipv4Packet output(Namespace ns, Device out, Ipv4Packet p, Trace trace) {
        Netfilter nf = ns.netfilter;
        if (!nf.tracking()) {
            return p;
        }
        Optional<IcmpPacket> icmp = icmpOf(p);
        Optional<Ct> ct;
        if (icmp.isPresent() && icmp.get().isError()) {
            nf.current = Optional.empty();
            nf.currentState = related(nf, icmp.get()) ? CtState.RELATED : CtState.INVALID;
            ct = Optional.empty();
        } else {
            ct = conntrackIn(ns, p);
        }
        String dev = out.isLoopback() ? "lo" : out.name;
        Ipv4Packet q = destinationNat(ns, ct, p, Table.Hook.OUTPUT, Optional.empty(), Optional.of(dev), trace);
        if (q == null) {
            return null;
        }
        return filter(ns, Table.Hook.OUTPUT, ct, q, Optional.empty(), Optional.of(dev), trace, dev) ? q : null;
    }

    /** POSTROUTING: the nat chains for a new connection's source (MASQUERADE, SNAT); the reply's un-DNAT. */
    Ipv4Packet postrouting(Namespace ns, Ipv4Packet p, Device out, Ipv4Address nextHop, Trace trace) {
        Netfilter nf = ns.netfilter;
        if (!nf.tracking()) {
            return p;
        }
        Optional<Ct> ct = current(nf);
        String dev = out.isLoopback() ? "lo" : out.name;
        Ipv4Packet q = sourceNat(ns, ct, p, Table.Hook.POSTROUTING, Optional.empty(), Optional.of(dev), out, nextHop,
                trace);
        if (q != null) {
            ct.ifPresent(c -> c.conn().confirmed = true);
        }
        return q;
    }

    /**
     * br_netfilter ({@code br_nf_pre_routing}, {@code br_nf_forward_ip}): an IPv4 frame the bridge forwards from one
     * port to another meets conntrack and the filter chains of FORWARD, in and out being the bridge, as on a machine
     * with the module loaded and {@code net.bridge.bridge-nf-call-iptables} at its default, 1. False when dropped.
     */
    boolean bridged(Bridge br, EthernetFrame f, Trace trace) {
        Namespace ns = br.ns;
        if (!ns.netfilter.tracking()) {
            return true;
        }
        Ipv4Packet p;
        try {
            p = Ipv4Packet.parse(f.payload());
        } catch (WireFormatException e) {
            return true;
        }
        Optional<Ct> ct = conntrackIn(ns, p);
        if (!filter(ns, Table.Hook.FORWARD, ct, p, Optional.of(br.name), Optional.of(br.name), trace, br.name)) {
            return false;
        }
        ct.ifPresent(c -> c.conn().confirmed = true);
        return true;
    }

    // ========================================================================================= conntrack

    /**
     * {@code nf_conntrack_in}: the connection of the packet, found in either direction (or, for what comes back
     * through {@code lo}, as NAT left it), or a new one when the packet may start one; INVALID when it may not.
     */
    private Optional<Ct> conntrackIn(Namespace ns, Ipv4Packet p) {
        Netfilter nf = ns.netfilter;
        long now = now();
        Optional<Flow> flow = NfConntrack.flowOf(p);
        nf.current = Optional.empty();
        nf.currentState = CtState.INVALID;
        if (flow.isEmpty()) {
            nf.currentState = CtState.NEW;
            return Optional.empty();
        }
        Flow f = flow.get();
        Netfilter.Tuple t = f.tuple();
        Optional<Ct> ct = nf.original(t, now).map(c -> new Ct(c, false, c.seenReply ? CtState.ESTABLISHED : CtState.NEW))
                .or(() -> nf.reply(t, now).map(c -> new Ct(c, true, CtState.ESTABLISHED)))
                .or(() -> nf.reply(t.inverse(), now).filter(c -> !c.original.equals(t.inverse()))
                        .map(c -> new Ct(c, false, c.seenReply ? CtState.ESTABLISHED : CtState.NEW)))
                .or(() -> nf.original(t.inverse(), now).filter(c -> !c.reply.equals(t.inverse()))
                        .map(c -> new Ct(c, true, CtState.ESTABLISHED)));
        if (ct.isEmpty()) {
            if (!f.starts()) {
                return Optional.empty();
            }
            Netfilter.Conn c = nf.track(t, now);
            ct = Optional.of(new Ct(c, false, CtState.NEW));
        }
        Ct found = ct.get();
        found.conn().seen(now, f.tcp());
        if (found.reply()) {
            found.conn().seenReply = true;
        }
        nf.current = ct;
        nf.currentState = found.state();
        return ct;
    }

    /** What the hooks after PREROUTING or OUTPUT know of the packet: what conntrack found there. */
    private static Optional<Ct> current(Netfilter nf) {
        return nf.current;
    }

    /** An ICMP error about a connection conntrack knows is RELATED to it. */
    private boolean related(Netfilter nf, IcmpPacket error) {
        try {
            Optional<Netfilter.Tuple> inner = NfConntrack.quotedTuple(error.quoted());
            long now = now();
            return inner.map(t -> nf.original(t, now).isPresent() || nf.reply(t, now).isPresent()
                    || nf.original(t.inverse(), now).isPresent() || nf.reply(t.inverse(), now).isPresent())
                    .orElse(false);
        } catch (WireFormatException e) {
            return false;
        }
    }

    // ============================================================================================ filter

    /** The filter chains of the hook; false when the packet is dropped or rejected. */
    private boolean filter(Namespace ns, Table.Hook hook, Optional<Ct> ct, Ipv4Packet p, Optional<String> in,
            Optional<String> out, Trace trace, String device) {
        List<NfTables.ChainOf> chains = NfTables.baseChains(ns.netfilter, hook, false);
        if (chains.isEmpty()) {
            return true;
        }
        NfTables.Packet packet = NfTables.Packet.of(p, in, out, NfConntrack.flowOf(p), ns.netfilter.currentState);
        for (NfTables.ChainOf c : chains) {
            NfTables.Verdict v = NfTables.traverse(ns, c, packet);
            switch (v.kind()) {
                case DROP -> {
                    trace.drop(ns, device, "dropped by " + v.by() + " [NETFILTER_DROP]");
                    unconfirmed(ns, ct);
                    return false;
                }
                case REJECT -> {
                    trace.drop(ns, device, "rejected by " + v.by() + " [NETFILTER_DROP]");
                    unconfirmed(ns, ct);
                    reject(ns, p, (Target.Reject) v.target().orElseThrow(), trace);
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** A connection whose first packet was dropped is never confirmed: it goes ({@code nf_ct_destroy}). */
    private static void unconfirmed(Namespace ns, Optional<Ct> ct) {
        ct.filter(c -> !c.conn().confirmed).ifPresent(c -> ns.netfilter.forget(c.conn()));
    }

    /** {@code nf_send_unreach} and {@code nf_send_reset}: REJECT's answer, back to the packet's sender. */
    private void reject(Namespace ns, Ipv4Packet p, Target.Reject r, Trace trace) {
        if (r.with() == Target.RejectWith.TCP_RESET) {
            NfConntrack.flowOf(p).flatMap(Flow::tcp).ifPresent(seg -> dp.tcp.reset(ns, p, seg, trace));
            return;
        }
        int code = switch (r.with()) {
            case ICMP_NET_UNREACHABLE -> IcmpPacket.NET_UNREACH;
            case ICMP_HOST_UNREACHABLE -> IcmpPacket.HOST_UNREACH;
            case ICMP_PROTO_UNREACHABLE -> IcmpPacket.PROT_UNREACH;
            case ICMP_NET_PROHIBITED -> 9;
            case ICMP_HOST_PROHIBITED -> 10;
            case ICMP_ADMIN_PROHIBITED -> 13;
            default -> IcmpPacket.PORT_UNREACH;
        };
        dp.icmp.send(ns, p, IcmpPacket.DEST_UNREACH, code, trace);
    }

    // =============================================================================================== nat

    /**
     * The destination's manipulation ({@code NF_NAT_MANIP_DST}): a new connection down the nat chains of the
     * hook, where DNAT binds it; then the packet as the binding says: DNAT'd going out, un-SNAT'd coming back.
     */
    private Ipv4Packet destinationNat(Namespace ns, Optional<Ct> ct, Ipv4Packet p, Table.Hook hook,
            Optional<String> in, Optional<String> out, Trace trace) {
        if (ct.isEmpty()) {
            return p;
        }
        Netfilter.Conn c = ct.get().conn();
        Optional<Flow> flow = NfConntrack.flowOf(p);
        if (!ct.get().reply() && !c.dstNatDone && flow.isPresent()) {
            c.dstNatDone = true;
            for (NfTables.ChainOf chain : NfTables.baseChains(ns.netfilter, hook, true)) {
                NfTables.Verdict v = NfTables.traverse(ns, chain, NfTables.Packet.of(p, in, out, flow, ct.get().state()));
                if (v.kind() == NfTables.Kind.DROP) {
                    trace.drop(ns, in.or(() -> out).orElse(""), "dropped by " + v.by() + " [NETFILTER_DROP]");
                    unconfirmed(ns, ct);
                    return null;
                }
                if (v.kind() == NfTables.Kind.NAT) {
                    if (v.target().orElseThrow() instanceof Target.Dnat d) {
                        ns.netfilter.rebindDestination(c, d.to().first(), d.to().ports().map(x -> x.first()));
                    }
                    break;
                }
            }
        }
        if (flow.isEmpty()) {
            return p;
        }
        Flow f = flow.get();
        if (!ct.get().reply() && c.dstNatted()) {
            if (!p.destination().equals(c.reply.source()) || f.tuple().destinationPort() != c.reply.sourcePort()) {
                trace.pass(ns, in.or(() -> out).orElse(""), "DNAT: destination " + p.destination() + " -> "
                        + c.reply.source() + ports(f, f.tuple().destinationPort(), c.reply.sourcePort()));
                return NfNat.withDestination(p, f, c.reply.source(), c.reply.sourcePort());
            }
        } else if (ct.get().reply() && c.srcNatted()) {
            if (!p.destination().equals(c.original.source()) || f.tuple().destinationPort() != c.original.sourcePort()) {
                trace.pass(ns, in.or(() -> out).orElse(""), "reply to a masqueraded connection: destination "
                        + p.destination() + " -> " + c.original.source()
                        + ports(f, f.tuple().destinationPort(), c.original.sourcePort()));
                return NfNat.withDestination(p, f, c.original.source(), c.original.sourcePort());
            }
        }
        return p;
    }

    /**
     * The source's manipulation ({@code NF_NAT_MANIP_SRC}): a new connection down the nat chains of the hook,
     * where MASQUERADE or SNAT binds it; then the packet as the binding says: SNAT'd going out, un-DNAT'd coming
     * back.
     */
    private Ipv4Packet sourceNat(Namespace ns, Optional<Ct> ct, Ipv4Packet p, Table.Hook hook, Optional<String> in,
            Optional<String> out, Device dev, Ipv4Address nextHop, Trace trace) {
        if (ct.isEmpty()) {
            return p;
        }
        Netfilter.Conn c = ct.get().conn();
        Optional<Flow> flow = NfConntrack.flowOf(p);
        String device = in.or(() -> out).orElse("");
        if (!ct.get().reply() && !c.srcNatDone && flow.isPresent()) {
            c.srcNatDone = true;
            for (NfTables.ChainOf chain : NfTables.baseChains(ns.netfilter, hook, true)) {
                NfTables.Verdict v = NfTables.traverse(ns, chain, NfTables.Packet.of(p, in, out, flow, ct.get().state()));
                if (v.kind() == NfTables.Kind.DROP) {
                    trace.drop(ns, device, "dropped by " + v.by() + " [NETFILTER_DROP]");
                    unconfirmed(ns, ct);
                    return null;
                }
                if (v.kind() == NfTables.Kind.NAT) {
                    Target t = v.target().orElseThrow();
                    if (t instanceof Target.Masquerade m) {
                        Optional<Ipv4Address> to = ns.selectAddress(dev, nextHop, Scope.GLOBAL);
                        if (to.isEmpty()) {
                            trace.drop(ns, device, "MASQUERADE: " + dev.name + " has no address to masquerade to");
                            unconfirmed(ns, ct);
                            return null;
                        }
                        ns.netfilter.rebindSource(c, to.get(), m.toPorts().map(x -> x.first()), now());
                    } else if (t instanceof Target.Snat s) {
                        ns.netfilter.rebindSource(c, s.to().first(), s.to().ports().map(x -> x.first()), now());
                    }
                    break;
                }
            }
        }
        if (flow.isEmpty()) {
            return p;
        }
        Flow f = flow.get();
        if (!ct.get().reply() && c.srcNatted()) {
            if (!p.source().equals(c.reply.destination()) || f.tuple().sourcePort() != c.reply.destinationPort()) {
                trace.pass(ns, device, "masqueraded " + p.source() + " -> " + c.reply.destination()
                        + ports(f, f.tuple().sourcePort(), c.reply.destinationPort()));
                return NfNat.withSource(p, f, c.reply.destination(), c.reply.destinationPort());
            }
        } else if (ct.get().reply() && c.dstNatted()) {
            if (!p.source().equals(c.original.destination()) || f.tuple().sourcePort() != c.original.destinationPort()) {
                trace.pass(ns, device, "reply to a DNAT'd connection: source " + p.source() + " -> "
                        + c.original.destination() + ports(f, f.tuple().sourcePort(), c.original.destinationPort()));
                return NfNat.withSource(p, f, c.original.destination(), c.original.destinationPort());
            }
        }
        return p;
    }

    private static String ports(Flow f, int from, int to) {
        return f.tcp().isPresent() && from != to ? " (port " + from + " -> " + to + ")" : "";
    }

    private static Optional<IcmpPacket> icmpOf(Ipv4Packet p) {
        if (p.protocol() != Ipv4Packet.PROTO_ICMP) {
            return Optional.empty();
        }
        try {
            return Optional.of(IcmpPacket.parse(p.payload()));
        } catch (WireFormatException e) {
            return Optional.empty();
        }
    }
}
