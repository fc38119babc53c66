package org.netnslab.core.ip;

import java.util.List;
import java.util.Set;
import org.netnslab.core.command.LinkNames;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;

/**
 * Prints links exactly as iproute2 6.1 does ({@code print_linkinfo} and {@code print_link_flags} in
 * {@code ip/ipaddress.c}, which {@code ip link show} and {@code ip address show} share), trailing blanks
 * included. One namespace's view: a veth whose peer lives elsewhere shows {@code @ifN} and
 * {@code link-netns NAME} (when the peer's namespace has a name in /run/netns) or {@code link-netnsid N}.
 */
public final class LinkFormat {

    private LinkFormat() {}

    /**
     * The names of the learner's namespaces, which {@code ip} can print for {@code link-netns}; every other
     * namespace (the host seen from inside, the hidden upstream) prints as {@code link-netnsid}.
     */
    public static String link(NamespaceState ns, Link link, Set<String> named, boolean withMode) {
        StringBuilder sb = new StringBuilder();
        header(sb, ns, link, withMode, false);
        linkLayer(sb, ns, link, named, false);
        return sb.toString();
    }

    static void header(StringBuilder sb, NamespaceState ns, Link link, boolean withMode, boolean color) {
        sb.append(link.index()).append(": ").append(Colors.IFNAME.paint(color, nameWithPeer(link) + ": "));
        sb.append('<').append(flags(ns, link)).append("> ");
        sb.append("mtu ").append(link.mtu()).append(' ');
        sb.append("qdisc ").append(link.qdisc()).append(' ');
        link.master().ifPresent(m -> sb.append("master ").append(m).append(' '));
        String state = link.operState().name();
        sb.append("state ").append(Colors.operState(state).paint(color, state + " "));
        if (withMode) {
            sb.append("mode DEFAULT ");
        }
        sb.append("group default ").append(queueLength(link)).append('\n');
    }

    /** print_queuelen: {@code qlen N}, nothing when the device has no queue length. */
    static String queueLength(Link link) {
        return link.txQueueLen() == 0 ? "" : "qlen " + link.txQueueLen();
    }

    /**
     * What {@code ip link} prints after the link-layer line for a link with an alias: {@code alias TEXT} on a
     * line of its own, after a backslash with {@code -o}; nothing for {@code ip addr}.
     */
    static void alias(StringBuilder sb, Link link, boolean oneline) {
        link.alias().ifPresent(a -> {
            if (oneline) {
                sb.setLength(sb.length() - 1);
                sb.append('\\');
            }
            sb.append("    alias ").append(a).append('\n');
        });
    }

    /**
     * The first line of a link under {@code ip -6 addr}: the kernel answers a dump of AF_INET6 links from
     * IPv6's own inet6_fill_ifinfo, which has no qdisc, master or group, and names a veth's peer by its
     * ifindex only (no IFLA_LINK_NETNSID), so that ip names it after the link of that index in this namespace,
     * if any, and leaves it out when it is the link's own.
     */
    static void headerInet6(StringBuilder sb, NamespaceState ns, Link link, boolean color) {
        sb.append(link.index()).append(": ").append(Colors.IFNAME.paint(color, nameInet6(ns, link) + ": "));
        String flags = flags(ns, link);
        sb.append('<').append(flags).append("> ");
        sb.append("mtu ").append(link.mtu()).append(' ');
        String state = link.operState().name();
        sb.append("state ").append(Colors.operState(state).paint(color, state + " "));
        sb.append(queueLength(link)).append('\n');
    }

    /** print_name_and_link of an IFLA_LINK without IFLA_LINK_NETNSID. */
    static String nameInet6(NamespaceState ns, Link link) {
        if (link.peer().isEmpty() || link.peer().get().namespace().isEmpty()) {
            return nameWithPeer(link);
        }
        int peerIndex = link.peer().get().index();
        if (peerIndex == link.index()) {
            return link.name();
        }
        return link.name() + "@" + ns.link(peerIndex).map(Link::name).orElse("if" + peerIndex);
    }

    static void linkLayer(StringBuilder sb, NamespaceState ns, Link link, Set<String> named, boolean color) {
        sb.append("    link/").append(linkType(link)).append(' ');
        sb.append(Colors.MAC.paint(color, link.mac().toString())).append(" brd ")
                .append(Colors.MAC.paint(color, link.broadcast().toString()));
        sb.append(peerNamespace(ns, link, named)).append('\n');
    }

    static String linkType(Link link) {
        return link.kind() == LinkKind.LOOPBACK ? "loopback" : "ether";
    }

    /**
     * {@code " link-netns NAME"} or {@code " link-netnsid N"} for a veth whose peer is in another namespace,
     * else nothing. It ends the link-layer line; with {@code -4}, which prints no such line, the first.
     */
    static String peerNamespace(NamespaceState ns, Link link, Set<String> named) {
        return link.peer().flatMap(Link.Peer::namespace).map(peerNs -> {
            if (named.contains(peerNs)) {
                return " link-netns " + peerNs;
            }
            return " link-netnsid " + netnsId(ns, peerNs);
        }).orElse("");
    }

    private static int netnsId(NamespaceState ns, String peerNs) {
        Integer id = ns.netnsIds().get(peerNs);
        return id == null ? 0 : id;
    }

    /** {@code veth0@veth1} when both ends share the namespace, {@code veth0@if3} when not. */
    public static String nameWithPeer(Link link) {
        return LinkNames.nameWithPeer(link);
    }

    static String flags(NamespaceState ns, Link link) {
        return LinkNames.flags(link);
    }

    /** {@code ip link show}: every link given, in order. */
    public static String links(NamespaceState ns, List<Link> links, Set<String> named) {
        return links(ns, links, named, IpOptions.NONE);
    }

    /** {@code ip [-o] [-c] [-j [-p]] link show}: every link given, in order. */
    static String links(NamespaceState ns, List<Link> links, Set<String> named, IpOptions o) {
        JsonWriter w = o.jsonWriter();
        if (w != null) {
            w.startArray(null);
            for (Link l : links) {
                w.startObject();
                json(w, ns, l, true, o.family());
                w.endObject();
            }
            return w.endArray().done();
        }
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            StringBuilder one = new StringBuilder();
            header(one, ns, l, true, o.colored());
            if (o.oneline()) {
                one.setLength(one.length() - 1);
                one.append('\\');
            }
            linkLayer(one, ns, l, named, o.colored());
            alias(one, l, o.oneline());
            sb.append(one);
        }
        return sb.toString();
    }

    /**
     * print_linkinfo's JSON members, in its order; {@code withMode} for {@code ip link} (linkmode), a family
     * for {@code ip -4 addr} (no link layer).
     */
    static void json(JsonWriter w, NamespaceState ns, Link link, boolean withMode, int family) {
        w.field("ifindex", link.index());
        jsonNameAndLink(w, link);
        jsonFlags(w, ns, link);
        w.field("mtu", link.mtu());
        w.field("qdisc", link.qdisc());
        link.master().ifPresent(m -> w.field("master", m));
        w.field("operstate", link.operState().name());
        if (withMode) {
            w.field("linkmode", "DEFAULT");
        }
        w.field("group", "default");
        if (link.txQueueLen() != 0) {
            w.field("txqlen", link.txQueueLen());
        }
        if (family == 0) {
            w.field("link_type", linkType(link));
            w.field("address", link.mac().toString());
            w.field("broadcast", link.broadcast().toString());
        }
        link.peer().flatMap(Link.Peer::namespace).ifPresent(peerNs -> w.field("link_netnsid", netnsId(ns, peerNs)));
        if (withMode) {
            link.alias().ifPresent(a -> w.field("ifalias", a));
        }
    }

    /** print_name_and_link in JSON: the peer's ifindex, or its name when it shares the namespace, then the name. */
    static void jsonNameAndLink(JsonWriter w, Link link) {
        link.peer().ifPresent(p -> {
            if (p.namespace().isPresent()) {
                w.field("link_index", p.index());
            } else {
                w.field("link", p.name());
            }
        });
        w.field("ifname", link.name());
    }

    static void jsonFlags(JsonWriter w, NamespaceState ns, Link link) {
        w.startArray("flags");
        for (String f : flags(ns, link).split(",")) {
            w.value(f);
        }
        w.endArray();
    }

    /** {@code ip -br link}. */
    public static String linksBrief(NamespaceState ns, List<Link> links) {
        return linksBrief(ns, links, IpOptions.briefOnly());
    }

    /** {@code ip -br [-c] [-j [-p]] link}: print_linkinfo_brief. */
    static String linksBrief(NamespaceState ns, List<Link> links, IpOptions o) {
        JsonWriter w = o.jsonWriter();
        if (w != null) {
            w.startArray(null);
            for (Link l : links) {
                w.startObject();
                jsonNameAndLink(w, l);
                w.field("operstate", l.operState().name());
                w.field("address", l.mac().toString());
                jsonFlags(w, ns, l);
                w.endObject();
            }
            return w.endArray().done();
        }
        boolean c = o.colored();
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            briefNameAndState(sb, nameWithPeer(l), l, c);
            sb.append(Colors.MAC.paint(c, l.mac() + " "));
            sb.append('<').append(flags(ns, l)).append("> \n");
        }
        return sb.toString();
    }

    /** The name in {@code %-16s } and the state in {@code %-14s }, each painted with its blanks. */
    static void briefNameAndState(StringBuilder sb, String name, Link l, boolean color) {
        sb.append(Colors.IFNAME.paint(color, padBytes(name, 16) + " "));
        String state = l.operState().name();
        sb.append(Colors.operState(state).paint(color, String.format("%-14s ", state)));
    }

    /** printf's {@code %-Ns}: pads to N bytes of UTF-8, not N characters, as C does. */
    static String padBytes(String s, int width) {
        int bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return bytes >= width ? s : s + " ".repeat(width - bytes);
    }

}
