package org.netnslab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;


/**
 * What a dump of one namespace returns, as the core's immutable records, in the kernel's order. Kept between
 * dumps: the records of a device are made again only when something they show changed, and the lists of a
 * namespace of thousands of links share all but what changed with the last snapshot ({@link PersistentList}).
 * {@link #full} makes one from nothing, the way the incremental one must agree with.
 */
final class Snapshots {

    private final Namespace ns;
    private NamespaceState last;
    private PersistentList<Link> links = PersistentList.empty();
    /** The devices of {@link #links}, in the same order. */
    private final List<Device> shown = new ArrayList<>();
    private PersistentList<Address> addresses = PersistentList.empty();
    /** Where in {@link #shown} the last device with addresses is, or -1: after it, addresses only append. */
    private int lastWithAddresses = -1;

    Snapshots(Namespace ns) {
        this.ns = ns;
    }

    /** The namespace as a dump would show it now. */
    NamespaceState current() {
        if (last != null && !ns.dirty()) {
            return last;
        }
        Namespace.Changes changes = ns.takeChanges();
        if (last == null || changes.unregistered() || !appendsOnly(changes.registered())) {
            rebuild();
        } else {
            update(changes);
        }
        last = new NamespaceState(ns.name(), links, addresses, routes(ns), ns.ipForward, nat(ns), ns.shownIds(),
                localRoutes(ns));
        ns.clean();
        return last;
    }

    /**
     * Device {@code name} as {@link #current()} shows it, without the list of every link: made again only when
     * the device changed since it was last shown.
     */
    Optional<Link> link(String name) {
        Optional<Device> d = ns.device(name);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        current();
        return Optional.of(linkOf(d.get()));
    }

    /** Whether the devices registered since come after every device shown, in ifindex order. */
    private boolean appendsOnly(List<Device> registered) {
        int after = shown.isEmpty() ? 0 : shown.get(shown.size() - 1).index;
        List<Device> sorted = new ArrayList<>(registered);
        sorted.sort(Comparator.comparingInt(d -> d.index));
        for (Device d : sorted) {
            if (d.ns != ns || d.index <= after) {
                return false;
            }
            after = d.index;
        }
        return true;
    }

    private void rebuild() {
        shown.clear();
        List<Link> l = new ArrayList<>();
        List<Address> a = new ArrayList<>();
        lastWithAddresses = -1;
        for (Device d : ns.devices()) {
            d.shownAt = shown.size();
            shown.add(d);
            l.add(linkOf(d));
            List<Address> mine = addressesOf(d);
            if (!mine.isEmpty()) {
                lastWithAddresses = d.shownAt;
            }
            a.addAll(mine);
        }
        links = PersistentList.of(l);
        addresses = PersistentList.of(a);
    }

    /** Only devices added at the end and devices changed in place: each record replaced or appended. */
    private void update(Namespace.Changes changes) {
        List<Device> added = new ArrayList<>(changes.registered());
        added.sort(Comparator.comparingInt(d -> d.index));
        for (Device d : added) {
            d.shownAt = shown.size();
            shown.add(d);
            links = links.plus(linkOf(d));
        }
        List<Device> changedAddresses = new ArrayList<>();
        for (Device d : changes.devices()) {
            if (d.ns != ns || d.shownAt < 0 || d.shownAt >= shown.size() || shown.get(d.shownAt) != d) {
                continue;
            }
            if (d.shownLink == null) {
                links = links.with(d.shownAt, linkOf(d));
            }
            if (d.shownAddresses == null) {
                changedAddresses.add(d);
            }
        }
        for (Device d : added) {
            if (d.shownAddresses == null && !changedAddresses.contains(d)) {
                changedAddresses.add(d);
            }
        }
        updateAddresses(changedAddresses);
    }

    /**
     * The addresses of devices that changed: appended when they all come at or after the last device that
     * has any (an address on the newest link, a link-local address as it comes up); else the list is made
     * again from every device's records.
     */
    private void updateAddresses(List<Device> changed) {
        if (changed.isEmpty()) {
            return;
        }
        changed.sort(Comparator.comparingInt(d -> d.shownAt));
        if (changed.get(0).shownAt < lastWithAddresses) {
            List<Address> a = new ArrayList<>();
            lastWithAddresses = -1;
            for (Device d : shown) {
                List<Address> mine = addressesOf(d);
                if (!mine.isEmpty()) {
                    lastWithAddresses = d.shownAt;
                }
                a.addAll(mine);
            }
            addresses = PersistentList.of(a);
            return;
        }
        PersistentList<Address> out = addresses;
        if (lastWithAddresses >= 0 && changed.get(0).shownAt == lastWithAddresses) {
            // the last device with addresses changed them: its old ones are the list's tail
            int index = shown.get(lastWithAddresses).index;
            int keep = out.size();
            while (keep > 0 && out.get(keep - 1).linkIndex() == index) {
                keep--;
            }
            out = out.prefix(keep);
            lastWithAddresses = keep == 0 ? -1 : positionOfIndex(out.get(keep - 1).linkIndex());
        }
        for (Device d : changed) {
            List<Address> mine = addressesOf(d);
            for (Address a : mine) {
                out = out.plus(a);
            }
            if (!mine.isEmpty()) {
                lastWithAddresses = d.shownAt;
            }
        }
        addresses = out;
    }

    private int positionOfIndex(int index) {
        return ns.device(index).map(d -> d.shownAt).orElse(-1);
    }

    private Link linkOf(Device d) {
        if (d.shownLink == null) {
            d.shownLink = link(ns, d);
        }
        return d.shownLink;
    }

    private List<Address> addressesOf(Device d) {
        if (d.shownAddresses == null) {
            d.shownAddresses = addresses(d);
        }
        return d.shownAddresses;
    }

    /** A snapshot made from nothing: what {@link #current} must always equal. */
    static NamespaceState full(Namespace ns) {
        List<Link> links = new ArrayList<>();
        List<Address> addresses = new ArrayList<>();
        for (Device d : ns.devices()) {
            links.add(link(ns, d));
            addresses.addAll(addresses(d));
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        ns.netnsIds().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> ids.put(e.getKey().name(), e.getValue()));
        return new NamespaceState(ns.name(), List.copyOf(links), List.copyOf(addresses), routes(ns), ns.ipForward,
                nat(ns), Collections.unmodifiableMap(ids), localRoutes(ns));
    }

    private static List<Address> addresses(Device d) {
        List<Address> out = new ArrayList<>(d.inet.size() + 1);
        for (Ifa ifa : d.inet) {
            out.add(new Address(d.index, ifa.label != null ? ifa.label : d.name, "inet", ifa.cidr.toString(), ifa.scope, ifa.secondary,
                    Optional.ofNullable(ifa.broadcast)));
        }
        if (d.inet6 != null) {
            out.add(Address.inet6(d.index, d.name, d.inet6, d.isLoopback() ? Scope.HOST : Scope.LINK));
        }
        return List.copyOf(out);
    }

    private static List<Route> routes(Namespace ns) {
        List<Route> routes = new ArrayList<>();
        for (Fib.Entry e : ns.fib.dump()) {
            routes.add(new Route(e.type, e.destination, e.gateway, e.dev == null ? "" : e.dev.name, e.protocol,
                    e.scope, e.preferredSource, e.metric, e.dev != null && !e.dev.carrier, e.onlink));
        }
        return List.copyOf(routes);
    }

    /** The local table as the kernel dumps it: by address, a longer prefix first. */
    private static List<Route> localRoutes(Namespace ns) {
        List<Namespace.LocalRoute> all = new ArrayList<>(ns.localTable().values());
        all.addAll(ns.localPrefixes());
        all.sort(Comparator.comparing((Namespace.LocalRoute r) -> r.destination().address())
                .thenComparing(r -> -r.destination().prefixLength()));
        List<Route> routes = new ArrayList<>();
        for (Namespace.LocalRoute r : all) {
            routes.add(new Route(r.type(), r.destination(), Optional.empty(), r.dev().name, RouteProtocol.KERNEL,
                    r.type() == RouteType.LOCAL ? Scope.HOST : Scope.LINK, Optional.of(r.preferredSource()), 0,
                    // a broadcast route's next hop is the device, flagged as the main routes are; a local one's is not
                    r.type() == RouteType.BROADCAST && !r.dev().carrier));
        }
        return List.copyOf(routes);
    }

    /** The nat table's masquerade rules, as the state's summary of it has them. */
    private static NatTable nat(Namespace ns) {
        List<NatTable.Entry> rules = new ArrayList<>();
        ns.netfilter.table(Table.NAT).flatMap(t -> t.chain("POSTROUTING")).ifPresent(c -> {
            for (Netfilter.RuleState r : c.rules) {
                natRule(r.rule).ifPresent(n -> rules.add(new NatTable.Entry(n, new Counters(r.packets, r.bytes))));
            }
        });
        return new NatTable(List.copyOf(rules), Collections.nCopies(NatTable.CHAINS.size(), Counters.ZERO));
    }

    private static Optional<NatRule> natRule(Rule r) {
        if (r.destination().isPresent() || r.inInterface().isPresent() || r.protocol().isPresent()
                || !r.matches().isEmpty() || r.source().map(Rule.AddressMatch::negated).orElse(false)
                || r.outInterface().map(Rule.InterfaceMatch::negated).orElse(false)
                || r.target().map(t -> !(t instanceof Target.Masquerade)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new NatRule(r.source().map(Rule.AddressMatch::network),
                r.outInterface().map(Rule.InterfaceMatch::name), r.target().isPresent()));
    }

    private static Link link(Namespace ns, Device d) {
        Optional<Link.Peer> peer = Optional.empty();
        if (d instanceof Veth v && v.peer != null && v.peer.ns != null) {
            Veth p = v.peer;
            peer = Optional.of(new Link.Peer(p.index, p.ns == ns ? Optional.empty() : Optional.of(p.ns.name()),
                    p.name, p.adminUp));
        }
        return new Link(d.index, d.name, d.kind(), d.mac, d.mtu(), d.adminUp, d.adminUp && d.carrier,
                d.reportedOperState(), d.qdiscAttached ? "noqueue" : "noop", d.txQueueLen,
                Optional.ofNullable(d.master).map(m -> m.name), peer, d.flags, Optional.ofNullable(d.alias));
    }
}
