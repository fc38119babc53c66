package org.netnslab.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netnslab.kernel.netlink.AddressMessage;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.LinkMessage;
import org.netnslab.kernel.netlink.RouteMessage;
import org.netnslab.kernel.netlink.RtMsg;

/**
 * Whether a namespace's view is settled: what the kernel will show once its deferred work is done. A
 * carrier change reaches the operational state, the routes' {@code linkdown} flag, a bridge's own carrier
 * and the IPv6 link-local address through linkwatch, which runs later, up to a second later. Until each
 * of these agrees with the carrier, the view is still moving.
 */
final class Settled {

    /** {@code IPV6_MIN_MTU}: a device with a smaller mtu has no IPv6, so no link-local to wait for. */
    private static final int IPV6_MIN_MTU = 1280;

    private Settled() {}

    /** One namespace's raw view. */
    record Dump(List<LinkMessage> links, List<AddressMessage> addresses, List<RouteMessage> routes) {}

    /** What is not settled yet, as sentences; empty when settled. */
    static List<String> pending(Dump d) {
        List<String> out = new ArrayList<>();
        Map<Integer, LinkMessage> byIndex = new HashMap<>();
        for (LinkMessage l : d.links()) {
            byIndex.put(l.index(), l);
        }
        for (LinkMessage l : d.links()) {
            String kind = l.kind().orElse("");
            boolean veth = kind.equals("veth");
            boolean bridge = kind.equals("bridge");
            if (!veth && !bridge) {
                continue;
            }
            int state = l.operState();
            if (!l.adminUp()) {
                if (state != LinkMessage.IF_OPER_DOWN) {
                    out.add(l.name() + " is down but its state is " + state);
                }
                continue;
            }
            if (bridge) {
                List<LinkMessage> ports = d.links().stream().filter(p -> p.master() == l.index()).toList();
                boolean forwarding = ports.stream().anyMatch(p -> p.adminUp() && operUp(p.operState()));
                if (!ports.isEmpty() && forwarding != l.lowerUp()) {
                    out.add("bridge " + l.name() + " has not yet followed its ports' carrier");
                }
            }
            if (l.lowerUp()) {
                boolean up = state == LinkMessage.IF_OPER_UP || (bridge && state == LinkMessage.IF_OPER_UNKNOWN);
                if (!up) {
                    out.add(l.name() + " has a carrier but its state is " + state);
                } else if (l.mtu() >= IPV6_MIN_MTU && !hasLinkLocal(d, l.index())) {
                    // below IPV6_MIN_MTU the kernel gives a device no IPv6 at all
                    out.add(l.name() + " has no IPv6 link-local address yet");
                }
            } else if (state != LinkMessage.IF_OPER_DOWN && state != LinkMessage.IF_OPER_LOWERLAYERDOWN) {
                // which of the two depends on where the lower link was when linkwatch last ran: both are settled
                out.add(l.name() + " has no carrier but its state is " + state);
            }
        }
        for (RouteMessage r : d.routes()) {
            if (r.table() != RtMsg.RT_TABLE_MAIN || r.cloned()) {
                continue;
            }
            LinkMessage dev = byIndex.get(r.outputInterface());
            if (dev != null && dev.adminUp() && !dev.loopback() && r.linkDown() == dev.lowerUp()) {
                out.add("route " + r.prefix() + " has not yet followed the carrier of " + dev.name());
            }
        }
        return out;
    }

    private static boolean operUp(int state) {
        return state == LinkMessage.IF_OPER_UP || state == LinkMessage.IF_OPER_UNKNOWN;
    }

    private static boolean hasLinkLocal(Dump d, int index) {
        for (AddressMessage a : d.addresses()) {
            if (a.index() == index && a.family() == Family.AF_INET6) {
                byte[] b = a.printed();
                if (b.length == 16 && (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
                    return true;
                }
            }
        }
        return false;
    }
}
