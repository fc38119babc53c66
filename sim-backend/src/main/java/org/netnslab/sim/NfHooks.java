package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.NfConntrack.Flow;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.WireFormatException;

/**
 * Where netfilter sits on the packet's path ({@code NF_INET_PRE_ROUTING}, {@code NF_INET_LOCAL_OUT},
 * {@code NF_INET_POST_ROUTING}), with what conntrack ({@code nf_conntrack_in}) and the nat table
 * ({@link NfNat}) do there. A lab has the nat table alone: INPUT and FORWARD, where the filter table would sit,
 * have no hook here yet.
 */
final class NfHooks {

    private final Engine engine;

    NfHooks(Engine engine) {
        this.engine = engine;
    }

    /** PREROUTING: a new connection is tracked; a reply to a masqueraded one gets its original destination back. */
    Ipv4Packet prerouting(Namespace ns, Device in, Ipv4Packet p, Trace trace) {
        Netfilter nf = ns.netfilter;
        if (!nf.tableExists) {
            return p;
        }
        long now = engine.now();
        Optional<IcmpPacket> icmp = icmpOf(p);
        if (icmp.isPresent() && icmp.get().isError()) {
            return NfNat.icmpReplyTranslation(ns, in, p, icmp.get(), now, trace);
        }
        Optional<Flow> flow = NfConntrack.flowOf(p);
        if (flow.isEmpty()) {
            return p;
        }
        Flow f = flow.get();
        Optional<Netfilter.Conn> reply = nf.reply(f.tuple(), now);
        if (reply.isPresent()) {
            Netfilter.Conn conn = reply.get();
            conn.seen(now, f.tcp());
            if (!conn.masqueraded) {
                return p;
            }
            trace.pass(ns, in.name, "reply to a masqueraded connection: destination " + p.destination()
                    + " -> " + conn.original.source()
                    + ports(f, f.tuple().destinationPort(), conn.original.sourcePort()));
            return NfNat.withDestination(p, f, conn.original.source(), conn.original.sourcePort());
        }
        Optional<Netfilter.Conn> original = nf.original(f.tuple(), now);
        if (original.isPresent()) {
            original.get().seen(now, f.tcp());
        } else if (f.starts()) {
            nf.track(f.tuple(), now).seen(now, f.tcp());
        }
        return p;
    }

    /** OUTPUT: what this namespace starts is tracked. */
    Ipv4Packet output(Namespace ns, Ipv4Packet p) {
        Optional<Flow> flow = NfConntrack.trackedFlowOf(ns, p);
        if (flow.isEmpty()) {
            return p;
        }
        Netfilter nf = ns.netfilter;
        Flow f = flow.get();
        long now = engine.now();
        Optional<Netfilter.Conn> known = nf.original(f.tuple(), now).or(() -> nf.replyDirection(f.tuple(), now));
        if (known.isPresent()) {
            known.get().seen(now, f.tcp());
        } else if (f.starts()) {
            nf.track(f.tuple(), now).seen(now, f.tcp());
        }
        return p;
    }

    /**
     * POSTROUTING: the first packet of a connection goes down the nat chain, and the first MASQUERADE rule
     * that matches counts it and binds the connection to the address of the output device; later packets
     * follow the binding. Null when the packet is dropped (no address to masquerade to).
     */
    Ipv4Packet postrouting(Namespace ns, Ipv4Packet p, Device out, Ipv4Address nextHop, Trace trace) {
        Optional<Flow> flow = NfConntrack.trackedFlowOf(ns, p);
        if (flow.isEmpty()) {
            return p;
        }
        Netfilter nf = ns.netfilter;
        Flow f = flow.get();
        long now = engine.now();
        Optional<Netfilter.Conn> existing = nf.original(f.tuple(), now);
        if (existing.isEmpty() && (!f.starts() || nf.replyDirection(f.tuple(), now).isPresent())) {
            return p;
        }
        Netfilter.Conn c = existing.orElseGet(() -> nf.track(f.tuple(), now));
        c.seen(now, f.tcp());
        if (!c.bound && !NfNat.bind(ns, c, p, out, nextHop, now, trace)) {
            return null;
        }
        if (!c.masqueraded) {
            return p;
        }
        Ipv4Address newSource = c.reply.destination();
        int newPort = c.reply.destinationPort();
        trace.pass(ns, out.name, "masqueraded " + p.source() + " -> " + newSource
                + ports(f, f.tuple().sourcePort(), newPort));
        return NfNat.withSource(p, f, newSource, newPort);
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
