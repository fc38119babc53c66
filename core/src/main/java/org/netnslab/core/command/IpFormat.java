package org.netnslab.core.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.OperState;
import org.netnslab.core.model.Route;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;

/**
 * Prints links, addresses and routes exactly as iproute2 6.1 does ({@code ip/ipaddress.c},
 * {@code ip/iproute.c}), trailing blanks included. One namespace's view: a veth whose peer lives elsewhere
 * shows {@code @ifN} and {@code link-netns NAME} (when the peer's namespace has a name in /run/netns) or
 * {@code link-netnsid N}.
 */
public final class IpFormat {

    private IpFormat() {}

    /**
     * The names of the learner's namespaces, which {@code ip} can print for {@code link-netns}; every other
     * namespace (the host seen from inside, the hidden upstream) prints as {@code link-netnsid}.
     */
    public static String link(NamespaceState ns, Link link, Set<String> named, boolean withMode) {
        StringBuilder sb = new StringBuilder();
        header(sb, ns, link, withMode);
        linkLayer(sb, ns, link, named);
        return sb.toString();
    }

    private static void header(StringBuilder sb, NamespaceState ns, Link link, boolean withMode) {
        sb.append(link.index()).append(": ").append(nameWithPeer(link)).append(": ");
        sb.append('<').append(flags(ns, link)).append("> ");
        sb.append("mtu ").append(link.mtu()).append(' ');
        sb.append("qdisc ").append(link.qdisc()).append(' ');
        link.master().ifPresent(m -> sb.append("master ").append(m).append(' '));
        sb.append("state ").append(link.operState().name()).append(' ');
        if (withMode) {
            sb.append("mode DEFAULT ");
        }
        sb.append("group default qlen ").append(link.txQueueLen()).append('\n');
    }

    private static void linkLayer(StringBuilder sb, NamespaceState ns, Link link, Set<String> named) {
        sb.append("    link/").append(link.kind() == LinkKind.LOOPBACK ? "loopback" : "ether").append(' ');
        sb.append(link.mac()).append(" brd ").append(link.broadcast());
        link.peer().flatMap(Link.Peer::namespace).ifPresent(peerNs -> {
            if (named.contains(peerNs)) {
                sb.append(" link-netns ").append(peerNs);
            } else {
                Integer id = ns.netnsIds().get(peerNs);
                sb.append(" link-netnsid ").append(id == null ? 0 : id);
            }
        });
        sb.append('\n');
    }

    /** {@code veth0@veth1} when both ends share the namespace, {@code veth0@if3} when not. */
    public static String nameWithPeer(Link link) {
        return link.peer()
                .map(p -> link.name() + "@" + (p.namespace().isPresent() ? "if" + p.index() : p.name()))
                .orElse(link.name());
    }

    /** print_link_flags: NO-CARRIER first, the IFF_ flags in the kernel's bit order, M-DOWN last. */
    static String flags(NamespaceState ns, Link link) {
        StringBuilder sb = new StringBuilder();
        boolean running = link.adminUp() && (link.operState() == OperState.UP || link.operState() == OperState.UNKNOWN);
        if (link.adminUp() && !running) {
            sb.append("NO-CARRIER,");
        }
        if (link.kind() == LinkKind.LOOPBACK) {
            sb.append("LOOPBACK,");
        } else {
            sb.append("BROADCAST,MULTICAST,");
        }
        if (link.adminUp()) {
            sb.append("UP,");
            if (link.lowerUp()) {
                sb.append("LOWER_UP,");
            }
        }
        sb.setLength(sb.length() - 1);
        boolean peerHere = link.peer().map(p -> p.namespace().isEmpty()).orElse(false);
        if (peerHere && !link.peer().get().adminUp()) {
            sb.append(",M-DOWN");
        }
        return sb.toString();
    }

    /** {@code ip link show}: every link given, in order. */
    public static String links(NamespaceState ns, List<Link> links, Set<String> named) {
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            sb.append(link(ns, l, named, true));
        }
        return sb.toString();
    }

    /** {@code ip -br link}. */
    public static String linksBrief(NamespaceState ns, List<Link> links) {
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            sb.append(padBytes(nameWithPeer(l), 16)).append(' ');
            sb.append(String.format("%-14s ", l.operState().name()));
            sb.append(l.mac()).append(' ');
            sb.append('<').append(flags(ns, l)).append("> \n");
        }
        return sb.toString();
    }

    /** {@code ip addr show}: each link with its addresses. */
    public static String addresses(NamespaceState ns, List<Link> links, Set<String> named, boolean inet4Only) {
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            List<Address> addrs = ns.addressesOf(l.index()).stream()
                    .filter(a -> !inet4Only || a.isInet())
                    .toList();
            if (inet4Only && addrs.isEmpty()) {
                continue;
            }
            header(sb, ns, l, false);
            if (!inet4Only) {
                linkLayer(sb, ns, l, named);
            }
            for (Address a : addrs) {
                sb.append("    ").append(a.family()).append(' ').append(a.prefix()).append(' ');
                sb.append("scope ").append(a.scope().ipName()).append(' ');
                if (a.secondary()) {
                    sb.append("secondary ");
                }
                if (a.isInet()) {
                    sb.append(a.linkName());
                }
                sb.append('\n');
                sb.append("       valid_lft forever preferred_lft forever\n");
            }
        }
        return sb.toString();
    }

    /** {@code ip -br addr}. */
    public static String addressesBrief(NamespaceState ns, List<Link> links) {
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            sb.append(padBytes(nameWithPeer(l), 16)).append(' ');
            sb.append(String.format("%-14s ", l.operState().name()));
            for (Address a : ns.addressesOf(l.index())) {
                sb.append(a.prefix()).append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** printf's {@code %-Ns}: pads to N bytes of UTF-8, not N characters, as C does. */
    static String padBytes(String s, int width) {
        int bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return bytes >= width ? s : s + " ".repeat(width - bytes);
    }

    /** {@code ip route show}: one route a line, fields in print_route's order. */
    public static String routes(List<Route> routes, Optional<String> deviceFilter) {
        StringBuilder sb = new StringBuilder();
        for (Route r : routes) {
            if (r.type() != RouteType.UNICAST) {
                sb.append(r.type().ipName()).append(' ');
            }
            sb.append(r.destination().isDefault() ? "default" : r.destination().toRouteString()).append(' ');
            r.gateway().ifPresent(g -> sb.append("via ").append(g).append(' '));
            if (deviceFilter.isEmpty()) {
                sb.append("dev ").append(r.device()).append(' ');
            }
            if (r.protocol() != RouteProtocol.BOOT) {
                sb.append("proto ").append(r.protocol().ipName()).append(' ');
            }
            if (r.scope() != Scope.GLOBAL) {
                sb.append("scope ").append(r.scope().ipName()).append(' ');
            }
            r.preferredSource().ifPresent(s -> sb.append("src ").append(s).append(' '));
            if (r.metric() != 0) {
                sb.append("metric ").append(r.metric()).append(' ');
            }
            if (r.linkDown()) {
                sb.append("linkdown ");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code ip route get}: the route and the cache line under it, with the route's flags. */
    public static String routeGet(RouteLookup r) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != RouteType.UNICAST) {
            sb.append(r.type().ipName()).append(' ');
        }
        sb.append(r.destination()).append(' ');
        r.from().ifPresent(f -> sb.append("from ").append(f).append(' '));
        r.gateway().ifPresent(g -> sb.append("via ").append(g).append(' '));
        sb.append("dev ").append(r.device()).append(' ');
        r.source().ifPresent(s -> sb.append("src ").append(s).append(' '));
        String flags = switch (r.type()) {
            case LOCAL -> "<local> ";
            case BROADCAST -> "<local,brd> ";
            default -> "";
        };
        if (r.inputInterface().isPresent()) {
            sb.append('\n').append("    cache ").append(flags).append("iif ").append(r.inputInterface().get())
                    .append(" \n");
        } else {
            sb.append("uid 0 \n").append("    cache ").append(flags).append('\n');
        }
        return sb.toString();
    }
}
