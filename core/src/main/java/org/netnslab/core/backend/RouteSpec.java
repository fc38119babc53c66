package org.netnslab.core.backend;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * What {@code ip route add|del} asks for: {@code PREFIX|default [via GW] [dev DEV]}.
 *
 * @param destination as typed (iproute2 refuses host bits before it asks the kernel)
 */
public record RouteSpec(Ipv4Cidr destination, Optional<Ipv4Address> gateway, Optional<String> device) {}
