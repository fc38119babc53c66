package org.netnslab.core.lesson;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.Route;

/**
 * What changed in one namespace. Links are matched by name, addresses by link and prefix, routes by
 * destination, type and metric (as the kernel tells routes apart), NAT rules as a list (counters ignored).
 *
 * @param namespace the lab's name ({@link org.netnslab.core.backend.Backend#HOST} for the host)
 * @param ipForward {@code net.ipv4.ip_forward}, when it changed
 */
public record NamespaceDiff(
        String namespace,
        List<Change<Link>> links,
        List<Change<Address>> addresses,
        List<Change<Route>> routes,
        Optional<Change<Integer>> ipForward,
        List<Change<NatRule>> natRules) {

    public NamespaceDiff {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        natRules = List.copyOf(natRules);
    }

    public boolean isEmpty() {
        return links.isEmpty() && addresses.isEmpty() && routes.isEmpty() && ipForward.isEmpty() && natRules.isEmpty();
    }
}
