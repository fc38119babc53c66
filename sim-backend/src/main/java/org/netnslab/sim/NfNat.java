package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.NfConntrack.Flow;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.TcpSegment;
import org.netnslab.sim.wire.WireFormatException;

/**
 * Masquerade, as {@code net/netfilter/nf_nat_core.c}, {@code nf_nat_proto.c} and {@code nf_nat_masquerade.c}
 * do it: a connection is bound once, by the nat chain, and from then on its packets are rewritten by the
 * binding. The hooks that call this are {@link NfHooks}.
 */
final class NfNat {

    private NfNat() {}

    /**
     * {@code nf_nat_inet_fn} for a connection the nat rules have not seen yet ({@code nf_nat_initialized}):
     * down the POSTROUTING chain, where the first MASQUERADE rule that matches binds the connection to the
     * address of the output device ({@code nf_nat_masquerade_ipv4}).
     *
     * @return false when the packet is dropped: the output device has no address to masquerade to
     */
    static boolean bind(Namespace ns, Netfilter.Conn c, Ipv4Packet p, Device out, Ipv4Address nextHop, long now,
            Trace trace) {
        Netfilter nf = ns.netfilter;
        c.bound = true;
        for (Netfilter.RuleEntry r : nf.postrouting) {
            if (r.rule.matches(p.source(), out.name)) {
                r.packets++;
                r.bytes += p.length();
                ns.changed();
                if (!r.rule.masquerade()) {
                    // a rule without a target counts, and the chain goes on
                    continue;
                }
                Optional<Ipv4Address> to = ns.selectAddress(out, nextHop, Scope.GLOBAL);
                if (to.isEmpty()) {
                    trace.drop(ns, out.name, "MASQUERADE: " + out.name + " has no address to masquerade to");
                    return false;
                }
                nf.rebind(c, to.get(), now);
                return true;
            }
        }
        return true;
    }

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
        if (c.isEmpty() || !c.get().masqueraded) {
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
        if (c.isEmpty() || !c.get().masqueraded) {
            return offending;
        }
        Netfilter.Conn conn = c.get();
        return withSource(offending, f, conn.original.source(), conn.original.sourcePort());
    }
}
