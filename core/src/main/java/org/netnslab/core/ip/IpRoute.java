package org.netnslab.core.ip;

import static org.netnslab.core.command.Inet.inetAddress;
import static org.netnslab.core.command.Inet.inetPrefix;
import static org.netnslab.core.command.Inet.prefix;
import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.matches;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.Route;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * {@code ip route}, as iproute2 6.1's {@code ip/iproute.c} has it: {@code do_iproute}'s subcommands, the
 * argument loops of {@code iproute_modify}, {@code iproute_list_flush_or_save} and {@code iproute_get}, the
 * commands they make with their runs, and {@code print_route}.
 */
public final class IpRoute {

    private IpRoute() {}

    /** {@code ip route add|del ...}. */
    public record RouteChange(boolean add, RouteSpec route) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (route.device().isPresent() && context.link(ns, route.device().get()).isEmpty()) {
                return Ip.cannotFind(route.device().get());
            }
            if (add) {
                context.backend().addRoute(ns, route);
            } else {
                context.backend().deleteRoute(ns, route);
            }
            return CommandResult.OK;
        }
    }

    /** {@code ip route [show|list] [PREFIX] [dev DEV]}. */
    public record RouteShow(Optional<Ipv4Cidr> prefix, Optional<String> device, IpOptions options)
            implements Command {

        public RouteShow(Optional<Ipv4Cidr> prefix, Optional<String> device) {
            this(prefix, device, IpOptions.NONE);
        }

        @Override
        public CommandResult run(Context context, String ns) {
            NamespaceState here = context.state(ns);
            if (device.isPresent() && here.link(device.get()).isEmpty()) {
                return Ip.cannotFind(device.get());
            }
            List<Route> routes = here.routes().stream()
                    .filter(r -> prefix.map(p -> p.network().equals(r.destination())).orElse(true))
                    .filter(r -> device.map(d -> d.equals(r.device())).orElse(true))
                    .toList();
            return CommandResult.of(routes(routes, device, options), 0);
        }
    }

    /** {@code ip route get ADDR [from SRC] [iif DEV]}. */
    public record RouteGet(Ipv4Address destination, Optional<Ipv4Address> from, Optional<String> inputInterface)
            implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (inputInterface.isPresent() && context.link(ns, inputInterface.get()).isEmpty()) {
                return Ip.cannotFind(inputInterface.get());
            }
            RouteLookup r = context.backend().getRoute(ns, destination, from, inputInterface);
            return CommandResult.of(routeGet(r), 0);
        }
    }

    /** do_iproute: the subcommand, matched by prefix, and its arguments. */
    static Command parse(Args a, IpOptions options) {
        if (options.inet6Only()) {
            return new Unsupported("ip -6 route", a.all());
        }
        if (!a.more()) {
            return new RouteShow(Optional.empty(), Optional.empty(), options);
        }
        String sub = a.next();
        if (matches(sub, "add")) {
            return modify(a, true);
        }
        if (matches(sub, "change") || sub.equals("chg") || matches(sub, "replace") || matches(sub, "prepend")
                || matches(sub, "append") || matches(sub, "test")) {
            return new Unsupported("ip route " + sub, a.all());
        }
        if (matches(sub, "delete")) {
            return modify(a, false);
        }
        if (matches(sub, "list") || matches(sub, "show") || matches(sub, "lst")) {
            return show(a, options);
        }
        if (matches(sub, "get")) {
            if (options.json() || options.color()) {
                return new Unsupported("ip " + (options.json() ? "-j" : "-c") + " route get", a.all());
            }
            return get(a);
        }
        if (matches(sub, "flush") || matches(sub, "save") || matches(sub, "restore") || matches(sub, "showdump")) {
            return new Unsupported("ip route " + sub, a.all());
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        return Ip.unknownCommand("route", sub);
    }

    private static Command show(Args a, IpOptions options) {
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
        return new RouteShow(Optional.ofNullable(prefix), Optional.ofNullable(dev), options);
    }

    private static Command modify(Args a, boolean add) {
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
                    return new Invalid(USAGE, 255);
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
            return new Invalid(USAGE, 255);
        }
        return new RouteChange(add, new RouteSpec(dst, Optional.ofNullable(via), Optional.ofNullable(dev)));
    }

    private static Command get(Args a) {
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

    /** {@code ip route show}: one route a line, fields in print_route's order. */
    public static String routes(List<Route> routes, Optional<String> deviceFilter) {
        return routes(routes, deviceFilter, IpOptions.NONE);
    }

    /**
     * print_route for each route: in text, painted with {@code -c} (addresses by family, the device as a name;
     * a default route's "default" is not); with {@code -j}, its JSON members. {@code -o} changes nothing, a route
     * being one line already.
     */
    static String routes(List<Route> routes, Optional<String> deviceFilter, IpOptions o) {
        JsonWriter w = o.jsonWriter();
        if (w != null) {
            w.startArray(null);
            for (Route r : routes) {
                w.startObject();
                if (r.type() != RouteType.UNICAST) {
                    w.field("type", r.type().ipName());
                }
                w.field("dst", r.destination().isDefault() ? "default" : r.destination().toRouteString());
                r.gateway().ifPresent(g -> w.field("gateway", g.toString()));
                if (deviceFilter.isEmpty()) {
                    w.field("dev", r.device());
                }
                if (r.protocol() != RouteProtocol.BOOT) {
                    w.field("protocol", r.protocol().ipName());
                }
                if (r.scope() != Scope.GLOBAL) {
                    w.field("scope", r.scope().ipName());
                }
                r.preferredSource().ifPresent(src -> w.field("prefsrc", src.toString()));
                if (r.metric() != 0) {
                    w.field("metric", r.metric());
                }
                w.startArray("flags");
                if (r.linkDown()) {
                    w.value("linkdown");
                }
                w.endArray();
                w.endObject();
            }
            return w.endArray().done();
        }
        boolean c = o.colored();
        StringBuilder sb = new StringBuilder();
        for (Route r : routes) {
            if (r.type() != RouteType.UNICAST) {
                sb.append(r.type().ipName()).append(' ');
            }
            if (r.destination().isDefault()) {
                sb.append("default ");
            } else {
                sb.append(Colors.INET.paint(c, r.destination().toRouteString() + " "));
            }
            r.gateway().ifPresent(g -> sb.append("via ").append(Colors.INET.paint(c, g + " ")));
            if (deviceFilter.isEmpty()) {
                sb.append("dev ").append(Colors.IFNAME.paint(c, r.device() + " "));
            }
            if (r.protocol() != RouteProtocol.BOOT) {
                sb.append("proto ").append(r.protocol().ipName()).append(' ');
            }
            if (r.scope() != Scope.GLOBAL) {
                sb.append("scope ").append(r.scope().ipName()).append(' ');
            }
            r.preferredSource().ifPresent(src -> sb.append("src ").append(Colors.INET.paint(c, src + " ")));
            if (r.metric() != 0) {
                sb.append("metric ").append(r.metric()).append(' ');
            }
            if (r.linkDown()) {
                sb.append("linkdown ");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code ip route get}: the route and the cache line under it, with the route's flags. */
    public static String routeGet(RouteLookup r) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != RouteType.UNICAST) {
            sb.append(r.type().ipName()).append(' ');
        }
        sb.append(r.destination()).append(' ');
        r.from().ifPresent(f -> sb.append("from ").append(f).append(' '));
        r.gateway().ifPresent(g -> sb.append("via ").append(g).append(' '));
        sb.append("dev ").append(r.device()).append(' ');
        r.source().ifPresent(s -> sb.append("src ").append(s).append(' '));
        String flags = switch (r.type()) {
            case LOCAL -> "<local> ";
            case BROADCAST -> "<local,brd> ";
            default -> "";
        };
        if (r.inputInterface().isPresent()) {
            sb.append('\n').append("    cache ").append(flags).append("iif ").append(r.inputInterface().get())
                    .append(" \n");
        } else {
            sb.append("uid 0 \n").append("    cache ").append(flags).append('\n');
        }
        return sb.toString();
    }

    static final String USAGE =
            "Usage: ip route { list | flush } SELECTOR\n"
            + "       ip route save SELECTOR\n"
            + "       ip route restore\n"
            + "       ip route showdump\n"
            + "       ip route get [ ROUTE_GET_FLAGS ] ADDRESS\n"
            + "                            [ from ADDRESS iif STRING ]\n"
            + "                            [ oif STRING ] [ tos TOS ]\n"
            + "                            [ mark NUMBER ] [ vrf NAME ]\n"
            + "                            [ uid NUMBER ] [ ipproto PROTOCOL ]\n"
            + "                            [ sport NUMBER ] [ dport NUMBER ]\n"
            + "       ip route { add | del | change | append | replace } ROUTE\n"
            + "SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n"
            + "            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]\n"
            + "            [ type TYPE ] [ scope SCOPE ]\n"
            + "ROUTE := NODE_SPEC [ INFO_SPEC ]\n"
            + "NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n"
            + "             [ table TABLE_ID ] [ proto RTPROTO ]\n"
            + "             [ scope SCOPE ] [ metric METRIC ]\n"
            + "             [ ttl-propagate { enabled | disabled } ]\n"
            + "INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...\n"
            + "NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n"
            + "      [ dev STRING ] [ weight NUMBER ] NHFLAGS\n"
            + "FAMILY := [ inet | inet6 | mpls | bridge | link ]\n"
            + "OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n"
            + "           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n"
            + "           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n"
            + "           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n"
            + "           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n"
            + "           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n"
            + "           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]\n"
            + "TYPE := { unicast | local | broadcast | multicast | throw |\n"
            + "          unreachable | prohibit | blackhole | nat }\n"
            + "TABLE_ID := [ local | main | default | all | NUMBER ]\n"
            + "SCOPE := [ host | link | global | NUMBER ]\n"
            + "NHFLAGS := [ onlink | pervasive ]\n"
            + "RTPROTO := [ kernel | boot | static | NUMBER ]\n"
            + "PREF := [ low | medium | high ]\n"
            + "TIME := NUMBER[s|ms]\n"
            + "BOOL := [1|0]\n"
            + "FEATURES := ecn\n"
            + "ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]\n"
            + "ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]\n"
            + "SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]\n"
            + "SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]\n"
            + "SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]\n"
            + "ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |\n"
            + "            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |\n"
            + "            End.BM | End.S | End.AS | End.AM | End.BPF }\n"
            + "OPTIONS := OPTION [ OPTIONS ]\n"
            + "OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |\n"
            + "            table TABLEID | vrftable TABLEID | endpoint PROGNAME }\n"
            + "FLAVORS := { FLAVOR[,FLAVOR] }\n"
            + "FLAVOR := { psp | usp | usd | next-csid }\n"
            + "IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE\n"
            + "XFRMINFO := if_id IF_ID [ link_dev LINK ]\n"
            + "ROUTE_GET_FLAGS := [ fibmatch ]\n";
}
