package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.Route;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * Where a ping should go, read from the lab's state alone: each namespace's routing table (longest prefix
 * first), its links and their carrier, the cables and bridges between namespaces, forwarding, and masquerade
 * on the way out and back. What a backend that cannot tell a packet's journey (the kernel) still lets a
 * learner know: the first place where the request or its reply has no way on, in the kernel's terms.
 *
 * <p>A reading of the tables, not a simulation: neighbour caches, rules other than masquerade and timing are
 * not in it.
 */
final class PathWalk {

    /** Beyond this many namespaces on one way, a lab has a loop. */
    private static final int MAX_HOPS = 16;

    private static final List<Ipv4Cidr> PRIVATE = List.of(Ipv4Cidr.parse("10.0.0.0/8"),
            Ipv4Cidr.parse("172.16.0.0/12"), Ipv4Cidr.parse("192.168.0.0/16"));

    /**
     * What the tables say of a ping.
     *
     * @param reaches the request and its reply both have a way
     * @param text where it stops and why, or the way it takes ({@code ns0 → host → ns1})
     * @param routers how many namespaces forward the reply: a reply sent with ttl 64 arrives with 64 minus this
     */
    record Walk(boolean reaches, String text, int routers) {}

    /** A source address rewritten on the way out, by masquerade in {@code namespace}. */
    private record Nat(String namespace, Ipv4Address original, Ipv4Address translated) {}

    /** One way: where it ended (or stopped), what it passed. */
    private record Leg(Optional<String> stopped, String end, Ipv4Address source, int routers, List<String> path,
            List<Nat> nats) {}

    /** A namespace's link a packet reaches over a cable, and the bridge ports on the way. */
    private record Endpoint(String namespace, Link link, List<Hop> through) {}

    private record Hop(String namespace, Link link) {}

    private PathWalk() {}

    static Walk ping(LabState state, String from, Ipv4Address destination) {
        Leg out = leg(state, from, destination, Optional.empty(), List.of(), false);
        if (out.stopped().isPresent()) {
            // the first wrong turn is the default route out to the internet, taken for want of a route to an
            // address of the lab
            Optional<Route> first = state.namespace(from).flatMap(s -> lookup(s, destination));
            if (out.path().size() > 1 && out.path().get(1).equals(Backend.UPSTREAM) && first.isPresent()
                    && first.get().destination().isDefault() && JourneyFormat.inTheLab(state, destination)) {
                Route r = first.get();
                return new Walk(false, name(from) + " has no route to " + code(destination)
                        + ", so it sends the request by its default route" + r.gateway().map(g -> ", via " + code(g))
                        .orElse("") + " out of " + code(r.device()) + ", towards " + name(out.path().get(1))
                        + ", where " + code(destination) + " is not. There: " + out.stopped().get(), 0);
            }
            return new Walk(false, out.stopped().get(), 0);
        }
        Leg back = leg(state, out.end(), out.source(), Optional.of(destination), out.nats(), true);
        if (back.stopped().isPresent()) {
            return new Walk(false, "the request gets there (" + path(out.path()) + "), but the reply does not: "
                    + back.stopped().get(), back.routers());
        }
        return new Walk(true, "the way there is " + path(out.path()) + ", and back " + path(back.path()),
                back.routers());
    }

    private static String path(List<String> names) {
        return String.join(" → ", names.stream().map(PathWalk::name).toList());
    }

    private static Leg leg(LabState state, String start, Ipv4Address dst, Optional<Ipv4Address> src, List<Nat> undo,
            boolean reply) {
        String what = reply ? "the reply" : "the request";
        String current = start;
        Ipv4Address target = dst;
        Optional<Ipv4Address> source = src;
        List<String> path = new ArrayList<>(List.of(start));
        List<Nat> nats = new ArrayList<>();
        int routers = 0;
        boolean first = true;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            NamespaceState s = state.namespace(current).orElse(null);
            if (s == null) {
                return stop("there is no namespace " + name(current), path);
            }
            if (owns(s, target)) {
                Optional<Nat> nat = reply ? nat(undo, current, target) : Optional.empty();
                if (nat.isEmpty()) {
                    if (first && !s.link("lo").map(Link::adminUp).orElse(false)) {
                        return stop(name(current) + " sends to its own address through " + code("lo")
                                + ", and " + code("lo") + " is down", path);
                    }
                    return new Leg(Optional.empty(), current, source.orElse(target), routers, path, nats);
                }
                // the host remembers the connection it masqueraded: the reply goes on to the original source
                target = nat.get().original();
            }
            if (!first) {
                if (s.ipForward() == 0) {
                    return stop(name(current) + " receives " + what + " but does not pass it on: forwarding is off ("
                            + code("net.ipv4.ip_forward = 0") + ")", path);
                }
                routers++;
            }
            Optional<Route> route = lookup(s, target);
            if (route.isEmpty()) {
                return stop(name(current) + " has no route to " + code(target) + privateNote(current, target, reply),
                        path);
            }
            Route r = route.get();
            if (r.type() != RouteType.UNICAST) {
                return stop(name(current) + "'s route to " + code(target) + " is " + code(r.type().ipName()), path);
            }
            Link out = s.link(r.device()).orElse(null);
            if (out == null) {
                return stop(name(current) + "'s route to " + code(target) + " names no link it has", path);
            }
            Optional<String> down = down(current, out);
            if (down.isPresent()) {
                return stop(what + " leaves " + name(current) + " by " + code(out.name()) + ", and " + down.get(),
                        path);
            }
            if (source.isEmpty()) {
                source = r.preferredSource().or(() -> firstAddress(s, out.name()));
            }
            if (!first && source.isPresent()) {
                Optional<Ipv4Address> masq = masquerade(s, source.get(), out.name());
                if (masq.isPresent()) {
                    nats.add(new Nat(current, source.get(), masq.get()));
                    source = masq;
                }
            }
            Ipv4Address next = r.gateway().orElse(target);
            List<Endpoint> segment = segment(state, current, out);
            Optional<Endpoint> there = segment.stream()
                    .filter(e -> state.namespace(e.namespace()).map(n -> owns(n, next)).orElse(false)).findFirst();
            if (there.isEmpty()) {
                return stop("nobody on the other side of " + code(out.name()) + " in " + name(current) + " has "
                        + code(next) + ": the ARP request for it gets no answer", path);
            }
            Endpoint e = there.get();
            for (Hop h : e.through()) {
                Optional<String> hopDown = down(h.namespace(), h.link());
                if (hopDown.isPresent()) {
                    return stop(what + " crosses " + code(h.link().name()) + " in " + name(h.namespace()) + ", and "
                            + hopDown.get(), path);
                }
            }
            if (!e.link().adminUp()) {
                return stop(what + " arrives on " + code(e.link().name()) + " in " + name(e.namespace())
                        + ", which is down", path);
            }
            current = e.namespace();
            path.add(current);
            first = false;
        }
        return stop("the way goes round in a loop (" + path(path) + ")", path);
    }

    private static Leg stop(String why, List<String> path) {
        return new Leg(Optional.of(why), "", Ipv4Address.ANY, 0, path, List.of());
    }

    private static String privateNote(String ns, Ipv4Address target, boolean reply) {
        if (reply && PRIVATE.stream().anyMatch(p -> p.contains(target))) {
            return ": a private source address, which only masquerade on the way out would have rewritten";
        }
        return Backend.UPSTREAM.equals(ns) ? " (the internet knows no route to private addresses)" : "";
    }

    private static Optional<Nat> nat(List<Nat> undo, String ns, Ipv4Address translated) {
        return undo.stream().filter(n -> n.namespace().equals(ns) && n.translated().equals(translated)).findFirst();
    }

    /** Why a link cannot carry a packet, if it cannot: down, or up without a carrier. */
    private static Optional<String> down(String ns, Link l) {
        if (!l.adminUp()) {
            return Optional.of(code(l.name()) + " is down");
        }
        if (!l.lowerUp() && l.kind() != LinkKind.LOOPBACK) {
            String peer = l.peer().map(p -> ": its peer " + code(p.name()) + " in "
                    + name(p.namespace().orElse(ns)) + " is down").orElse(": it has no carrier");
            return Optional.of(code(l.name()) + " is up but has no carrier (" + code("NO-CARRIER") + ")" + peer);
        }
        return Optional.empty();
    }

    /** The main table's route for an address: longest prefix, then lowest metric. */
    static Optional<Route> lookup(NamespaceState s, Ipv4Address dst) {
        return s.routes().stream()
                .filter(r -> r.destination().contains(dst))
                .max(Comparator.<Route>comparingInt(r -> r.destination().prefixLength())
                        .thenComparing(Comparator.comparingInt(Route::metric).reversed()));
    }

    private static boolean owns(NamespaceState s, Ipv4Address a) {
        return a.isLoopback() || s.addresses().stream().map(Address::ipv4).flatMap(Optional::stream)
                .anyMatch(c -> c.address().equals(a));
    }

    private static Optional<Ipv4Address> firstAddress(NamespaceState s, String link) {
        Optional<Ipv4Address> on = s.addresses().stream().filter(a -> a.linkName().equals(link)).map(Address::ipv4)
                .flatMap(Optional::stream).map(Ipv4Cidr::address).findFirst();
        return on.or(() -> s.addresses().stream().map(Address::ipv4).flatMap(Optional::stream)
                .map(Ipv4Cidr::address).filter(a -> !a.isLoopback()).findFirst());
    }

    private static Optional<Ipv4Address> masquerade(NamespaceState s, Ipv4Address source, String outLink) {
        Optional<NatRule> rule = s.nat().rules().stream().filter(NatRule::masquerade)
                .filter(r -> r.matches(source, outLink)).findFirst();
        return rule.isEmpty() ? Optional.empty() : firstAddress(s, outLink);
    }

    /** The links at the other end of a link's cable: a veth's peer, or through a bridge, every port's peer. */
    private static List<Endpoint> segment(LabState state, String ns, Link out) {
        List<Endpoint> found = new ArrayList<>();
        if (out.kind() == LinkKind.VETH && out.peer().isPresent()) {
            Link.Peer p = out.peer().get();
            String peerNs = p.namespace().orElse(ns);
            Optional<NamespaceState> where = state.namespace(peerNs);
            Optional<Link> peer = where.flatMap(w -> w.link(p.name()));
            if (peer.isEmpty()) {
                return found;
            }
            Optional<Link> bridge = peer.get().master().flatMap(m -> where.get().link(m));
            if (bridge.isEmpty()) {
                found.add(new Endpoint(peerNs, peer.get(), List.of()));
                return found;
            }
            Hop in = new Hop(peerNs, peer.get());
            found.add(new Endpoint(peerNs, bridge.get(), List.of(in)));
            for (Link port : ports(where.get(), bridge.get())) {
                if (port.index() != peer.get().index()) {
                    peerOf(state, peerNs, port).ifPresent(e -> found.add(new Endpoint(e.namespace(), e.link(),
                            List.of(in, new Hop(peerNs, bridge.get()), new Hop(peerNs, port)))));
                }
            }
        } else if (out.kind() == LinkKind.BRIDGE) {
            state.namespace(ns).ifPresent(s -> ports(s, out).forEach(port -> peerOf(state, ns, port)
                    .ifPresent(e -> found.add(new Endpoint(e.namespace(), e.link(), List.of(new Hop(ns, port)))))));
        }
        return found;
    }

    private static List<Link> ports(NamespaceState s, Link bridge) {
        return s.links().stream().filter(l -> l.master().map(bridge.name()::equals).orElse(false)).toList();
    }

    private static Optional<Hop> peerOf(LabState state, String ns, Link veth) {
        return veth.peer().flatMap(p -> {
            String peerNs = p.namespace().orElse(ns);
            return state.namespace(peerNs).flatMap(s -> s.link(p.name())).map(l -> new Hop(peerNs, l));
        });
    }

    private static String name(String ns) {
        return code(Expectations.nsName(ns));
    }

    private static String code(Object o) {
        return Goals.code(o);
    }
}
