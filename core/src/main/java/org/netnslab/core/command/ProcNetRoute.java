package org.netnslab.core.command;

import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.Route;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.net.Ipv4Address;

/**
 * net-tools' {@code rprint_fib} ({@code lib/inet_gr.c}), which route and {@code netstat -r} share: the main table as
 * {@code /proc/net/route} lists it (the kernel's order, as a dump gives it; no broadcast or local routes), with the
 * flags {@code fib_flag_trans} gives (U, G for a gateway, H for a /32, ! for an unreachable or prohibit route).
 */
public final class ProcNetRoute {

    private ProcNetRoute() {}

    /**
     * Whether the kernel has made the namespace's main table, which a fresh namespace lacks: then
     * {@code /proc/net/route} is empty, header and all, and route fails (status 1) under its own header. The first
     * IPv4 address on a link that is up makes it ({@code fib_add_ifaddr}); the lab takes the namespace as it is now
     * for that (a table made once stays, even when its links go down again).
     */
    private static boolean mainTableMade(NamespaceState state) {
        return state.links().stream().anyMatch(l -> l.adminUp()
                && state.addressesOf(l.index()).stream().anyMatch(a -> a.family().equals("inet")));
    }

    /**
     * The table; {@code numeric} false names 0.0.0.0 {@code default} as route does without {@code -n} (a lab
     * resolves no other name). Returns the text and whether any route was listed.
     *
     * @param extended false for route's columns (Metric Ref Use), true for netstat's and {@code route -e}'s (MSS
     *     Window irtt)
     */
    public static CommandResult print(NamespaceState state, boolean extended, boolean numeric) {
        StringBuilder out = new StringBuilder("Kernel IP routing table\n");
        out.append(extended ? "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n"
                : "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
        int listed = 0;
        for (Route r : state.routes()) {
            if (r.type() == RouteType.BROADCAST || r.type() == RouteType.LOCAL) {
                continue;
            }
            listed++;
            boolean reject = r.type() == RouteType.UNREACHABLE || r.type() == RouteType.PROHIBIT;
            boolean host = r.destination().prefixLength() == 32;
            String flags = reject ? "!" : "U" + (r.gateway().isPresent() ? "G" : "");
            flags += host ? "H" : "";
            String dest = !numeric && r.destination().prefixLength() == 0 ? "default"
                    : r.destination().network().address().toString();
            String mask = new Ipv4Address(r.destination().mask()).toString();
            String gw = r.gateway().map(Object::toString).orElse("0.0.0.0");
            String dev = r.device() == null || r.device().isEmpty() ? "*" : r.device();
            if (extended) {
                out.append(reject ? String.format("%-15s -               %-15s %-5s     - -          - -\n", dest, mask,
                        flags) : String.format("%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n", dest, gw, mask, flags, 0, 0,
                        0, dev));
            } else {
                out.append(reject ? String.format("%-15s -               %-15s %-5s %-6d -  %7d -\n", dest, mask, flags,
                        r.metric(), 0) : String.format("%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n", dest, gw, mask,
                        flags, r.metric(), 0, 0, dev));
            }
        }
        return new CommandResult(out.toString(), listed == 0 && !mainTableMade(state) ? 1 : 0);
    }
}
