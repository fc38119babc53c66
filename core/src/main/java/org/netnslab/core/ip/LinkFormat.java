package org.netnslab.core.ip;

import java.util.List;
import java.util.Set;
import org.netnslab.core.command.LinkNames;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.OperState;

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
        header(sb, ns, link, withMode);
        linkLayer(sb, ns, link, named);
        return sb.toString();
    }

    static void header(StringBuilder sb, NamespaceState ns, Link link, boolean withMode) {
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

    static void linkLayer(StringBuilder sb, NamespaceState ns, Link link, Set<String> named) {
        sb.append("    link/").append(link.kind() == LinkKind.LOOPBACK ? "loopback" : "ether").append(' ');
        sb.append(link.mac()).append(" brd ").append(link.broadcast());
        sb.append(peerNamespace(ns, link, named)).append('\n');
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
            Integer id = ns.netnsIds().get(peerNs);
            return " link-netnsid " + (id == null ? 0 : id);
        }).orElse("");
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

    /** printf's {@code %-Ns}: pads to N bytes of UTF-8, not N characters, as C does. */
    static String padBytes(String s, int width) {
        int bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return bytes >= width ? s : s + " ".repeat(width - bytes);
    }

}
