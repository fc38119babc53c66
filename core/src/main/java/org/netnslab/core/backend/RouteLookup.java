package org.netnslab.core.backend;

import java.util.Optional;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.net.Ipv4Address;

/**
 * The answer to {@code ip route get}: the route the kernel would use for one packet.
 *
 * @param from the source the question gave ({@code from ADDR}), printed back
 * @param inputInterface the {@code iif} the question gave, for a forwarded packet
 * @param source the source address the kernel would pick ({@code src}), for a locally sent packet
 */
public record RouteLookup(
        RouteType type,
        Ipv4Address destination,
        Optional<Ipv4Address> from,
        Optional<Ipv4Address> gateway,
        String device,
        Optional<Ipv4Address> source,
        Optional<String> inputInterface) {}
