package org.netnslab.core.model;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * A route of the main table (or of the local one), as {@code RTM_NEWROUTE} reports it and {@code ip route} prints it.
 *
 * @param destination the prefix, host bits clear ({@code 0.0.0.0/0} is the default route)
 * @param gateway the next hop, for {@code via} routes
 * @param device the output link's name
 * @param preferredSource {@code src}: the source address for traffic that has none yet
 * @param metric {@code RTA_PRIORITY}, an unsigned 32-bit number kept in an int's bits
 * @param linkDown the output link has no carrier ({@code RTNH_F_LINKDOWN}, printed as {@code linkdown})
 * @param onlink the gateway was taken on the link as it is ({@code RTNH_F_ONLINK}, printed as {@code onlink})
 */
public record Route(
        RouteType type,
        Ipv4Cidr destination,
        Optional<Ipv4Address> gateway,
        String device,
        RouteProtocol protocol,
        Scope scope,
        Optional<Ipv4Address> preferredSource,
        int metric,
        boolean linkDown,
        boolean onlink) {

    public Route(RouteType type, Ipv4Cidr destination, Optional<Ipv4Address> gateway, String device,
            RouteProtocol protocol, Scope scope, Optional<Ipv4Address> preferredSource, int metric, boolean linkDown) {
        this(type, destination, gateway, device, protocol, scope, preferredSource, metric, linkDown, false);
    }

    public Route withLinkDown(boolean down) {
        return new Route(type, destination, gateway, device, protocol, scope, preferredSource, metric, down, onlink);
    }
}
