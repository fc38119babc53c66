package org.netnslab.core.command;

import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.OperState;

/**
 * How every iproute2 tool names a link and its flags: {@code ip}'s {@code print_linkinfo} and {@code bridge}'s
 * print them alike ({@code veth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP>}).
 */
public final class LinkNames {

    private LinkNames() {}

    /** {@code veth0@veth1} when both ends share the namespace, {@code veth0@if3} when not. */
    public static String nameWithPeer(Link link) {
        return link.peer()
                .map(p -> link.name() + "@" + (p.namespace().isPresent() ? "if" + p.index() : p.name()))
                .orElse(link.name());
    }

    /** print_link_flags: NO-CARRIER first, the IFF_ flags in the kernel's bit order, M-DOWN last. */
    public static String flags(Link link) {
        StringBuilder sb = new StringBuilder();
        boolean running = link.adminUp() && (link.operState() == OperState.UP || link.operState() == OperState.UNKNOWN);
        if (link.adminUp() && !running) {
            sb.append("NO-CARRIER,");
        }
        // print_link_flags' own order, not the bits'
        Link.Flags f = link.flags();
        if (link.kind() == LinkKind.LOOPBACK) {
            sb.append("LOOPBACK,");
        } else {
            sb.append("BROADCAST,");
        }
        if (f.multicast()) {
            sb.append("MULTICAST,");
        }
        if (f.noArp()) {
            sb.append("NOARP,");
        }
        if (f.allMulticast()) {
            sb.append("ALLMULTI,");
        }
        if (f.promisc()) {
            sb.append("PROMISC,");
        }
        if (f.dynamic()) {
            sb.append("DYNAMIC,");
        }
        if (f.noTrailers()) {
            sb.append("NOTRAILERS,");
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
}
