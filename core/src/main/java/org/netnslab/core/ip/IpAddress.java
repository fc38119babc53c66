package org.netnslab.core.ip;

import static org.netnslab.core.command.Inet.inetAddress;
import static org.netnslab.core.command.Inet.inetPrefix;
import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.matches;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Iproute2;
import org.netnslab.core.command.KernelErrors;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * {@code ip address}, as iproute2 6.1's {@code ip/ipaddress.c} has it: {@code do_ipaddr}'s subcommands,
 * {@code ipaddr_modify}'s argument loop, the commands they make with their runs, and {@code print_addrinfo},
 * under each link's {@link LinkFormat} header.
 */
public final class IpAddress {

    private static final int IFNAMSIZ = 16;

    private IpAddress() {}

    /**
     * {@code ip addr add|del ADDR[/LEN] dev DEV}.
     *
     * @param lengthGiven whether a prefix length was typed: a delete without one is iproute2's wildcard deletion
     */
    public record AddrChange(boolean add, Ipv4Cidr address, String device, boolean lengthGiven,
            Optional<Ipv4Address> broadcast, Optional<String> label) implements Command {

        public AddrChange(boolean add, Ipv4Cidr address, String device) {
            this(add, address, device, true, Optional.empty(), Optional.empty());
        }

        public AddrChange(boolean add, Ipv4Cidr address, String device, boolean lengthGiven) {
            this(add, address, device, lengthGiven, Optional.empty(), Optional.empty());
        }

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (context.link(ns, device).isEmpty()) {
                return Ip.cannotFind(device);
            }
            if (add) {
                if (label.isPresent() && label.get().length() >= IFNAMSIZ) {
                    // ifa_ipv4_policy: IFA_LABEL is a string of IFNAMSIZ - 1 bytes at the most
                    return CommandResult.of("Error: Attribute failed policy validation.", 2);
                }
                if (broadcast.isPresent() || label.isPresent()) {
                    context.backend().addAddress(ns, device, address, broadcast, label);
                } else {
                    context.backend().addAddress(ns, device, address);
                }
                return CommandResult.OK;
            }
            if (lengthGiven) {
                context.backend().deleteAddress(ns, device, address);
                return CommandResult.OK;
            }
            // iproute2 sends no prefix length, and the kernel deletes the address whatever its length
            String warning = "Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
                    + "         Explicitly specify the prefix length (" + address + ") to avoid this warning.\n"
                    + "         This special behaviour is likely to disappear in further releases,\n"
                    + "         fix your scripts!\n";
            NamespaceState here = context.state(ns);
            int index = here.link(device).orElseThrow().index();
            Optional<Ipv4Cidr> held = here.addressesOf(index).stream()
                    .flatMap(a -> a.ipv4().stream())
                    .filter(cidr -> cidr.address().equals(address.address()))
                    .findFirst();
            try {
                context.backend().deleteAddress(ns, device, held.orElse(address));
            } catch (KernelException e) {
                return CommandResult.of(warning + KernelErrors.rtnetlink(e).output(), 2);
            }
            return CommandResult.of(warning, 0);
        }
    }

    /** {@code ip [-br] [-4|-6] [-o] [-c] [-j [-p]] addr [show] [dev DEV] [up]}. */
    public record AddrShow(Optional<String> device, boolean upOnly, IpOptions options) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            NamespaceState here = context.state(ns);
            if (device.isPresent() && here.link(device.get()).isEmpty()) {
                return CommandResult.of("Device \"" + device.get() + "\" does not exist.", 1);
            }
            List<Link> links = here.links().stream()
                    .filter(l -> device.map(d -> d.equals(l.name())).orElse(true))
                    .filter(l -> !upOnly || l.adminUp())
                    .toList();
            String out = options.brief() ? addressesBrief(here, links, options)
                    : addresses(here, links, Ip.named(context), options);
            return CommandResult.of(out, 0);
        }
    }

    /** do_ipaddr: the subcommand, matched by prefix, and its arguments. */
    static Command parse(Args a, IpOptions options) {
        if (!a.more()) {
            return new AddrShow(Optional.empty(), false, options);
        }
        String sub = a.next();
        if (matches(sub, "add")) {
            return modify(a, true);
        }
        if (matches(sub, "change") || sub.equals("chg") || matches(sub, "replace")) {
            return new Unsupported("ip address " + sub, a.all());
        }
        if (matches(sub, "delete")) {
            return modify(a, false);
        }
        if (matches(sub, "list") || matches(sub, "show") || matches(sub, "lst")) {
            String dev = null;
            boolean up = false;
            while (a.more()) {
                String w = a.next();
                if (w.equals("up")) {
                    up = true;
                } else if (List.of("to", "scope", "label", "master", "vrf", "type", "nomaster").contains(w)) {
                    return new Unsupported("ip address show " + w, a.all());
                } else {
                    if (w.equals("dev")) {
                        w = a.value();
                    } else if (matches(w, "help")) {
                        return new Invalid(USAGE, 255);
                    }
                    if (dev != null) {
                        return duparg2("dev", w);
                    }
                    dev = w;
                }
            }
            return new AddrShow(Optional.ofNullable(dev), up, options);
        }
        if (matches(sub, "flush")) {
            return AddrFlush.parse(a, options);
        }
        if (matches(sub, "save") || matches(sub, "showdump") || matches(sub, "restore")) {
            return new Unsupported("ip address " + sub, a.all());
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        return Ip.unknownCommand("address", sub);
    }

    /** ipaddr_modify's argument loop. */
    private static Command modify(Args a, boolean add) {
        String dev = null;
        Ipv4Cidr local = null;
        boolean lengthGiven = false;
        String brd = null;
        String label = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("dev")) {
                dev = a.value();
            } else if (matches(w, "broadcast") || w.equals("brd")) {
                String v = a.value();
                if (brd != null) {
                    return Iproute2.duparg("broadcast", v);
                }
                if (!v.equals("+") && !v.equals("-") && inetAddress(v).isEmpty()) {
                    return new Unsupported("ip address " + (add ? "add" : "del") + " ... broadcast " + v, a.all());
                }
                brd = v;
            } else if (w.equals("label") && add) {
                label = a.value();
            } else if (List.of("peer", "remote", "anycast", "scope", "label", "metric",
                    "valid_lft", "preferred_lft", "home", "nodad", "mngtmpaddr", "noprefixroute", "autojoin")
                    .contains(w) || matches(w, "broadcast")) {
                return new Unsupported("ip address " + (add ? "add" : "del") + " ... " + w, a.all());
            } else {
                if (w.equals("local")) {
                    w = a.value();
                }
                if (local != null) {
                    return duparg2("local", w);
                }
                Optional<Ipv4Cidr> parsed = inetPrefix(w);
                if (parsed.isEmpty()) {
                    return new Invalid("Error: any valid prefix is expected rather than \"" + w + "\".", 1);
                }
                local = parsed.get();
                lengthGiven = w.indexOf('/') >= 0;
            }
        }
        if (dev == null) {
            return new Invalid("Not enough information: \"dev\" argument is required.", 1);
        }
        if (local == null) {
            return new Unsupported("an address change without an address", a.all());
        }
        Optional<Ipv4Address> broadcast = Optional.empty();
        if (add && brd != null && local.prefixLength() <= 30) {
            // ipaddr_modify: "+" sets the host bits of the address, "-" clears them; /31 and /32 get none
            Ipv4Address computed = local.broadcast();
            if (!brd.equals("+") && !inetAddress(brd).get().equals(computed)) {
                return new Unsupported("a broadcast address other than the subnet's (" + computed + ")", a.all());
            }
            broadcast = Optional.of(computed);
        } else if (add && brd != null && !brd.equals("+") && !brd.equals("-")) {
            return new Unsupported("a broadcast address on a /31 or /32", a.all());
        }
        return new AddrChange(add, local, dev, lengthGiven, broadcast, Optional.ofNullable(label));
    }

    /** {@code ip addr show}: each link with its addresses. */
    public static String addresses(NamespaceState ns, List<Link> links, Set<String> named, boolean inet4Only) {
        return addresses(ns, links, named, new IpOptions(false, inet4Only ? 4 : 0, false, false, false, false));
    }

    /** The addresses of a link that the family asked for, in the kernel's order. */
    private static List<Address> selected(NamespaceState ns, Link l, IpOptions o) {
        return ns.addressesOf(l.index()).stream()
                .filter(a -> !o.inet4Only() || a.isInet())
                .filter(a -> !o.inet6Only() || !a.isInet())
                .toList();
    }

    /**
     * ipaddr_list_flush_or_save: each link (with a family, only those holding an address of it) and
     * print_addrinfo under it; with {@code -o}, only the addresses, each on one line.
     */
    static String addresses(NamespaceState ns, List<Link> links, Set<String> named, IpOptions o) {
        JsonWriter w = o.jsonWriter();
        if (w != null) {
            w.startArray(null);
        }
        boolean c = o.colored();
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            List<Address> addrs = selected(ns, l, o);
            if (o.family() != 0 && addrs.isEmpty()) {
                continue;
            }
            if (w != null) {
                w.startObject();
                LinkFormat.json(w, ns, l, false, o.family());
                w.startArray("addr_info");
                for (Address a : addrs) {
                    w.startObject();
                    jsonAddress(w, a);
                    w.endObject();
                }
                w.endArray();
                w.endObject();
                continue;
            }
            if (!o.oneline()) {
                if (o.inet6Only()) {
                    LinkFormat.headerInet6(sb, ns, l, c);
                } else {
                    LinkFormat.header(sb, ns, l, false, c);
                    if (o.inet4Only()) {
                        sb.insert(sb.length() - 1, LinkFormat.peerNamespace(ns, l, named));
                    } else {
                        LinkFormat.linkLayer(sb, ns, l, named, c);
                    }
                }
            }
            for (Address a : addrs) {
                if (o.oneline()) {
                    sb.append(l.index()).append(": ").append(l.name());
                }
                String[] parts = a.prefix().split("/", 2);
                sb.append("    ").append(a.family()).append(' ');
                sb.append(Colors.family(a.family()).paint(c, parts[0])).append('/').append(parts[1]).append(' ');
                a.broadcast().ifPresent(b -> sb.append("brd ").append(Colors.INET.paint(c, b + " ")));
                sb.append("scope ").append(a.scope().ipName()).append(' ');
                if (a.secondary()) {
                    sb.append("secondary ");
                }
                if (a.isInet()) {
                    sb.append(a.linkName());
                }
                sb.append(o.oneline() ? '\\' : '\n');
                sb.append("       valid_lft forever preferred_lft forever\n");
            }
        }
        return w != null ? w.endArray().done() : sb.toString();
    }

    /** print_addrinfo's JSON members, in its order; the lifetimes are INFINITY_LIFE_TIME. */
    private static void jsonAddress(JsonWriter w, Address a) {
        String[] parts = a.prefix().split("/", 2);
        w.field("family", a.family());
        w.field("local", parts[0]);
        w.field("prefixlen", Integer.parseInt(parts[1]));
        a.broadcast().ifPresent(b -> w.field("broadcast", b.toString()));
        w.field("scope", a.scope().ipName());
        if (a.secondary()) {
            w.field("secondary", true);
        }
        if (a.isInet()) {
            w.field("label", a.linkName());
        }
        w.field("valid_life_time", 4294967295L);
        w.field("preferred_life_time", 4294967295L);
    }

    /** {@code ip -br [-4] addr}: with {@code -4}, IPv4 addresses only, and only the links that have one. */
    public static String addressesBrief(NamespaceState ns, List<Link> links, boolean inet4Only) {
        return addressesBrief(ns, links, new IpOptions(true, inet4Only ? 4 : 0, false, false, false, false));
    }

    /** {@code ip -br [-4|-6] [-c] [-j [-p]] addr}: print_linkinfo_brief, then each address's local/len. */
    static String addressesBrief(NamespaceState ns, List<Link> links, IpOptions o) {
        JsonWriter w = o.jsonWriter();
        if (w != null) {
            w.startArray(null);
        }
        boolean c = o.colored();
        StringBuilder sb = new StringBuilder();
        for (Link l : links) {
            List<Address> addrs = selected(ns, l, o);
            if (o.family() != 0 && addrs.isEmpty()) {
                continue;
            }
            if (w != null) {
                w.startObject();
                LinkFormat.jsonNameAndLink(w, l);
                w.field("operstate", l.operState().name());
                w.startArray("addr_info");
                for (Address a : addrs) {
                    String[] parts = a.prefix().split("/", 2);
                    w.startObject().field("local", parts[0]).field("prefixlen", Integer.parseInt(parts[1]));
                    w.endObject();
                }
                w.endArray();
                w.endObject();
                continue;
            }
            String name = o.inet6Only() ? LinkFormat.nameInet6(ns, l) : LinkFormat.nameWithPeer(l);
            LinkFormat.briefNameAndState(sb, name, l, c);
            for (Address a : addrs) {
                String[] parts = a.prefix().split("/", 2);
                sb.append(Colors.family(a.family()).paint(c, parts[0])).append('/').append(parts[1]).append(' ');
            }
            sb.append('\n');
        }
        return w != null ? w.endArray().done() : sb.toString();
    }

    static final String USAGE =
            "Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n"
            + "                                                      [ CONFFLAG-LIST ]\n"
            + "       ip address del IFADDR dev IFNAME [mngtmpaddr]\n"
            + "       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n"
            + "                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n"
            + "       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]\n"
            + "                         [ nomaster ]\n"
            + "                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]\n"
            + "                         [ label LABEL ] [up] [ vrf NAME ] ]\n"
            + "       ip address {showdump|restore}\n"
            + "IFADDR := PREFIX | ADDR peer PREFIX\n"
            + "          [ broadcast ADDR ] [ anycast ADDR ]\n"
            + "          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\n"
            + "SCOPE-ID := [ host | link | global | NUMBER ]\n"
            + "FLAG-LIST := [ FLAG-LIST ] FLAG\n"
            + "FLAG  := [ permanent | dynamic | secondary | primary |\n"
            + "           [-]tentative | [-]deprecated | [-]dadfailed | temporary |\n"
            + "           CONFFLAG-LIST ]\n"
            + "CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\n"
            + "CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]\n"
            + "LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]\n"
            + "LFT := forever | SECONDS\n"
            + "TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n"
            + "          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n"
            + "          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n"
            + "          ipip | ipoib | ipvlan | ipvtap |\n"
            + "          macsec | macvlan | macvtap |\n"
            + "          netdevsim | nlmon | rmnet | sit | team | team_slave |\n"
            + "          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n"
            + "          xfrm | virt_wifi }\n";
}
