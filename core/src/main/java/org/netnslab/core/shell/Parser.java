package org.netnslab.core.shell;

import static org.netnslab.core.command.Inet.inetAddress;
import static org.netnslab.core.command.Inet.inetPrefix;
import static org.netnslab.core.command.Inet.prefix;
import static org.netnslab.core.command.Iproute2.duparg;
import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.invarg;
import static org.netnslab.core.command.Iproute2.matches;
import static org.netnslab.core.command.Iproute2.validAltIfname;
import static org.netnslab.core.command.Iproute2.validIfname;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.Command.AddrChange;
import org.netnslab.core.command.Command.AddrShow;
import org.netnslab.core.command.Command.Exit;
import org.netnslab.core.command.Command.LinkAdd;
import org.netnslab.core.command.Command.LinkDelete;
import org.netnslab.core.command.Command.LinkSet;
import org.netnslab.core.command.Command.LinkShow;
import org.netnslab.core.command.Command.NetnsAdd;
import org.netnslab.core.command.Command.NetnsDelete;
import org.netnslab.core.command.Command.NetnsList;
import org.netnslab.core.command.Command.RouteChange;
import org.netnslab.core.command.Command.RouteGet;
import org.netnslab.core.command.Command.RouteShow;
import org.netnslab.core.command.Command.Shell;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Iproute2;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.iptables.Iptables;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.nc.Nc;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.ping.Ping;
import org.netnslab.core.sysctl.Sysctl;

/**
 * Turns a command line into a {@link Command}, the way the real tools read their arguments: iproute2's
 * prefix matching of objects and subcommands ({@code ip a}, {@code ip r s}), iputils' options before or
 * after the address, procps' {@code sysctl}, and the nat table of iptables. What a tool refuses before it
 * asks the kernel becomes an {@link Invalid} with that tool's words and exit status. Checks that need the
 * lab's state ({@code Cannot find device}) are the {@link Executor}'s.
 */
public final class Parser {

    /** ip.c's objects, in its order: the first that the typed word is a prefix of wins. */
    private static final List<String> IP_OBJECTS = List.of("address", "addrlabel", "maddress", "route", "rule",
            "neighbor", "neighbour", "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tuntap",
            "tap", "token", "tcpmetrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr",
            "nexthop", "mptcp", "ioam", "stats", "amt", "help");

    /** Link kinds the kernel knows but a lab does not simulate. */
    private static final List<String> OTHER_KERNEL_KINDS = List.of("dummy", "vlan", "vxlan", "macvlan", "macvtap",
            "ipvlan", "ipvtap", "bond", "team", "ifb", "gre", "gretap", "ipip", "sit", "vrf", "vti", "geneve",
            "wireguard", "nlmon", "vcan", "vxcan", "netdevsim", "bareudp", "amt", "xfrm", "ip6tnl", "ip6gre");

    private Parser() {}

    /** Parses one line as typed. */
    public static Command parse(String line) {
        if (line.length() > 100_000) {
            return new Invalid("bash: line too long", 1);
        }
        Optional<String> operator = Words.shellSyntax(line);
        if (operator.isPresent()) {
            return new Unsupported("the shell's \"" + operator.get() + "\" (type one command a line)", List.of());
        }
        return Words.split(line)
                .map(Parser::parse)
                .orElseGet(() -> new Invalid("bash: unexpected EOF while looking for matching quote", 2));
    }

    /** Parses a command given as words, as {@code ip netns exec} passes them on. */
    public static Command parse(List<String> words) {
        int i = 0;
        while (i < words.size() && words.get(i).equals("sudo")) {
            i++;
        }
        if (i == words.size()) {
            return i == 0 ? new Invalid("", 0) : new Unsupported("sudo without a command", words);
        }
        Args args = new Args(words.subList(i + 1, words.size()));
        String program = words.get(i);
        try {
            return program(program, args, words);
        } catch (Args.Incomplete e) {
            return Iproute2.incomplete();
        }
    }

    private static Command program(String program, Args args, List<String> words) {
        return switch (program) {
            case "ip", "/sbin/ip", "/usr/sbin/ip", "/bin/ip", "/usr/bin/ip" -> ip(args);
            case "ping", "/bin/ping", "/usr/bin/ping" -> Ping.parse(args.all());
            case "sysctl", "/sbin/sysctl", "/usr/sbin/sysctl" -> Sysctl.parse(args.all());
            case "iptables", "/sbin/iptables", "/usr/sbin/iptables" -> Iptables.parse(args.all());
            case "nc", "netcat", "nc.openbsd", "/bin/nc", "/usr/bin/nc", "/bin/netcat", "/usr/bin/netcat",
                    "/bin/nc.openbsd", "/usr/bin/nc.openbsd" -> Nc.parse(program, args.all());
            case "bash", "sh", "/bin/bash", "/bin/sh" -> args.done() ? new Shell()
                    : new Unsupported(program + " with arguments", words);
            case "exit", "logout" -> new Exit();
            default -> new NotFound(program);
        };
    }

    // ---------------------------------------------------------------------------------------------- ip

    private static Command ip(Args a) {
        Optional<String> netns = Optional.empty();
        boolean brief = false;
        boolean inet4Only = false;
        while (a.more() && a.peek().startsWith("-") && a.peek().length() > 1) {
            String typed = a.next();
            String opt = typed.startsWith("--") ? typed.substring(1) : typed;
            if (opt.equals("-4")) {
                inet4Only = true;
            } else if (matches(opt, "-netns")) {
                if (!a.more()) {
                    return new Invalid("Cannot open network namespace \"(null)\": No such file or directory", 255);
                }
                netns = Optional.of(a.next());
            } else if (opt.equals("-6") || matches(opt, "-details") || matches(opt, "-stats")
                    || matches(opt, "-statistics") || matches(opt, "-json") || matches(opt, "-oneline")
                    || matches(opt, "-pretty") || matches(opt, "-resolve") || matches(opt, "-family")
                    || matches(opt, "-human") || matches(opt, "-timestamp") || matches(opt, "-color")
                    || matches(opt, "-all") || matches(opt, "-batch") || opt.equals("-0")) {
                return new Unsupported("ip " + typed, a.all());
            } else if (matches(opt, "-Version")) {
                return new Invalid("ip utility, iproute2-6.1.0, libbpf 1.1.2", 0);
            } else if (matches(opt, "-help")) {
                return new Invalid(Usage.IP, 255);
            } else if (matches(opt, "-brief")) {
                brief = true;
            } else {
                return new Invalid("Option \"" + typed + "\" is unknown, try \"ip -help\".", 255);
            }
        }
        if (!a.more()) {
            return new Invalid(Usage.IP, 255);
        }
        String typed = a.next();
        String object = IP_OBJECTS.stream().filter(o -> matches(typed, o)).findFirst().orElse(null);
        if (object == null) {
            return new Invalid("Object \"" + typed + "\" is unknown, try \"ip help\".", 1);
        }
        Command command = switch (object) {
            case "address" -> ipAddress(a, brief, inet4Only);
            case "route" -> ipRoute(a);
            case "link" -> ipLink(a, brief);
            case "netns" -> ipNetns(a);
            case "help" -> new Invalid(Usage.IP, 255);
            default -> new Unsupported("ip " + object, a.all());
        };
        return netns.<Command>map(ns -> new InNamespace(ns, command, false)).orElse(command);
    }

    private static Command ipNetns(Args a) {
        if (!a.more()) {
            return new NetnsList();
        }
        String sub = a.next();
        if (matches(sub, "list") || matches(sub, "show") || matches(sub, "lst")) {
            return new NetnsList();
        }
        if (matches(sub, "help")) {
            return new Invalid(Usage.IP_NETNS, 255);
        }
        if (matches(sub, "add")) {
            if (!a.more()) {
                return new Invalid("No netns name specified", 1);
            }
            String name = a.next();
            if (!validNetnsName(name)) {
                return new Invalid("Invalid netns name \"" + name + "\"", 255);
            }
            return new NetnsAdd(name);
        }
        if (matches(sub, "delete")) {
            if (!a.more()) {
                return new Invalid("No netns name specified", 1);
            }
            String name = a.next();
            if (!validNetnsName(name)) {
                return new Invalid("Invalid netns name \"" + name + "\"", 255);
            }
            return new NetnsDelete(name);
        }
        if (matches(sub, "exec")) {
            if (!a.more()) {
                return new Invalid("No netns name specified", 1);
            }
            String name = a.next();
            if (!a.more()) {
                return new Invalid("No command specified", 1);
            }
            return new InNamespace(name, parse(a.rest()), true);
        }
        if (matches(sub, "set") || matches(sub, "identify") || matches(sub, "pids") || matches(sub, "monitor")
                || matches(sub, "attach") || matches(sub, "list-id")) {
            return new Unsupported("ip netns " + sub, a.all());
        }
        return new Invalid("Command \"" + sub + "\" is unknown, try \"ip netns help\".", 255);
    }

    private static boolean validNetnsName(String name) {
        return !name.isEmpty() && name.length() < 255 && name.indexOf('/') < 0 && !name.equals(".")
                && !name.equals("..");
    }

    private static Command ipLink(Args a, boolean brief) {
        if (!a.more()) {
            return new LinkShow(Optional.empty(), Optional.empty(), Optional.empty(), false, brief);
        }
        String sub = a.next();
        if (matches(sub, "add")) {
            return linkModify(a, true);
        }
        if (matches(sub, "set") || matches(sub, "change")) {
            return linkModify(a, false);
        }
        if (matches(sub, "replace")) {
            return new Unsupported("ip link replace", a.all());
        }
        if (matches(sub, "delete")) {
            return linkDelete(a);
        }
        if (matches(sub, "show") || matches(sub, "lst") || matches(sub, "list")) {
            return linkShow(a, brief);
        }
        if (matches(sub, "xstats") || matches(sub, "afstats") || matches(sub, "property")) {
            return new Unsupported("ip link " + sub, a.all());
        }
        if (matches(sub, "help")) {
            return new Invalid(Usage.IP_LINK, 255);
        }
        return new Invalid("Command \"" + sub + "\" is unknown, try \"ip link help\".", 255);
    }

    private static Command linkShow(Args a, boolean brief) {
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
                    return new Invalid(Usage.IP_LINK, 255);
                }
                if (dev != null) {
                    return duparg2("dev", w);
                }
                dev = w;
            }
        }
        return new LinkShow(Optional.ofNullable(dev), Optional.ofNullable(kind), Optional.ofNullable(master), up,
                brief);
    }

    private static Command linkDelete(Args a) {
        String dev = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("type")) {
                a.rest();
                break;
            }
            if (w.equals("dev")) {
                w = a.value();
            }
            if (dev != null) {
                return duparg2("dev", w);
            }
            if (!validAltIfname(w)) {
                return invarg("\"dev\" not a valid ifname", w);
            }
            dev = w;
        }
        if (dev == null) {
            return new Invalid("Not enough information: \"dev\" argument is required.", 255);
        }
        return new LinkDelete(dev);
    }

    /** iplink_parse, for the keywords a lab uses; the others are said to be outside the lab. */
    private static Command linkModify(Args a, boolean create) {
        String dev = null;
        String name = null;
        Boolean up = null;
        String netns = null;
        Optional<String> master = null;
        String kind = null;
        Args kindArgs = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("up") || w.equals("down")) {
                up = w.equals("up");
            } else if (w.equals("name")) {
                String n = a.value();
                if (name != null) {
                    return duparg("name", n);
                }
                if (!validIfname(n)) {
                    return invarg("\"name\" not a valid ifname", n);
                }
                name = n;
                if (dev == null) {
                    dev = n;
                }
            } else if (w.equals("netns")) {
                String ns = a.value();
                if (netns != null) {
                    return duparg("netns", ns);
                }
                netns = ns;
            } else if (w.equals("master")) {
                master = Optional.of(a.value());
            } else if (w.equals("nomaster")) {
                master = Optional.empty();
            } else if (matches(w, "type")) {
                kind = a.value();
                kindArgs = new Args(a.rest());
                break;
            } else if (List.of("mtu", "index", "txqueuelen", "qlen", "alias", "arp", "multicast", "allmulticast",
                    "promisc", "trailers", "carrier", "dynamic", "vf", "group", "addrgenmode", "protodown", "xdp",
                    "vrf", "broadcast", "brd", "numtxqueues", "numrxqueues", "gso_max_size", "gso_max_segs",
                    "link-netns", "link-netnsid", "parentdev", "link", "address").contains(w)
                    || matches(w, "address") || matches(w, "txqlen")) {
                return new Unsupported("ip link " + (create ? "add" : "set") + " ... " + w, a.all());
            } else {
                if (w.equals("dev")) {
                    w = a.value();
                } else if (matches(w, "help")) {
                    return new Invalid(Usage.IP_LINK, 255);
                }
                if (dev != null && !dev.equals(name)) {
                    return duparg2("dev", w);
                }
                if (dev != null) {
                    return duparg2("dev", w);
                }
                if (!validAltIfname(w)) {
                    return invarg("\"dev\" not a valid ifname", w);
                }
                dev = w;
            }
        }
        if (!create) {
            if (kind != null) {
                return new Unsupported("ip link set ... type", a.all());
            }
            if (dev == null) {
                return new Invalid("Not enough information: \"dev\" argument is required.", 255);
            }
            if (name != null && !name.equals(dev)) {
                return new Unsupported("renaming a link", a.all());
            }
            return new LinkSet(dev, Optional.ofNullable(up), Optional.ofNullable(netns), Optional.ofNullable(master));
        }
        if (kind == null) {
            return new Invalid("Not enough information: \"type\" argument is required", 1);
        }
        if (up != null || netns != null || master != null) {
            return new Unsupported("ip link add with up, netns or master (add the link, then set it)", a.all());
        }
        if (kind.equals("veth")) {
            return vethPeer(dev, kindArgs);
        }
        if (kind.equals("bridge")) {
            if (kindArgs.more()) {
                return new Unsupported("bridge options", kindArgs.all());
            }
            return new LinkAdd(Optional.ofNullable(dev), LinkKind.BRIDGE, Optional.empty(), Optional.empty());
        }
        if (OTHER_KERNEL_KINDS.contains(kind)) {
            return new Unsupported("links of type \"" + kind + "\" (a lab has veth and bridge)", a.all());
        }
        return new Invalid("Error: Unknown device type.", 2);
    }

    private static Command vethPeer(String dev, Args a) {
        if (!a.more()) {
            return new LinkAdd(Optional.ofNullable(dev), LinkKind.VETH, Optional.empty(), Optional.empty());
        }
        if (!a.next().equals("peer")) {
            return new Invalid("Usage: ip link <options> type veth [peer <options>]\n"
                    + "To get <options> type 'ip link add help'", 1);
        }
        String peer = null;
        String peerNetns = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("name")) {
                String n = a.value();
                if (peer != null) {
                    return duparg("name", n);
                }
                if (!validIfname(n)) {
                    return invarg("\"name\" not a valid ifname", n);
                }
                peer = n;
            } else if (w.equals("netns")) {
                String ns = a.value();
                if (peerNetns != null) {
                    return duparg("netns", ns);
                }
                peerNetns = ns;
            } else {
                return new Unsupported("veth peer option \"" + w + "\"", a.all());
            }
        }
        return new LinkAdd(Optional.ofNullable(dev), LinkKind.VETH, Optional.ofNullable(peer),
                Optional.ofNullable(peerNetns));
    }

    private static Command ipAddress(Args a, boolean brief, boolean inet4Only) {
        if (!a.more()) {
            return new AddrShow(Optional.empty(), false, brief, inet4Only);
        }
        String sub = a.next();
        if (matches(sub, "add")) {
            return addrModify(a, true);
        }
        if (matches(sub, "change") || sub.equals("chg") || matches(sub, "replace")) {
            return new Unsupported("ip address " + sub, a.all());
        }
        if (matches(sub, "delete")) {
            return addrModify(a, false);
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
                        return new Invalid(Usage.IP_ADDRESS, 255);
                    }
                    if (dev != null) {
                        return duparg2("dev", w);
                    }
                    dev = w;
                }
            }
            return new AddrShow(Optional.ofNullable(dev), up, brief, inet4Only);
        }
        if (matches(sub, "flush") || matches(sub, "save") || matches(sub, "showdump") || matches(sub, "restore")) {
            return new Unsupported("ip address " + sub, a.all());
        }
        if (matches(sub, "help")) {
            return new Invalid(Usage.IP_ADDRESS, 255);
        }
        return new Invalid("Command \"" + sub + "\" is unknown, try \"ip address help\".", 255);
    }

    private static Command addrModify(Args a, boolean add) {
        String dev = null;
        Ipv4Cidr local = null;
        boolean lengthGiven = false;
        while (a.more()) {
            String w = a.next();
            if (w.equals("dev")) {
                dev = a.value();
            } else if (List.of("peer", "remote", "broadcast", "brd", "anycast", "scope", "label", "metric",
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
        return new AddrChange(add, local, dev, lengthGiven);
    }

    private static Command ipRoute(Args a) {
        if (!a.more()) {
            return new RouteShow(Optional.empty(), Optional.empty());
        }
        String sub = a.next();
        if (matches(sub, "add")) {
            return routeModify(a, true);
        }
        if (matches(sub, "change") || sub.equals("chg") || matches(sub, "replace") || matches(sub, "prepend")
                || matches(sub, "append") || matches(sub, "test")) {
            return new Unsupported("ip route " + sub, a.all());
        }
        if (matches(sub, "delete")) {
            return routeModify(a, false);
        }
        if (matches(sub, "list") || matches(sub, "show") || matches(sub, "lst")) {
            return routeShow(a);
        }
        if (matches(sub, "get")) {
            return routeGet(a);
        }
        if (matches(sub, "flush") || matches(sub, "save") || matches(sub, "restore") || matches(sub, "showdump")) {
            return new Unsupported("ip route " + sub, a.all());
        }
        if (matches(sub, "help")) {
            return new Invalid(Usage.IP_ROUTE, 255);
        }
        return new Invalid("Command \"" + sub + "\" is unknown, try \"ip route help\".", 255);
    }

    private static Command routeShow(Args a) {
        Ipv4Cidr prefix = null;
        String dev = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("dev") || w.equals("oif")) {
                dev = a.value();
            } else if (List.of("table", "vrf", "cached", "cloned", "tos", "protocol", "proto", "scope", "type", "via",
                    "src", "from", "root", "match", "iif", "realm", "realms").contains(w)) {
                return new Unsupported("ip route show " + w, a.all());
            } else {
                if (matches(w, "to") || matches(w, "exact")) {
                    w = a.value();
                }
                Optional<Ipv4Cidr> p = prefix(w);
                if (p.isEmpty()) {
                    return new Invalid("Error: any valid prefix is expected rather than \"" + w + "\".", 1);
                }
                prefix = p.get();
            }
        }
        return new RouteShow(Optional.ofNullable(prefix), Optional.ofNullable(dev));
    }

    private static Command routeModify(Args a, boolean add) {
        Ipv4Cidr dst = null;
        Ipv4Address via = null;
        String dev = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("via")) {
                String g = a.value();
                if (g.equals("inet")) {
                    g = a.value();
                }
                Optional<Ipv4Address> gw = inetAddress(g);
                if (gw.isEmpty()) {
                    return new Invalid("Error: inet address is expected rather than \"" + g + "\".", 1);
                }
                via = gw.get();
            } else if (w.equals("dev") || w.equals("oif")) {
                dev = a.value();
            } else if (List.of("src", "as", "from", "tos", "dsfield", "expires", "metric", "priority", "preference",
                    "scope", "onlink", "nexthop", "nhid", "protocol", "proto", "table", "vrf", "mtu", "advmss",
                    "hoplimit", "realms", "realm", "encap", "weight", "pref", "ttl-propagate", "rtt", "window")
                    .contains(w)) {
                return new Unsupported("ip route " + (add ? "add" : "del") + " ... " + w, a.all());
            } else if (List.of("unicast", "local", "broadcast", "multicast", "throw", "unreachable", "prohibit",
                    "blackhole", "nat", "anycast").contains(w)) {
                return new Unsupported("routes of type " + w, a.all());
            } else {
                if (w.equals("to")) {
                    w = a.value();
                } else if (matches(w, "help")) {
                    return new Invalid(Usage.IP_ROUTE, 255);
                }
                if (dst != null) {
                    return duparg2("to", w);
                }
                Optional<Ipv4Cidr> p = prefix(w);
                if (p.isEmpty()) {
                    return new Invalid("Error: any valid prefix is expected rather than \"" + w + "\".", 1);
                }
                dst = p.get();
            }
        }
        if (dst == null) {
            return new Invalid(Usage.IP_ROUTE, 255);
        }
        return new RouteChange(add, new RouteSpec(dst, Optional.ofNullable(via), Optional.ofNullable(dev)));
    }

    private static Command routeGet(Args a) {
        Ipv4Address dst = null;
        Ipv4Address from = null;
        String iif = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("from")) {
                String f = a.value();
                Optional<Ipv4Cidr> p = inetPrefix(f);
                if (p.isEmpty()) {
                    return new Invalid("Error: inet prefix is expected rather than \"" + f + "\".", 1);
                }
                from = p.get().address();
            } else if (w.equals("iif")) {
                iif = a.value();
            } else if (List.of("tos", "dsfield", "oif", "dev", "mark", "vrf", "uid", "ipproto", "sport", "dport",
                    "fibmatch", "connected", "as", "notify").contains(w)) {
                return new Unsupported("ip route get ... " + w, a.all());
            } else {
                if (w.equals("to")) {
                    w = a.value();
                }
                Optional<Ipv4Cidr> p = prefix(w);
                if (p.isEmpty()) {
                    return new Invalid("Error: any valid prefix is expected rather than \"" + w + "\".", 1);
                }
                dst = p.get().address();
            }
        }
        if (dst == null) {
            return new Invalid("need at least a destination address", 1);
        }
        return new RouteGet(dst, Optional.ofNullable(from), Optional.ofNullable(iif));
    }
}
