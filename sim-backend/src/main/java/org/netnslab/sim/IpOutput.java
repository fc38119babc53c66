package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.wire.Ipv4Packet;

/**
 * {@code net/ipv4/ip_output.c}: what a namespace sends (a ping, a TCP segment, an ICMP answer) and what it
 * forwards, on its way to the next hop's neighbour.
 */
final class IpOutput {

    /** {@code sysctl_ip_default_ttl}. */
    static final int DEFAULT_TTL = 64;

    private final Datapath dp;

    IpOutput(Datapath dp) {
        this.dp = dp;
    }

    /** {@code ip_local_out}: the OUTPUT hook, then POSTROUTING and the device, or {@code lo} for ourselves. */
    void localOut(Namespace ns, Ipv4Packet p, Routing.Route route, Trace trace) {
        Ipv4Packet q = dp.nf.output(ns, route.type() == RouteType.LOCAL ? ns.lo : route.dev(), p, trace);
        if (q == null) {
            return;
        }
        if (!q.destination().equals(p.destination())) {
            // ip_route_me_harder: the OUTPUT chain moved the destination, the route is looked up again
            try {
                route = Routing.output(ns, q.destination(), Optional.of(q.source()), Optional.empty());
            } catch (KernelException e) {
                trace.drop(ns, "", "no route to " + q.destination() + " after DNAT [IP_OUTNOROUTES]");
                return;
            }
        }
        if (route.type() == RouteType.LOCAL) {
            if (!ns.lo.adminUp) {
                trace.drop(ns, "lo", "lo is down: what a namespace sends to its own addresses goes nowhere"
                        + " [DEV_READY]");
                return;
            }
            output(ns, q, ns.lo, q.destination(), trace);
            return;
        }
        output(ns, q, route.dev(), route.nextHop(), trace);
    }

    /** {@code ip_output}: the POSTROUTING hook, then {@code ip_finish_output2}'s hand-over to the neighbour. */
    void output(Namespace ns, Ipv4Packet p, Device out, Ipv4Address nextHop, Trace trace) {
        Ipv4Packet q = dp.nf.postrouting(ns, p, out, nextHop, trace);
        if (q != null) {
            dp.neigh.output(out, nextHop, q, trace);
        }
    }
}
