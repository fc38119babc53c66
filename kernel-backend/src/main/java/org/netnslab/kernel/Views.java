package org.netnslab.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.OperState;
import org.netnslab.core.model.Route;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.net.MacAddress;
import org.netnslab.kernel.netlink.AddressMessage;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.IfInfoMsg;
import org.netnslab.kernel.netlink.LinkMessage;
import org.netnslab.kernel.netlink.RouteMessage;
import org.netnslab.kernel.netlink.RtMsg;

/** Kernel messages to the model's records: what a dump says, in the words {@code ip} prints. */
final class Views {

    private Views() {}

    /** Where a veth's other end is, as the backend resolves it. */
    interface Peers {
        /** The lab's name of the namespace this one calls {@code nsid}, if it is one of the lab's. */
        Optional<String> namespaceOf(int nsid);

        /** The link at that index in that namespace, as last seen. */
        Optional<LabNamespace.PeerView> link(String namespace, int index);
    }

    static List<Link> links(List<LinkMessage> dump, Peers peers) {
        Map<Integer, LinkMessage> byIndex = new HashMap<>();
        for (LinkMessage l : dump) {
            byIndex.put(l.index(), l);
        }
        List<Link> out = new ArrayList<>();
        for (LinkMessage l : dump) {
            out.add(link(l, byIndex, peers));
        }
        return out;
    }

    /** One link, its master and same-namespace peer named from {@code byIndex}, its other peer from {@code peers}. */
    static Link link(LinkMessage l, Map<Integer, LinkMessage> byIndex, Peers peers) {
        LinkKind kind = kind(l);
        Optional<String> master = l.master() == 0 ? Optional.empty()
                : Optional.ofNullable(byIndex.get(l.master())).map(LinkMessage::name);
        Optional<Link.Peer> peer = Optional.empty();
        if (kind == LinkKind.VETH && l.link().isPresent()) {
            int peerIndex = l.link().get();
            if (l.linkNetnsId().isPresent()) {
                Optional<String> ns = peers.namespaceOf(l.linkNetnsId().get());
                String name = ns.flatMap(n -> peers.link(n, peerIndex)).map(LabNamespace.PeerView::name).orElse("");
                boolean up = ns.flatMap(n -> peers.link(n, peerIndex)).map(LabNamespace.PeerView::adminUp)
                        .orElse(false);
                peer = Optional.of(new Link.Peer(peerIndex, Optional.of(ns.orElse("netnsid " + l.linkNetnsId().get())),
                        name, up));
            } else {
                LinkMessage p = byIndex.get(peerIndex);
                peer = Optional.of(new Link.Peer(peerIndex, Optional.empty(), p == null ? "" : p.name(),
                        p != null && p.adminUp()));
            }
        }
        return new Link(
                l.index(),
                l.name(),
                kind,
                l.address().orElse(MacAddress.ZERO),
                l.mtu(),
                l.adminUp(),
                l.lowerUp(),
                operState(l.operState()),
                l.qdisc().orElse("noop"),
                l.txQueueLen(),
                master,
                peer,
                new Link.Flags(l.header().has(IfInfoMsg.IFF_MULTICAST), l.header().has(IfInfoMsg.IFF_NOARP),
                        l.header().has(IfInfoMsg.IFF_ALLMULTI), l.header().has(IfInfoMsg.IFF_PROMISC),
                        l.header().has(IfInfoMsg.IFF_DYNAMIC), l.header().has(IfInfoMsg.IFF_NOTRAILERS)),
                l.alias());
    }

    static LinkKind kind(LinkMessage l) {
        if (l.loopback()) {
            return LinkKind.LOOPBACK;
        }
        return "bridge".equals(l.kind().orElse("")) ? LinkKind.BRIDGE : LinkKind.VETH;
    }

    static OperState operState(int value) {
        OperState[] all = OperState.values();
        return value >= 0 && value < all.length ? all[value] : OperState.UNKNOWN;
    }

    static List<Address> addresses(List<AddressMessage> dump, List<LinkMessage> links) {
        Map<Integer, String> names = new HashMap<>();
        for (LinkMessage l : links) {
            names.put(l.index(), l.name());
        }
        List<Address> out = new ArrayList<>();
        for (AddressMessage a : dump) {
            String linkName = names.getOrDefault(a.index(), "");
            byte[] addr = a.printed();
            Scope scope = scope(a.header().scope());
            if (a.family() == Family.AF_INET && addr.length == 4) {
                String label = a.label().orElse(linkName);
                out.add(new Address(a.index(), label, "inet",
                        Ipv4Address.fromBytes(addr, 0) + "/" + a.header().prefixLength(), scope, a.secondary(),
                        a.broadcast().filter(b -> b.length == 4).map(b -> Ipv4Address.fromBytes(b, 0))));
            } else if (a.family() == Family.AF_INET6 && addr.length == 16) {
                out.add(new Address(a.index(), linkName, "inet6",
                        Inet6Text.format(addr) + "/" + a.header().prefixLength(), scope, false));
            }
        }
        // as the model keeps them: per link in link order, IPv4 before IPv6 (the dump gives all IPv4 first)
        Map<Integer, Integer> linkOrder = new HashMap<>();
        for (LinkMessage l : links) {
            linkOrder.put(l.index(), linkOrder.size());
        }
        List<Address> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparingInt(a -> linkOrder.getOrDefault(a.linkIndex(), Integer.MAX_VALUE)));
        return sorted;
    }

    static Scope scope(int value) {
        for (Scope s : Scope.values()) {
            if (s.value() == value) {
                return s;
            }
        }
        return Scope.GLOBAL;
    }

    /** The main table's routes, in the kernel's dump order. */
    static List<Route> routes(List<RouteMessage> dump, List<LinkMessage> links) {
        return routes(dump, links, RtMsg.RT_TABLE_MAIN);
    }

    /** One table's IPv4 routes, in the kernel's dump order. */
    static List<Route> routes(List<RouteMessage> dump, List<LinkMessage> links, int table) {
        Map<Integer, String> names = new HashMap<>();
        for (LinkMessage l : links) {
            names.put(l.index(), l.name());
        }
        List<Route> out = new ArrayList<>();
        for (RouteMessage r : dump) {
            if (r.table() != table || r.cloned() || r.header().family() != Family.AF_INET) {
                continue;
            }
            out.add(new Route(
                    routeType(r.header().type()),
                    r.prefix(),
                    r.gateway(),
                    names.getOrDefault(r.outputInterface(), ""),
                    protocol(r.header().protocol()),
                    scope(r.header().scope()),
                    r.preferredSource(),
                    r.priority(),
                    r.linkDown(),
                    r.onlink()));
        }
        return out;
    }

    static RouteType routeType(int rtn) {
        return switch (rtn) {
            case RtMsg.RTN_LOCAL -> RouteType.LOCAL;
            case RtMsg.RTN_BROADCAST -> RouteType.BROADCAST;
            case RtMsg.RTN_BLACKHOLE -> RouteType.BLACKHOLE;
            case RtMsg.RTN_UNREACHABLE -> RouteType.UNREACHABLE;
            case RtMsg.RTN_PROHIBIT -> RouteType.PROHIBIT;
            case RtMsg.RTN_THROW -> RouteType.THROW;
            default -> RouteType.UNICAST;
        };
    }

    static RouteProtocol protocol(int rtprot) {
        return switch (rtprot) {
            case RtMsg.RTPROT_KERNEL -> RouteProtocol.KERNEL;
            case RtMsg.RTPROT_BOOT -> RouteProtocol.BOOT;
            default -> RouteProtocol.STATIC;
        };
    }

    static Ipv4Cidr cidr(Ipv4Address a, int len) {
        return new Ipv4Cidr(a, len);
    }
}
