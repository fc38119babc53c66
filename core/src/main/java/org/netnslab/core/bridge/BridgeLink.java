package org.netnslab.core.bridge;

import static org.netnslab.core.command.Iproute2.matches;

import java.util.Locale;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.LinkNames;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.BridgePort;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;

/** {@code bridge link}, as iproute2 6.1's {@code bridge/link.c} has it: {@code brlink_show} and {@code print_linkinfo}. */
public final class BridgeLink {

    private BridgeLink() {}

    /** {@code bridge link [show] [dev DEV]}. */
    public record LinkShow(Optional<String> device) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            NamespaceState here = context.state(ns);
            Optional<Link> dev = device.flatMap(here::link);
            if (device.isPresent() && dev.isEmpty()) {
                return Bridge.cannotFind(device.get());
            }
            StringBuilder sb = new StringBuilder();
            for (BridgePort p : context.backend().bridgePorts(ns)) {
                Optional<Link> link = here.link(p.linkIndex());
                if (link.isEmpty() || dev.map(d -> d.index() != p.linkIndex()).orElse(false)) {
                    continue;
                }
                sb.append(port(link.get(), p)).append('\n');
            }
            return CommandResult.of(sb.toString(), 0);
        }
    }

    /** print_linkinfo of an {@code AF_BRIDGE} link message, with its protinfo. */
    static String port(Link l, BridgePort p) {
        StringBuilder sb = new StringBuilder();
        sb.append(l.index()).append(": ").append(LinkNames.nameWithPeer(l)).append(": ");
        sb.append('<').append(LinkNames.flags(l)).append("> ");
        sb.append("mtu ").append(l.mtu()).append(' ');
        l.master().ifPresent(m -> sb.append("master ").append(m).append(' '));
        sb.append("state ").append(p.state().name().toLowerCase(Locale.ROOT)).append(' ');
        sb.append("priority ").append(p.priority()).append(' ');
        sb.append("cost ").append(p.cost()).append(' ');
        return sb.toString();
    }

    /** do_link. */
    static Command parse(Args a) {
        if (!a.more()) {
            return new LinkShow(Optional.empty());
        }
        String sub = a.next();
        if (matches(sub, "set") || matches(sub, "change")) {
            return new Unsupported("bridge link " + sub, a.all());
        }
        if (matches(sub, "show") || matches(sub, "lst") || matches(sub, "list")) {
            String dev = null;
            while (a.more()) {
                // brlink_show reads dev and passes over any other word
                if (a.next().equals("dev")) {
                    dev = a.value();
                }
            }
            return new LinkShow(Optional.ofNullable(dev));
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        return Bridge.unknownCommand("link", sub);
    }

    static final String USAGE =
            "Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n"
            + "                               [ guard {on | off} ]\n"
            + "                               [ hairpin {on | off} ]\n"
            + "                               [ fastleave {on | off} ]\n"
            + "                               [ root_block {on | off} ]\n"
            + "                               [ learning {on | off} ]\n"
            + "                               [ learning_sync {on | off} ]\n"
            + "                               [ flood {on | off} ]\n"
            + "                               [ mcast_flood {on | off} ]\n"
            + "                               [ bcast_flood {on | off} ]\n"
            + "                               [ mcast_to_unicast {on | off} ]\n"
            + "                               [ neigh_suppress {on | off} ]\n"
            + "                               [ vlan_tunnel {on | off} ]\n"
            + "                               [ isolated {on | off} ]\n"
            + "                               [ locked {on | off} ]\n"
            + "                               [ hwmode {vepa | veb} ]\n"
            + "                               [ backup_port DEVICE ] [ nobackup_port ]\n"
            + "                               [ self ] [ master ]\n"
            + "       bridge link show [dev DEV]\n";
}
