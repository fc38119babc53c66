package org.netnslab.core.arp;

import java.util.List;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.Neighbour;
import org.netnslab.core.model.NudState;

/**
 * net-tools' {@code arp -n}: {@code arp_show} over {@code /proc/net/arp}, which lists the ARP table in the
 * kernel's hash order without its NOARP entries, and {@code arp_disp}'s columns.
 */
public final class Arp {

    /** {@code ATF_COM}: the entry has an address ({@code NUD_VALID}). */
    private static final int ATF_COM = 0x02;
    /** {@code ATF_PERM}: a PERMANENT entry. */
    private static final int ATF_PERM = 0x04;

    private Arp() {}

    /** {@code arp -n}: the table, numerically. */
    public record ArpShow() implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            NamespaceState here = context.state(ns);
            StringBuilder sb = new StringBuilder();
            for (Neighbour n : context.backend().neighbours(ns)) {
                if (n.state() == NudState.NOARP) {
                    continue;
                }
                if (sb.isEmpty()) {
                    sb.append("Address                  HWtype  HWaddress           Flags Mask            Iface\n");
                }
                sb.append(entry(n, here.link(n.linkIndex()).map(Link::name).orElse(""))).append('\n');
            }
            return CommandResult.of(sb.toString(), 0);
        }
    }

    /** {@code arp_disp} of one line of {@code /proc/net/arp}, with the flags {@code arp_state_to_flags} gives. */
    static String entry(Neighbour n, String device) {
        int flags = n.state() == NudState.PERMANENT ? ATF_PERM | ATF_COM : n.state().valid() ? ATF_COM : 0;
        String f = ((flags & ATF_COM) != 0 ? "C" : "") + ((flags & ATF_PERM) != 0 ? "M" : "");
        String hw = (flags & ATF_COM) != 0
                ? String.format("%-8.8s%-20.20s", "ether", n.lladdr().map(Object::toString).orElse("00:00:00:00:00:00"))
                : String.format("%-8.8s%-20.20s", "", "(incomplete)");
        return String.format("%-23.23s  ", n.address()) + hw + String.format("%-6.6s%-15.15s %s", f, "", device);
    }

    /** arp's main: {@code -n} alone is the table; any other use is not the lab's yet. */
    public static Command parse(String name, List<String> args) {
        if (args.equals(List.of("-n"))) {
            return new ArpShow();
        }
        return new Unsupported(name + (args.isEmpty() ? " without -n" : " " + String.join(" ", args)), args);
    }
}
