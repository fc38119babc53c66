package org.netnslab.core.backend;

import java.util.Optional;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * What {@code ip route add|del|change|replace|append} asks for, as iproute_modify fills its {@code rtmsg}:
 * {@code [TYPE] PREFIX|default [via GW] [dev DEV] [metric N] [src ADDR] [proto P] [scope S] [onlink]}.
 *
 * @param destination as typed (iproute2 refuses host bits before it asks the kernel)
 * @param type {@code rtm_type}; empty for a delete that names none ({@code RTN_UNSPEC}: any type), unicast for
 *     an add that names none
 * @param metric {@code RTA_PRIORITY} when given, an unsigned 32-bit number in an int's bits
 * @param preferredSource {@code RTA_PREFSRC}
 * @param protocol {@code rtm_protocol} when given (an add without one is {@code boot}, a delete matches any)
 * @param scope {@code rtm_scope} when given (otherwise iproute2's default for the type and the next hop)
 * @param onlink {@code RTNH_F_ONLINK}
 */
public record RouteSpec(
        Ipv4Cidr destination,
        Optional<Ipv4Address> gateway,
        Optional<String> device,
        Optional<RouteType> type,
        Optional<Integer> metric,
        Optional<Ipv4Address> preferredSource,
        Optional<RouteProtocol> protocol,
        Optional<Scope> scope,
        boolean onlink) {

    public RouteSpec(Ipv4Cidr destination, Optional<Ipv4Address> gateway, Optional<String> device) {
        this(destination, gateway, device, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    /** Only a prefix, a gateway and a device: what every backend has answered from the start. */
    public boolean plain() {
        return type.isEmpty() && metric.isEmpty() && preferredSource.isEmpty() && protocol.isEmpty()
                && scope.isEmpty() && !onlink;
    }

    /** The metric as the kernel keeps it: 0 when none was given. */
    public long metricOrZero() {
        return Integer.toUnsignedLong(metric.orElse(0));
    }

    /**
     * The scope iproute2 sends when none was typed: link for a unicast route without a gateway, universe
     * otherwise; for a delete of a unicast or untyped route, nowhere (any scope).
     */
    public Scope scopeFor(boolean delete) {
        if (scope.isPresent()) {
            return scope.get();
        }
        RouteType t = type.orElse(delete ? null : RouteType.UNICAST);
        if (t == RouteType.LOCAL) {
            return Scope.HOST;
        }
        if (t == RouteType.BROADCAST) {
            return Scope.LINK;
        }
        if (t == null || t == RouteType.UNICAST) {
            if (delete) {
                return Scope.NOWHERE;
            }
            return gateway.isEmpty() ? Scope.LINK : Scope.GLOBAL;
        }
        return delete ? Scope.NOWHERE : Scope.GLOBAL;
    }
}
