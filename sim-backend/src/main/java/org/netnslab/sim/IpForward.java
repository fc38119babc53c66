package org.netnslab.sim;

import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;

/** {@code net/ipv4/ip_forward.c}: a packet for another host, passed on when forwarding is on. */
final class IpForward {

    private final Datapath dp;

    IpForward(Datapath dp) {
        this.dp = dp;
    }

    /** {@code ip_forward}: TTL, then out through the route's device, masqueraded if a rule says so. */
    void forward(Device in, Ipv4Packet p, Routing.Route route, Trace trace) {
        Namespace ns = in.ns;
        if (p.ttl() <= 1) {
            trace.drop(ns, in.name, "TTL exceeded in transit: Time to live exceeded back to " + p.source()
                    + " [IP_INHDR]");
            dp.icmp.send(ns, p, IcmpPacket.TIME_EXCEEDED, 0, trace);
            return;
        }
        Ipv4Packet q = dp.nf.forward(ns, in, route.dev(), p.withTtl(p.ttl() - 1), trace);
        if (q == null) {
            return;
        }
        trace.pass(ns, in.name, "forwarded out " + route.dev().name
                + route.gateway().map(g -> " via " + g).orElse("") + ", ttl " + p.ttl() + " -> " + q.ttl());
        dp.ipOutput.output(ns, q, route.dev(), route.nextHop(), trace);
    }
}
