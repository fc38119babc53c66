package org.netnslab.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything of one network namespace that a lab shows: a snapshot, immutable.
 *
 * @param name the lab's name for it ({@code Backend.HOST} for the learner's host)
 * @param links in ifindex order, as a dump returns them
 * @param addresses in the kernel's order: per link, IPv4 before IPv6, in the order they were added
 * @param routes the main table, in the kernel's dump order
 * @param ipForward {@code net.ipv4.ip_forward}: any integer, forwarding when not 0
 * @param netnsIds the ids this namespace has given to other namespaces ({@code link-netnsid}, {@code (id: N)}),
 *     by the lab's name of the other namespace
 * @param localRoutes the local table ({@code RT_TABLE_LOCAL}: local and broadcast routes of the addresses), in
 *     the kernel's dump order
 */
public record NamespaceState(
        String name,
        List<Link> links,
        List<Address> addresses,
        List<Route> routes,
        int ipForward,
        NatTable nat,
        Map<String, Integer> netnsIds,
        List<Route> localRoutes) {

    /** A namespace whose local table is not shown ({@code localRoutes} empty). */
    public NamespaceState(String name, List<Link> links, List<Address> addresses, List<Route> routes, int ipForward,
            NatTable nat, Map<String, Integer> netnsIds) {
        this(name, links, addresses, routes, ipForward, nat, netnsIds, List.of());
    }

    public Optional<Link> link(String linkName) {
        return links.stream().filter(l -> l.name().equals(linkName)).findFirst();
    }

    public Optional<Link> link(int index) {
        return links.stream().filter(l -> l.index() == index).findFirst();
    }

    public List<Address> addressesOf(int linkIndex) {
        return addresses.stream().filter(a -> a.linkIndex() == linkIndex).toList();
    }
}
