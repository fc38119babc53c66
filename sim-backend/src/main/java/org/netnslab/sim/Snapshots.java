package org.netnslab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.model.Route;
import org.netnslab.core.model.Scope;

/** What a dump of one namespace returns, as the core's immutable records, in the kernel's order. */
final class Snapshots {

    private Snapshots() {}

    static NamespaceState of(Namespace ns) {
        List<Link> links = new ArrayList<>();
        List<Address> addresses = new ArrayList<>();
        for (Device d : ns.devices()) {
            links.add(link(ns, d));
            for (Ifa ifa : d.inet) {
                addresses.add(ifa.secondary ? Address.inetSecondary(d.index, d.name, ifa.cidr, ifa.scope)
                        : Address.inet(d.index, d.name, ifa.cidr, ifa.scope));
            }
            if (d.inet6 != null) {
                addresses.add(Address.inet6(d.index, d.name, d.inet6, d.isLoopback() ? Scope.HOST : Scope.LINK));
            }
        }
        List<Route> routes = new ArrayList<>();
        for (Fib.Entry e : ns.fib.dump()) {
            routes.add(new Route(e.type, e.destination, e.gateway, e.dev.name, e.protocol, e.scope,
                    e.preferredSource, e.metric, !e.dev.carrier));
        }
        List<NatTable.Entry> rules = new ArrayList<>();
        for (Netfilter.RuleEntry r : ns.netfilter.postrouting) {
            rules.add(new NatTable.Entry(r.rule, r.counters()));
        }
        // iptables-nft: a base chain's policy has no counters, so -L -v shows 0 packets, 0 bytes
        NatTable nat = new NatTable(List.copyOf(rules), Collections.nCopies(NatTable.CHAINS.size(), Counters.ZERO));
        Map<String, Integer> ids = new LinkedHashMap<>();
        ns.netnsIds().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> ids.put(e.getKey().name(), e.getValue()));
        return new NamespaceState(ns.name(), List.copyOf(links), List.copyOf(addresses), List.copyOf(routes),
                ns.ipForward, nat, Collections.unmodifiableMap(ids));
    }

    private static Link link(Namespace ns, Device d) {
        Optional<Link.Peer> peer = Optional.empty();
        if (d instanceof Veth v && v.peer != null && v.peer.ns != null) {
            Veth p = v.peer;
            peer = Optional.of(new Link.Peer(p.index, p.ns == ns ? Optional.empty() : Optional.of(p.ns.name()),
                    p.name, p.adminUp));
        }
        return new Link(d.index, d.name, d.kind(), d.mac, d.mtu(), d.adminUp, d.adminUp && d.carrier,
                d.reportedOperState(), d.qdiscAttached ? "noqueue" : "noop", 1000,
                Optional.ofNullable(d.master).map(m -> m.name), peer);
    }
}
