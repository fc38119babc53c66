package org.netnslab.core.sysfs;

import java.util.Optional;
import java.util.Set;
import org.netnslab.core.command.Context;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;

/**
 * {@code /sys/class/net/DEV/ATTRIBUTE} of the namespace a command runs in, as {@code net-sysfs.c} prints each
 * attribute the lab knows: {@code ifindex}, {@code iflink} (a veth's peer's index, else its own),
 * {@code address}, {@code broadcast}, {@code addr_len}, {@code mtu}, {@code operstate}, {@code carrier} (which
 * a link that is down cannot be asked: {@code Invalid argument}), {@code type}, {@code flags},
 * {@code tx_queue_len}. The other entries of a device's directory are there on a real machine, and are not part
 * of the lab; anything else is not there.
 */
public final class SysClassNet {

    private static final String ROOT = "/sys/class/net";

    private static final int IFF_UP = 0x1;
    private static final int IFF_BROADCAST = 0x2;
    private static final int IFF_LOOPBACK = 0x8;
    private static final int IFF_NOTRAILERS = 0x20;
    private static final int IFF_NOARP = 0x80;
    private static final int IFF_PROMISC = 0x100;
    private static final int IFF_ALLMULTI = 0x200;
    private static final int IFF_MULTICAST = 0x1000;
    private static final int IFF_DYNAMIC = 0x8000;
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_LOOPBACK = 772;

    /** The rest of a device's directory on kernel 6.18: files and directories the lab does not model. */
    private static final Set<String> NOT_MODELLED = Set.of("addr_assign_type", "carrier_changes",
            "carrier_down_count", "carrier_up_count", "dev_id", "dev_port", "dormant", "duplex",
            "gro_flush_timeout", "ifalias", "link_mode", "name_assign_type", "napi_defer_hard_irqs", "netdev_group",
            "phys_port_id", "phys_port_name", "phys_switch_id", "power", "proto_down", "queues", "speed",
            "statistics", "subsystem", "testing", "threaded", "uevent");

    /** What opening a path gave. */
    public sealed interface Opened {
        /** The file's text. */
        record Text(String text) implements Opened {}

        /** What the kernel answered instead ({@code No such file or directory}, {@code Is a directory}). */
        record Refused(String error) implements Opened {}

        /** A file a real machine has that the lab does not model. */
        record NotModelled() implements Opened {}
    }

    private SysClassNet() {}

    /** Whether a path is one of sysfs's network directory, for this class to open. */
    public static boolean owns(String path) {
        String p = normal(path);
        return p.equals(ROOT) || p.startsWith(ROOT + "/");
    }

    /** Opens and reads a path of {@link #owns}, in namespace {@code ns}. */
    public static Opened read(Context context, String ns, String path) {
        String p = normal(path);
        if (p.equals(ROOT)) {
            return new Opened.Refused("Is a directory");
        }
        String[] parts = p.substring(ROOT.length() + 1).split("/");
        Optional<Link> found = context.state(ns).link(parts[0]);
        if (found.isEmpty()) {
            return new Opened.Refused("No such file or directory");
        }
        Link l = found.get();
        if (parts.length == 1) {
            return new Opened.Refused("Is a directory");
        }
        String attribute = parts[1];
        boolean portOrBridge = (attribute.equals("brport") || attribute.equals("master")
                || attribute.startsWith("upper_")) && l.master().isPresent()
                || attribute.equals("bridge") && l.kind() == LinkKind.BRIDGE
                || attribute.startsWith("lower_") && l.kind() == LinkKind.BRIDGE;
        if (NOT_MODELLED.contains(attribute) || portOrBridge) {
            return new Opened.NotModelled();
        }
        if (parts.length > 2) {
            return new Opened.Refused(attribute(l, attribute).isPresent() ? "Not a directory" : "No such file or directory");
        }
        if (attribute.equals("carrier") && !l.adminUp()) {
            return new Opened.Refused("Invalid argument");
        }
        return attribute(l, attribute).<Opened>map(v -> new Opened.Text(v + "\n"))
                .orElse(new Opened.Refused("No such file or directory"));
    }

    private static Optional<String> attribute(Link l, String name) {
        boolean loopback = l.kind() == LinkKind.LOOPBACK;
        return Optional.ofNullable(switch (name) {
            case "ifindex" -> Integer.toString(l.index());
            case "iflink" -> Integer.toString(l.peer().map(Link.Peer::index).orElse(l.index()));
            case "address" -> l.mac().toString();
            case "broadcast" -> l.broadcast().toString();
            case "addr_len" -> "6";
            case "mtu" -> Integer.toString(l.mtu());
            case "operstate" -> l.operState().name().toLowerCase(java.util.Locale.ROOT);
            case "carrier" -> l.lowerUp() ? "1" : "0";
            case "type" -> Integer.toString(loopback ? ARPHRD_LOOPBACK : ARPHRD_ETHER);
            case "flags" -> "0x" + Integer.toHexString(flags(l));
            case "tx_queue_len" -> Integer.toString(l.txQueueLen());
            default -> null;
        });
    }

    /**
     * {@code dev->flags} as sysfs prints it, not as ip does ({@code dev_get_flags}): a bridge port's promiscuity,
     * and its all-multicast, which its bridge turns on, show here as PROMISC and ALLMULTI.
     */
    private static int flags(Link l) {
        Link.Flags f = l.flags();
        int flags = l.kind() == LinkKind.LOOPBACK ? IFF_LOOPBACK : IFF_BROADCAST;
        flags |= f.multicast() ? IFF_MULTICAST : 0;
        flags |= f.noArp() ? IFF_NOARP : 0;
        flags |= f.allMulticast() || l.master().isPresent() ? IFF_ALLMULTI : 0;
        flags |= f.promisc() || l.master().isPresent() ? IFF_PROMISC : 0;
        flags |= f.dynamic() ? IFF_DYNAMIC : 0;
        flags |= f.noTrailers() ? IFF_NOTRAILERS : 0;
        return flags | (l.adminUp() ? IFF_UP : 0);
    }

    private static String normal(String path) {
        String p = path.replaceAll("/+", "/");
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }
}
