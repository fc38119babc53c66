package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.duparg;
import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.incomplete;
import static org.netnslab.core.command.Iproute2.invarg;
import static org.netnslab.core.command.Iproute2.matches;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.LinkFlagChange;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.KernelErrors;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.net.MacAddress;

/**
 * {@code ip link}, as iproute2 6.1's {@code ip/iplink.c} has it: {@code do_iplink}'s subcommands,
 * {@code iplink_modify}'s checks of what {@code iplink_parse} read ({@link LinkRequest}) for add, set and
 * delete, and the commands they make, each with its run on the backend; {@link LinkFormat} prints the links.
 */
public final class IpLink {

    private static final int IFNAMSIZ = 16;
    /** From this length on a link's name no longer fits in iproute2's 1056-byte request. */
    private static final int NAME_OVERFLOW = 1020;
    private static final String ADDATTR_OVERFLOW = "addattr_l ERROR: message exceeded bound of 1056\n";

    /** Link kinds the kernel knows but a lab does not simulate. */
    private static final List<String> OTHER_KERNEL_KINDS = List.of("dummy", "vlan", "vxlan", "macvlan", "macvtap",
            "ipvlan", "ipvtap", "bond", "team", "ifb", "gre", "gretap", "ipip", "sit", "vrf", "vti", "geneve",
            "wireguard", "nlmon", "vcan", "vxcan", "netdevsim", "bareudp", "amt", "xfrm", "ip6tnl", "ip6gre");

    /**
     * Kinds that take no arguments and whose modules the reference kernel (6.18, the recording machine's) does
     * not have: it answers {@code Unknown device type}. Debian 12's kernel loads dummy and bond and makes them.
     */
    private static final List<String> NOT_ON_THE_REFERENCE_KERNEL = List.of("dummy", "bond", "wireguard", "netkit");

    private IpLink() {}

    /**
     * {@code ip link add NAME type veth [peer [name PEER] [netns NS]]} or {@code ip link add [name] NAME type
     * bridge}. A name left out is the kernel's to choose ({@code veth0}, {@code bridge0}, the lowest free).
     */
    public record LinkAdd(Optional<String> name, LinkKind kind, Optional<String> peer, Optional<String> peerNamespace)
            implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            // the host is a peer's namespace only as where ip runs, for a link made in another (LinkAddIn)
            if (peerNamespace.isPresent() && !peerNamespace.get().equals(Backend.HOST)
                    && !context.backend().namespaces().contains(peerNamespace.get())) {
                return Ip.invalidNetns(peerNamespace.get());
            }
            String warning = "";
            Optional<String> requested = name;
            if (requested.isPresent() && requested.get().length() >= NAME_OVERFLOW) {
                // iproute2 cannot fit the name in its request: it says so, drops it, and the kernel names the link
                warning = ADDATTR_OVERFLOW;
                requested = Optional.empty();
            }
            if (requested.isPresent() && requested.get().length() >= IFNAMSIZ) {
                return CommandResult.of(warning + "Error: Attribute failed policy validation.", 2);
            }
            if (requested.isPresent() && !kernelValidName(requested.get())) {
                return CommandResult.of(warning + "RTNETLINK answers: Invalid argument", 2);
            }
            try {
                switch (kind) {
                    case VETH -> {
                        // the kernel names what the learner did not (veth%d): only then are the names read,
                        // so that a named link costs no look at a namespace that may hold thousands
                        String peerNs = peerNamespace.orElse(ns);
                        String peerName = peer.orElseGet(() -> freeName(names(context, peerNs), "veth"));
                        String dev = requested.orElseGet(() -> {
                            Set<String> here = names(context, ns);
                            if (peerNs.equals(ns)) {
                                here.add(peerName);
                            }
                            return freeName(here, "veth");
                        });
                        context.backend().addVeth(ns, dev, peerName, peerNamespace);
                    }
                    case BRIDGE -> context.backend().addBridge(ns,
                            requested.orElseGet(() -> freeName(names(context, ns), "bridge")));
                    case LOOPBACK -> throw new KernelException(Errno.EOPNOTSUPP);
                }
            } catch (KernelException e) {
                return CommandResult.of(warning + KernelErrors.rtnetlink(e).output(), 2);
            }
            return CommandResult.of(warning, 0);
        }
    }

    /** {@code ip link del [dev] DEV}. */
    public record LinkDelete(String device) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (context.link(ns, device).isEmpty()) {
                return Ip.cannotFind(device);
            }
            context.backend().deleteLink(ns, device);
            return CommandResult.OK;
        }
    }

    /** {@code ip link set [dev] DEV CHANGE...}, applied in the order the tool applies them. */
    /** {@code IPV6_MIN_MTU}: below it the kernel stops IPv6 on a device. */
    private static final int IPV6_MIN_MTU = 1280;
    /** {@code ETH_ALEN}: the length of every lab device's address, lo's too. */
    private static final int MAC_LENGTH = 6;

    public record LinkSet(String device, Optional<Boolean> up, Optional<String> namespace,
            Optional<Optional<String>> master, Optional<Integer> mtu, Optional<byte[]> address, Optional<String> name,
            Optional<String> alias, LinkFlagChange flags, Optional<Integer> txQueueLen) implements Command {

        /** A change of what the lab first modelled: up, namespace, master, mtu and address. */
        public LinkSet(String device, Optional<Boolean> up, Optional<String> namespace,
                Optional<Optional<String>> master, Optional<Integer> mtu, Optional<byte[]> address) {
            this(device, up, namespace, master, mtu, address, Optional.empty(), Optional.empty(), LinkFlagChange.NONE,
                    Optional.empty());
        }

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (namespace.isPresent() && !context.backend().namespaces().contains(namespace.get())) {
                return Ip.invalidNetns(namespace.get());
            }
            if (master.isPresent() && master.get().isPresent()
                    && context.link(ns, master.get().get()).isEmpty()) {
                return invarg("Device does not exist\n", master.get().get()).result();
            }
            Optional<Link> link = context.link(ns, device);
            // iplink_parse's last check: the address has the device's length (every lab device's is 6)
            if (address.isPresent() && address.get().length != MAC_LENGTH && link.isPresent()) {
                return CommandResult.of("Invalid address length " + address.get().length + " - must be "
                        + MAC_LENGTH + " bytes\n", 1);
            }
            if (link.isEmpty()) {
                return Ip.cannotFind(device);
            }
            if (mtu.isPresent() && mtu.get() >= 0 && mtu.get() < IPV6_MIN_MTU
                    && link.get().kind() == LinkKind.LOOPBACK) {
                return new Unsupported("an mtu under 1280 on lo (the kernel takes its addresses away)", List.of())
                        .run(context, ns);
            }
            // with netns, the kernel moves the device under its name, or under the new one when the target has a
            // device of its name (dev_change_net_namespace's pattern), then renames it there
            boolean renameFirst = name.isPresent() && namespace.isPresent()
                    && context.link(namespace.get(), device).isPresent();
            if (renameFirst && (context.link(namespace.get(), name.get()).isPresent()
                    || context.link(ns, name.get()).isPresent())) {
                return new Unsupported("ip link set ... netns ... name NAME when both names are taken", List.of())
                        .run(context, ns);
            }
            if (name.isPresent() && link.get().kind() == LinkKind.LOOPBACK && !name.get().equals(device)) {
                return new Unsupported("renaming lo", List.of()).run(context, ns);
            }
            // the kernel's do_setlink order: namespace, address, mtu, name, alias, master, flags, txqueuelen
            String where = ns;
            String dev = device;
            if (renameFirst) {
                context.backend().setName(ns, dev, name.get());
                dev = name.get();
            }
            if (namespace.isPresent()) {
                context.backend().setLinkNamespace(ns, dev, namespace.get());
                where = namespace.get();
            }
            if (address.isPresent()) {
                context.backend().setAddress(where, dev, MacAddress.fromBytes(address.get(), 0));
            }
            if (mtu.isPresent()) {
                context.backend().setMtu(where, dev, mtu.get());
            }
            if (name.isPresent() && !name.get().equals(dev)) {
                context.backend().setName(where, dev, name.get());
                dev = name.get();
            }
            if (alias.isPresent()) {
                context.backend().setAlias(where, dev, alias.get());
            }
            if (master.isPresent()) {
                context.backend().setMaster(where, dev, master.get());
            }
            if (!flags.isEmpty()) {
                context.backend().setFlags(where, dev, flags);
            }
            if (up.isPresent()) {
                context.backend().setLinkUp(where, dev, up.get());
            }
            if (txQueueLen.isPresent()) {
                context.backend().setTxQueueLen(where, dev, txQueueLen.get());
            }
            return CommandResult.OK;
        }
    }

    /** {@code ip [-br] link [show] [dev DEV] [type KIND] [master BR] [up]}. */
    public record LinkShow(Optional<String> device, Optional<String> kind, Optional<String> master, boolean upOnly,
            IpOptions options) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            NamespaceState here = context.state(ns);
            if (master.isPresent() && here.link(master.get()).isEmpty()) {
                return invarg("Device does not exist\n", master.get()).result();
            }
            if (device.isPresent() && here.link(device.get()).isEmpty()) {
                String warning = device.get().length() >= NAME_OVERFLOW ? ADDATTR_OVERFLOW : "";
                return CommandResult.of(warning + "Device \"" + device.get() + "\" does not exist.", 1);
            }
            List<Link> links = here.links().stream()
                    .filter(l -> device.map(d -> d.equals(l.name())).orElse(true))
                    .filter(l -> kind.map(k -> kindMatches(l, k)).orElse(true))
                    .filter(l -> master.map(m -> l.master().equals(Optional.of(m))).orElse(true))
                    .filter(l -> !upOnly || l.adminUp())
                    .toList();
            String out = options.brief() ? LinkFormat.linksBrief(here, links, options)
                    : LinkFormat.links(here, links, Ip.named(context), options);
            return CommandResult.of(out, 0);
        }
    }

    /** The kernel's dev_valid_name: not {@code .} or {@code ..}, no slash, colon or blank. */
    private static boolean kernelValidName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(ch -> ch == '/' || ch == ':' || Character.isWhitespace(ch));
    }

    /** The kernel's {@code dev_alloc_name("PREFIX%d")}: the lowest number free. */
    private static Set<String> names(Context context, String ns) {
        Set<String> names = new HashSet<>();
        context.state(ns).links().forEach(l -> names.add(l.name()));
        return names;
    }

    private static String freeName(Set<String> taken, String prefix) {
        int i = 0;
        while (taken.contains(prefix + i)) {
            i++;
        }
        return prefix + i;
    }

    private static boolean kindMatches(Link l, String kind) {
        if (kind.equals("bridge_slave")) {
            return l.master().isPresent();
        }
        return l.kind() != LinkKind.LOOPBACK && l.kind().ipName().equals(kind);
    }

    /** do_iplink: the subcommand, matched by prefix, and its arguments. */
    static Command parse(Args a, IpOptions options) {
        if (!a.more()) {
            return new LinkShow(Optional.empty(), Optional.empty(), Optional.empty(), false, options);
        }
        String sub = a.next();
        if (matches(sub, "add")) {
            return modify(a, Subcommand.ADD);
        }
        if (matches(sub, "set") || matches(sub, "change")) {
            return modify(a, Subcommand.SET);
        }
        if (matches(sub, "replace")) {
            return new Unsupported("ip link replace", a.all());
        }
        if (matches(sub, "delete")) {
            return modify(a, Subcommand.DELETE);
        }
        if (matches(sub, "show") || matches(sub, "lst") || matches(sub, "list")) {
            return show(a, options);
        }
        if (matches(sub, "xstats") || matches(sub, "afstats") || matches(sub, "property")) {
            return new Unsupported("ip link " + sub, a.all());
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        return Ip.unknownCommand("link", sub);
    }

    private static Command show(Args a, IpOptions options) {
        String dev = null;
        String kind = null;
        String master = null;
        boolean up = false;
        while (a.more()) {
            String w = a.next();
            if (w.equals("up")) {
                up = true;
            } else if (w.equals("type")) {
                kind = a.value();
            } else if (w.equals("master")) {
                master = a.value();
            } else if (w.equals("group") || w.equals("vrf") || w.equals("nomaster")) {
                return new Unsupported("ip link show " + w, a.all());
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
        return new LinkShow(Optional.ofNullable(dev), Optional.ofNullable(kind), Optional.ofNullable(master), up,
                options);
    }

    /**
     * iplink_modify: the arguments as iplink_parse reads them ({@link LinkRequest}), then what each
     * subcommand checks of them before it asks the kernel; what the lab does not model is said last. A name
     * the line looked up (a namespace, a master) is looked up before all that follows it.
     */
    private static Command modify(Args a, Subcommand sub) {
        LinkRequest r = new LinkRequest(sub == Subcommand.ADD);
        Command command;
        try {
            Optional<Invalid> error = r.read(a);
            if (error.isPresent()) {
                command = error.get();
            } else {
                command = switch (sub) {
                    case ADD -> add(r, a);
                    case SET -> set(r, a);
                    case DELETE -> delete(r, a);
                };
            }
        } catch (Args.Incomplete e) {
            command = incomplete();
        }
        // ip link set looks its namespace and its master up itself, when it runs
        return command instanceof LinkSet ? command : r.afterLookups(command);
    }

    private enum Subcommand { ADD, SET, DELETE }

    private static Command add(LinkRequest r, Args a) {
        if (r.kind == null) {
            return new Invalid("Not enough information: \"type\" argument is required", 1);
        }
        Command made;
        if (r.kind.equals("veth")) {
            made = vethPeer(r.linkName(), r.kindArgs);
        } else if (r.kind.equals("bridge")) {
            made = r.kindArgs.more() ? new Unsupported("bridge options", r.kindArgs.all())
                    : new LinkAdd(r.linkName(), LinkKind.BRIDGE, Optional.empty(), Optional.empty());
        } else if (NOT_ON_THE_REFERENCE_KERNEL.contains(r.kind) && !r.kindArgs.more()) {
            return new Invalid("Error: Unknown device type.", 2);
        } else if (r.kind.equals("tun") && !r.kindArgs.more()) {
            // the tun module registers the kind only to refuse it: a tun is made with /dev/net/tun
            return new Invalid("Error: tun/tap creation via rtnetlink is not supported.", 2);
        } else if (OTHER_KERNEL_KINDS.contains(r.kind)) {
            made = new Unsupported("links of type \"" + r.kind + "\" (a lab has veth and bridge)", r.kindArgs.all());
        } else if (r.kindArgs.more()) {
            return garbage(r.kindArgs);
        } else {
            return new Invalid("Error: Unknown device type.", 2);
        }
        if (!(made instanceof LinkAdd)) {
            return made;
        }
        if (r.unsupported != null) {
            return new Unsupported("ip link add ... " + r.unsupported, a.all());
        }
        if (r.up != null || r.master != null) {
            return new Unsupported("ip link add with up or master (add the link, then set it)", a.all());
        }
        if (r.netns != null) {
            return new LinkAddIn(r.netns, (LinkAdd) made);
        }
        return made;
    }

    /**
     * {@code ip link add NAME netns NS type ...}: the link made in NS itself ({@code IFLA_NET_NS_FD} in the
     * request), and a veth's peer without a {@code netns} of its own where ip runs, as {@code veth_newlink}
     * makes it in the namespace that asked.
     */
    public record LinkAddIn(String namespace, LinkAdd add) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (!context.backend().namespaces().contains(namespace)) {
                return Ip.invalidNetns(namespace);
            }
            LinkAdd there = add.kind() == LinkKind.VETH
                    ? new LinkAdd(add.name(), add.kind(), add.peer(), Optional.of(add.peerNamespace().orElse(ns)))
                    : add;
            return there.run(context, namespace);
        }
    }

    private static Command set(LinkRequest r, Args a) {
        if (r.kind != null && r.kind.equals("bridge") && r.up == null && r.netns == null && r.master == null
                && r.mtu == null && r.address == null && r.alias == null && r.txQueueLen == null
                && r.multicast == null && r.noArp == null && r.allMulticast == null && r.promisc == null
                && r.dynamic == null && r.noTrailers == null
                && r.unsupported == null && (r.name == null || r.name.equals(r.dev))) {
            return IpLinkBridge.parse(r.dev, r.kindArgs);
        }
        if (r.kind != null) {
            return new Unsupported("ip link set ... type", a.all());
        }
        if (r.unsupported != null) {
            return new Unsupported("ip link set ... " + r.unsupported, a.all());
        }
        return new LinkSet(r.dev, Optional.ofNullable(r.up), Optional.ofNullable(r.netns),
                Optional.ofNullable(r.master), Optional.ofNullable(r.mtu), Optional.ofNullable(r.address),
                Optional.ofNullable(r.name).filter(n -> !n.equals(r.dev)), Optional.ofNullable(r.alias),
                new LinkFlagChange(Optional.ofNullable(r.multicast), Optional.ofNullable(r.noArp),
                        Optional.ofNullable(r.allMulticast), Optional.ofNullable(r.promisc),
                        Optional.ofNullable(r.dynamic), Optional.ofNullable(r.noTrailers)),
                Optional.ofNullable(r.txQueueLen));
    }

    private static Command delete(LinkRequest r, Args a) {
        if (r.unsupported != null) {
            return new Unsupported("ip link delete ... " + r.unsupported, a.all());
        }
        return new LinkDelete(r.dev);
    }

    /** iplink_modify's words for arguments after a kind that takes none. */
    private static Command garbage(Args kindArgs) {
        String first = kindArgs.next();
        if (matches(first, "help")) {
            return new Invalid(USAGE, 255);
        }
        return new Invalid("Garbage instead of arguments \"" + first + " ...\". Try \"ip link help\".", 1);
    }

    /** veth_parse_opt (ip/link_veth.c): {@code peer}, then the peer's arguments, as iplink_parse reads them. */
    private static Command vethPeer(Optional<String> dev, Args a) {
        if (!a.more()) {
            return new LinkAdd(dev, LinkKind.VETH, Optional.empty(), Optional.empty());
        }
        if (!a.next().equals("peer")) {
            return new Invalid("Usage: ip link <options> type veth [peer <options>]\n"
                    + "To get <options> type 'ip link add help'", 1);
        }
        LinkRequest peer = new LinkRequest(true);
        Optional<Invalid> error = peer.read(a);
        if (error.isPresent()) {
            return peer.afterLookups(error.get());
        }
        if (peer.kind != null) {
            return peer.afterLookups(duparg("type", peer.kind));
        }
        Optional<String> option = outsideThePeer(peer);
        if (option.isPresent()) {
            return peer.afterLookups(new Unsupported("veth peer option \"" + option.get() + "\"", a.all()));
        }
        // the link add looks the peer's namespace up itself, when it runs
        return new LinkAdd(dev, LinkKind.VETH, peer.linkName(), Optional.ofNullable(peer.netns));
    }

    /** The first of the peer's options a lab does not take: its flags and its master are the link's to set. */
    private static Optional<String> outsideThePeer(LinkRequest peer) {
        if (peer.unsupported != null) {
            return Optional.of(peer.unsupported);
        }
        if (peer.up != null) {
            return Optional.of(peer.up ? "up" : "down");
        }
        if (peer.master != null) {
            return Optional.of(peer.master.isPresent() ? "master" : "nomaster");
        }
        return Optional.empty();
    }

    static final String USAGE =
            "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n"
            + "\t\t    [ txqueuelen PACKETS ]\n"
            + "\t\t    [ address LLADDR ]\n"
            + "\t\t    [ broadcast LLADDR ]\n"
            + "\t\t    [ mtu MTU ] [index IDX ]\n"
            + "\t\t    [ numtxqueues QUEUE_COUNT ]\n"
            + "\t\t    [ numrxqueues QUEUE_COUNT ]\n"
            + "\t\t    [ netns { PID | NAME } ]\n"
            + "\t\t    type TYPE [ ARGS ]\n"
            + "\n"
            + "\tip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]\n"
            + "\n"
            + "\tip link set { DEVICE | dev DEVICE | group DEVGROUP }\n"
            + "\t\t\t[ { up | down } ]\n"
            + "\t\t\t[ type TYPE ARGS ]\n"
            + "\t\t[ arp { on | off } ]\n"
            + "\t\t[ dynamic { on | off } ]\n"
            + "\t\t[ multicast { on | off } ]\n"
            + "\t\t[ allmulticast { on | off } ]\n"
            + "\t\t[ promisc { on | off } ]\n"
            + "\t\t[ trailers { on | off } ]\n"
            + "\t\t[ carrier { on | off } ]\n"
            + "\t\t[ txqueuelen PACKETS ]\n"
            + "\t\t[ name NEWNAME ]\n"
            + "\t\t[ address LLADDR ]\n"
            + "\t\t[ broadcast LLADDR ]\n"
            + "\t\t[ mtu MTU ]\n"
            + "\t\t[ netns { PID | NAME } ]\n"
            + "\t\t[ link-netns NAME | link-netnsid ID ]\n"
            + "\t\t[ alias NAME ]\n"
            + "\t\t[ vf NUM [ mac LLADDR ]\n"
            + "\t\t\t [ vlan VLANID [ qos VLAN-QOS ] [ proto VLAN-PROTO ] ]\n"
            + "\t\t\t [ rate TXRATE ]\n"
            + "\t\t\t [ max_tx_rate TXRATE ]\n"
            + "\t\t\t [ min_tx_rate TXRATE ]\n"
            + "\t\t\t [ spoofchk { on | off} ]\n"
            + "\t\t\t [ query_rss { on | off} ]\n"
            + "\t\t\t [ state { auto | enable | disable} ]\n"
            + "\t\t\t [ trust { on | off} ]\n"
            + "\t\t\t [ node_guid EUI64 ]\n"
            + "\t\t\t [ port_guid EUI64 ] ]\n"
            + "\t\t[ { xdp | xdpgeneric | xdpdrv | xdpoffload } { off |\n"
            + "\t\t\t  object FILE [ { section | program } NAME ] [ verbose ] |\n"
            + "\t\t\t  pinned FILE } ]\n"
            + "\t\t[ master DEVICE ][ vrf NAME ]\n"
            + "\t\t[ nomaster ]\n"
            + "\t\t[ addrgenmode { eui64 | none | stable_secret | random } ]\n"
            + "\t\t[ protodown { on | off } ]\n"
            + "\t\t[ protodown_reason PREASON { on | off } ]\n"
            + "\t\t[ gso_max_size BYTES ] | [ gso_max_segs PACKETS ]\n"
            + "\t\t[ gro_max_size BYTES ]\n"
            + "\n"
            + "\tip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]\n"
            + "\t\t[nomaster]\n"
            + "\n"
            + "\tip link xstats type TYPE [ ARGS ]\n"
            + "\n"
            + "\tip link afstats [ dev DEVICE ]\n"
            + "\tip link property add dev DEVICE [ altname NAME .. ]\n"
            + "\tip link property del dev DEVICE [ altname NAME .. ]\n"
            + "\n"
            + "\tip link help [ TYPE ]\n"
            + "\n"
            + "TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n"
            + "          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n"
            + "          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n"
            + "          ipip | ipoib | ipvlan | ipvtap |\n"
            + "          macsec | macvlan | macvtap |\n"
            + "          netdevsim | nlmon | rmnet | sit | team | team_slave |\n"
            + "          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n"
            + "          xfrm | virt_wifi }\n";
}
