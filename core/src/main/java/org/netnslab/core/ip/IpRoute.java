package org.netnslab.core.ip;

import static org.netnslab.core.command.Inet.inetAddress;
import static org.netnslab.core.command.Inet.inetPrefix;
import static org.netnslab.core.command.Inet.prefix;
import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.matches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.RouteModify;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Iproute2;
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

    /** {@code ip route add|change|replace|prepend|append|test|del ROUTE}: {@code mode} empty for a delete. */
    public record RouteChange(Optional<RouteModify> mode, RouteSpec route) implements Command {

        public RouteChange(boolean add, RouteSpec route) {
            this(add ? Optional.of(RouteModify.ADD) : Optional.empty(), route);
        }

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (route.device().isPresent() && context.link(ns, route.device().get()).isEmpty()) {
                return Ip.cannotFind(route.device().get());
            }
            if (mode.isEmpty()) {
                context.backend().deleteRoute(ns, route);
            } else if (mode.get() == RouteModify.ADD && route.plain()) {
                context.backend().addRoute(ns, route);
            } else {
                context.backend().modifyRoute(ns, route, mode.get());
            }
            return CommandResult.OK;
        }
    }

    /**
     * The SELECTOR of {@code ip route show|flush}, as iproute_list_flush_or_save fills its filter and
     * filter_nlmsg applies it.
     *
     * @param table 254 (main) unless given; 255 for local; 0 for {@code all}; any other number a table the lab
     *     never makes
     * @param root {@code root PREFIX}: routes inside it ({@code filter.rdst})
     * @param match {@code match PREFIX}: routes that hold it ({@code filter.mdst}); a bare prefix or
     *     {@code exact} sets both
     * @param via {@code via PREFIX}: routes whose gateway is in it
     * @param source {@code src PREFIX}: routes whose preferred source is in it
     */
    public record RouteFilter(
            int table,
            Optional<Ipv4Cidr> root,
            Optional<Ipv4Cidr> match,
            Optional<String> device,
            Optional<RouteProtocol> protocol,
            Optional<Scope> scope,
            Optional<RouteType> type,
            Optional<Integer> metric,
            Optional<Ipv4Cidr> via,
            Optional<Ipv4Cidr> source) {

        static final RouteFilter MAIN = new RouteFilter(254, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        /** filter_nlmsg for one IPv4 route of {@code table}. */
        boolean test(Route r, int routeTable) {
            if (table != 0 && table != routeTable) {
                return false;
            }
            if (type.isPresent() && type.get() != r.type()) {
                return false;
            }
            int len = r.destination().prefixLength();
            if (root.isPresent() && (root.get().prefixLength() > len
                    || !sameBits(r.destination().address(), root.get().address(), root.get().prefixLength()))) {
                return false;
            }
            if (match.isPresent() && (match.get().prefixLength() < len
                    || !sameBits(r.destination().address(), match.get().address(), len))) {
                return false;
            }
            if (via.isPresent() && !sameBits(r.gateway().orElse(Ipv4Address.ANY), via.get().address(),
                    via.get().prefixLength())) {
                return false;
            }
            if (source.isPresent() && !sameBits(r.preferredSource().orElse(Ipv4Address.ANY), source.get().address(),
                    source.get().prefixLength())) {
                return false;
            }
            if (device.isPresent() && !device.get().equals(r.device())) {
                return false;
            }
            if (protocol.isPresent() && protocol.get() != r.protocol()) {
                return false;
            }
            if (scope.isPresent() && scope.get() != r.scope()) {
                return false;
            }
            return metric.isEmpty() || metric.get() == r.metric();
        }

        /** print_route leaves out what the filter fixed, and names the table only when it showed them all. */
        Printed printed() {
            return new Printed(device.isPresent(), table == 0, protocol.isPresent(), scope.isPresent(),
                    metric.isPresent(), via.map(v -> v.prefixLength() == 32).orElse(false),
                    source.map(v -> v.prefixLength() == 32).orElse(false));
        }
    }

    /** What print_route leaves out of each line, because the filter fixed it. */
    record Printed(boolean noDevice, boolean table, boolean noProtocol, boolean noScope, boolean noMetric,
            boolean noGateway, boolean noSource) {

        static final Printed ALL = new Printed(false, false, false, false, false, false, false);
    }

    /** inet_addr_match: the first {@code bits} bits agree. */
    private static boolean sameBits(Ipv4Address a, Ipv4Address b, int bits) {
        if (bits == 0) {
            return true;
        }
        int mask = -1 << (32 - bits);
        return (a.bits() & mask) == (b.bits() & mask);
    }

    /** {@code ip route [show|list] [SELECTOR]}. */
    public record RouteShow(RouteFilter filter, IpOptions options) implements Command {

        public RouteShow(Optional<Ipv4Cidr> prefix, Optional<String> device, IpOptions options) {
            this(new RouteFilter(254, prefix, prefix, device, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()), options);
        }

        public RouteShow(Optional<Ipv4Cidr> prefix, Optional<String> device) {
            this(prefix, device, IpOptions.NONE);
        }

        @Override
        public CommandResult run(Context context, String ns) {
            NamespaceState here = context.state(ns);
            if (filter.device().isPresent() && here.link(filter.device().get()).isEmpty()) {
                return Ip.cannotFind(filter.device().get());
            }
            if (filter.table() != 0 && filter.table() != 254 && filter.table() != 255) {
                return CommandResult.of("Error: ipv4: FIB table does not exist.\nDump terminated", 2);
            }
            return CommandResult.of(routes(selected(here, filter), filter.printed(), options), 0);
        }
    }

    /** A route as print_route gets it: with its table. */
    record Shown(Route route, int table) {}

    /** The routes of the snapshot the filter passes, with their tables: main first, then local. */
    private static List<Shown> selected(NamespaceState here, RouteFilter filter) {
        List<Shown> out = new ArrayList<>();
        for (Route r : here.routes()) {
            if (filter.test(r, 254)) {
                out.add(new Shown(r, 254));
            }
        }
        for (Route r : here.localRoutes()) {
            if (filter.test(r, 255)) {
                out.add(new Shown(r, 255));
            }
        }
        return out;
    }

    /**
     * {@code ip route flush SELECTOR}: iproute_flush dumps, keeps what the filter passes and deletes each of those
     * routes with the very message the dump gave; nothing is printed without {@code -s}.
     */
    public record RouteFlush(RouteFilter filter) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            NamespaceState here = context.state(ns);
            if (filter.device().isPresent() && here.link(filter.device().get()).isEmpty()) {
                return Ip.cannotFind(filter.device().get());
            }
            if (filter.table() != 0 && filter.table() != 254 && filter.table() != 255) {
                return CommandResult.of("Error: ipv4: FIB table does not exist.\nFlush terminated", 2);
            }
            for (Route r : here.routes()) {
                if (filter.test(r, 254)) {
                    context.backend().deleteRoute(ns, new RouteSpec(r.destination(), r.gateway(),
                            r.type() == RouteType.UNICAST ? Optional.of(r.device()) : Optional.empty(),
                            Optional.of(r.type()), Optional.of(r.metric()), r.preferredSource(),
                            Optional.of(r.protocol()), Optional.of(r.scope()), false));
                }
            }
            return CommandResult.OK;
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
            return new RouteShow(RouteFilter.MAIN, options);
        }
        String sub = a.next();
        if (matches(sub, "add")) {
            return modify(a, Optional.of(RouteModify.ADD));
        }
        if (matches(sub, "change") || sub.equals("chg")) {
            return modify(a, Optional.of(RouteModify.CHANGE));
        }
        if (matches(sub, "replace")) {
            return modify(a, Optional.of(RouteModify.REPLACE));
        }
        if (matches(sub, "prepend")) {
            return modify(a, Optional.of(RouteModify.PREPEND));
        }
        if (matches(sub, "append")) {
            return modify(a, Optional.of(RouteModify.APPEND));
        }
        if (matches(sub, "test")) {
            return modify(a, Optional.of(RouteModify.TEST));
        }
        if (matches(sub, "delete")) {
            return modify(a, Optional.empty());
        }
        if (matches(sub, "list") || matches(sub, "show") || matches(sub, "lst")) {
            return selector(a, options, false);
        }
        if (matches(sub, "get")) {
            if (options.json() || options.color()) {
                return new Unsupported("ip " + (options.json() ? "-j" : "-c") + " route get", a.all());
            }
            return get(a);
        }
        if (matches(sub, "flush")) {
            return selector(a, options, true);
        }
        if (matches(sub, "save") || matches(sub, "restore") || matches(sub, "showdump")) {
            return new Unsupported("ip route " + sub, a.all());
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        return Ip.unknownCommand("route", sub);
    }

    /** rtnl_rttable_a2n: the names of /etc/iproute2/rt_tables, or a number. */
    private static Optional<Integer> table(String w) {
        return switch (w) {
            case "local" -> Optional.of(255);
            case "main" -> Optional.of(254);
            case "default" -> Optional.of(253);
            default -> Iproute2.getUnsigned(w).map(Long::intValue);
        };
    }

    /** The names of iproute2's rt_protos that the lab's routes do not have: refused as outside the lab, not as wrong. */
    private static final List<String> PROTOCOLS = List.of("unspec", "redirect", "gated", "ra", "mrt", "zebra", "bird",
            "dnrouted", "xorp", "ntk", "dhcp", "keepalived", "babel", "openr", "bgp", "isis", "ospf", "rip", "eigrp");

    /** rtnl_rtprot_a2n, for the protocols the lab's routes have. */
    private static Optional<RouteProtocol> protocol(String w) {
        for (RouteProtocol p : RouteProtocol.values()) {
            if (p.ipName().equals(w)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** rtnl_rtscope_a2n: a scope by name ({@code universe} is {@code global}) or number. */
    private static Optional<Scope> scope(String w) {
        String name = w.equals("universe") ? "global" : w;
        for (Scope s : Scope.values()) {
            if (s.ipName().equals(name)) {
                return Optional.of(s);
            }
        }
        Optional<Long> n = Iproute2.getUnsigned(w);
        if (n.isPresent()) {
            for (Scope s : Scope.values()) {
                if (s.value() == n.get()) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** rtnl_rtntype_a2n: the types iproute2 knows by name; the lab routes the first five. */
    private static final List<String> TYPES = List.of("unicast", "local", "broadcast", "anycast", "multicast",
            "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve");

    private static Optional<RouteType> type(String w) {
        for (RouteType t : RouteType.values()) {
            if (t.ipName().equals(w)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Command selector(Args a, IpOptions options, boolean flush) {
        if (flush && !a.more()) {
            return new Invalid("\"ip route flush\" requires arguments.", 1);
        }
        int table = 254;
        Ipv4Cidr root = null;
        Ipv4Cidr match = null;
        String dev = null;
        RouteProtocol proto = null;
        Scope scope = null;
        RouteType type = null;
        Integer metric = null;
        Ipv4Cidr via = null;
        Ipv4Cidr src = null;
        String what = flush ? "ip route flush " : "ip route show ";
        while (a.more()) {
            String w = a.next();
            if (matches(w, "table")) {
                String t = a.value();
                Optional<Integer> id = table(t);
                if (id.isPresent()) {
                    table = id.get();
                } else if (t.equals("all")) {
                    table = 0;
                } else if (t.equals("cache") || t.equals("help")) {
                    return new Unsupported(what + "table " + t, a.all());
                } else {
                    return Iproute2.invarg("table id value is invalid\n", t);
                }
            } else if (w.equals("dev") || w.equals("oif")) {
                dev = a.value();
            } else if (matches(w, "protocol")) {
                String p = a.value();
                if (p.equals("all")) {
                    proto = null;
                } else {
                    Optional<RouteProtocol> rp = protocol(p);
                    if (rp.isEmpty()) {
                        if (!PROTOCOLS.contains(p) && Iproute2.getUnsigned(p).filter(v -> v <= 255).isEmpty()) {
                            return Iproute2.invarg("invalid \"protocol\"\n", p);
                        }
                        return new Unsupported(what + "proto " + p, a.all());
                    }
                    proto = rp.get();
                }
            } else if (matches(w, "scope")) {
                String sc = a.value();
                if (sc.equals("all")) {
                    scope = null;
                } else {
                    Optional<Scope> s = scope(sc);
                    if (s.isEmpty()) {
                        return Iproute2.invarg("invalid \"scope\"\n", sc);
                    }
                    scope = s.get();
                }
            } else if (matches(w, "type")) {
                String t = a.value();
                Optional<RouteType> rt = type(t);
                if (rt.isEmpty()) {
                    if (TYPES.contains(t)) {
                        return new Unsupported(what + "type " + t, a.all());
                    }
                    return Iproute2.invarg("node type value is invalid\n", t);
                }
                type = rt.get();
            } else if (matches(w, "metric") || matches(w, "priority") || w.equals("preference")) {
                String m = a.value();
                Optional<Long> n = Iproute2.getUnsigned(m);
                if (n.isEmpty()) {
                    return Iproute2.invarg("\"metric\" value is invalid\n", m);
                }
                metric = n.get().intValue();
            } else if (w.equals("via") || w.equals("src")) {
                String v = a.value();
                if (w.equals("via") && v.equals("inet")) {
                    v = a.value();
                }
                Optional<Ipv4Cidr> p = prefix(v);
                if (p.isEmpty()) {
                    return new Invalid("Error: any valid prefix is expected rather than \"" + v + "\".", 1);
                }
                if (w.equals("via")) {
                    via = p.get();
                } else {
                    src = p.get();
                }
            } else if (List.of("vrf", "cached", "cloned", "tos", "dsfield", "iif", "mark", "realms", "realm", "from")
                    .stream().anyMatch(k -> k.equals(w) || (k.length() > 4 && matches(w, k)))) {
                return new Unsupported(what + w, a.all());
            } else {
                String v = w;
                if (matches(v, "to")) {
                    v = a.value();
                }
                int kind = 0;
                if (matches(v, "root")) {
                    kind = 1;
                    v = a.value();
                } else if (matches(v, "match")) {
                    kind = 2;
                    v = a.value();
                } else if (matches(v, "exact")) {
                    v = a.value();
                }
                Optional<Ipv4Cidr> p = prefix(v);
                if (p.isEmpty()) {
                    return new Invalid("Error: any valid prefix is expected rather than \"" + v + "\".", 1);
                }
                if (kind != 2) {
                    root = p.get();
                }
                if (kind != 1) {
                    match = p.get();
                }
            }
        }
        if (table == 0 && !options.inet4Only()) {
            return new Unsupported(what + "table all (IPv6 routes) without -4", a.all());
        }
        if (flush && (table == 0 || table == 255)) {
            return new Unsupported("ip route flush of the local table", a.all());
        }
        RouteFilter f = new RouteFilter(table, Optional.ofNullable(root), Optional.ofNullable(match),
                Optional.ofNullable(dev), Optional.ofNullable(proto), Optional.ofNullable(scope),
                Optional.ofNullable(type), Optional.ofNullable(metric), Optional.ofNullable(via),
                Optional.ofNullable(src));
        return flush ? new RouteFlush(f) : new RouteShow(f, options);
    }

    private static Command modify(Args a, Optional<RouteModify> mode) {
        boolean delete = mode.isEmpty();
        String what = "ip route " + mode.map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).orElse("del");
        Ipv4Cidr dst = null;
        Ipv4Address via = null;
        String dev = null;
        RouteType type = null;
        Integer metric = null;
        Ipv4Address src = null;
        RouteProtocol proto = null;
        Scope scope = null;
        boolean onlink = false;
        while (a.more()) {
            String w = a.next();
            if (w.equals("src")) {
                String v = a.value();
                Optional<Ipv4Address> s = inetAddress(v);
                if (s.isEmpty()) {
                    return new Invalid("Error: inet address is expected rather than \"" + v + "\".", 1);
                }
                src = s.get();
            } else if (w.equals("via")) {
                if (via != null) {
                    return Iproute2.invarg("use nexthop syntax to specify multiple via\n", w);
                }
                String g = a.value();
                if (g.equals("inet")) {
                    g = a.value();
                }
                Optional<Ipv4Address> gw = inetAddress(g);
                if (gw.isEmpty()) {
                    return new Invalid("Error: inet address is expected rather than \"" + g + "\".", 1);
                }
                via = gw.get();
            } else if (matches(w, "metric") || matches(w, "priority") || w.equals("preference")) {
                String m = a.value();
                Optional<Long> n = Iproute2.getUnsigned(m);
                if (n.isEmpty()) {
                    return Iproute2.invarg("\"metric\" value is invalid\n", m);
                }
                metric = n.get().intValue();
            } else if (w.equals("scope")) {
                String sc = a.value();
                Optional<Scope> s = scope(sc);
                if (s.isEmpty()) {
                    return Iproute2.invarg("invalid \"scope\" value\n", sc);
                }
                scope = s.get();
            } else if (w.equals("onlink")) {
                onlink = true;
            } else if (matches(w, "protocol")) {
                String p = a.value();
                Optional<RouteProtocol> rp = protocol(p);
                if (rp.isEmpty()) {
                    if (!PROTOCOLS.contains(p) && Iproute2.getUnsigned(p).filter(v -> v <= 255).isEmpty()) {
                        return Iproute2.invarg("\"protocol\" value is invalid\n", p);
                    }
                    return new Unsupported(what + " ... proto " + p, a.all());
                }
                proto = rp.get();
            } else if (matches(w, "table")) {
                String t = a.value();
                Optional<Integer> id = table(t);
                if (id.isEmpty()) {
                    return Iproute2.invarg("\"table\" value is invalid\n", t);
                }
                if (id.get() != 254) {
                    return new Unsupported(what + " ... table " + t, a.all());
                }
            } else if (w.equals("dev") || w.equals("oif")) {
                dev = a.value();
            } else if (matches(w, "pref")) {
                String p = a.value();
                if (!List.of("low", "medium", "high").contains(p) && Iproute2.getUnsigned(p)
                        .filter(v -> v <= 255).isEmpty()) {
                    return Iproute2.invarg("\"pref\" value is invalid\n", p);
                }
                return new Unsupported(what + " ... pref", a.all());
            } else if (List.of("as", "from", "tos", "dsfield", "expires", "nexthop", "nhid", "vrf", "mtu",
                    "advmss", "hoplimit", "realms", "realm", "encap", "weight", "ttl-propagate", "rtt", "window",
                    "rttvar", "reordering", "cwnd", "initcwnd", "ssthresh", "rto_min", "initrwnd", "features",
                    "quickack", "congctl", "fastopen_no_cookie").contains(w)) {
                return new Unsupported(what + " ... " + w, a.all());
            } else {
                if (w.equals("to")) {
                    w = a.value();
                }
                if ((w.isEmpty() || w.charAt(0) < '0' || w.charAt(0) > '9') && TYPES.contains(w)) {
                    Optional<RouteType> t = type(w);
                    if (t.isEmpty() || t.get() == RouteType.LOCAL || t.get() == RouteType.BROADCAST) {
                        return new Unsupported("routes of type " + w, a.all());
                    }
                    type = t.get();
                    w = a.value();
                }
                if (matches(w, "help")) {
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
        RouteSpec spec = new RouteSpec(dst, Optional.ofNullable(via), Optional.ofNullable(dev),
                Optional.ofNullable(type), Optional.ofNullable(metric), Optional.ofNullable(src),
                Optional.ofNullable(proto), Optional.ofNullable(scope), onlink);
        return new RouteChange(mode, spec);
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
        return routes(routes.stream().map(r -> new Shown(r, 254)).toList(),
                new Printed(deviceFilter.isPresent(), false, false, false, false, false, false), IpOptions.NONE);
    }

    /**
     * print_route for each route: in text, painted with {@code -c} (addresses by family, the device as a name;
     * a default route's "default" is not); with {@code -j}, its JSON members. {@code -o} changes nothing, a route
     * being one line already. What the filter fixed is left out ({@link Printed}).
     */
    static String routes(List<Shown> routes, Printed p, IpOptions o) {
        JsonWriter w = o.jsonWriter();
        if (w != null) {
            w.startArray(null);
            for (Shown s : routes) {
                Route r = s.route();
                w.startObject();
                if (r.type() != RouteType.UNICAST) {
                    w.field("type", r.type().ipName());
                }
                w.field("dst", r.destination().isDefault() ? "default" : r.destination().toRouteString());
                if (!p.noGateway()) {
                    r.gateway().ifPresent(g -> w.field("gateway", g.toString()));
                }
                if (!p.noDevice() && hasDevice(r)) {
                    w.field("dev", r.device());
                }
                if (p.table() && s.table() != 254) {
                    w.field("table", IpRule.tableName(s.table()));
                }
                if (r.protocol() != RouteProtocol.BOOT && !p.noProtocol()) {
                    w.field("protocol", r.protocol().ipName());
                }
                if (r.scope() != Scope.GLOBAL && !p.noScope()) {
                    w.field("scope", r.scope().ipName());
                }
                if (!p.noSource()) {
                    r.preferredSource().ifPresent(src -> w.field("prefsrc", src.toString()));
                }
                if (r.metric() != 0 && !p.noMetric()) {
                    w.field("metric", Integer.toUnsignedLong(r.metric()));
                }
                w.startArray("flags");
                if (r.onlink()) {
                    w.value("onlink");
                }
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
        for (Shown s : routes) {
            Route r = s.route();
            if (r.type() != RouteType.UNICAST) {
                sb.append(r.type().ipName()).append(' ');
            }
            if (r.destination().isDefault()) {
                sb.append("default ");
            } else {
                sb.append(Colors.INET.paint(c, r.destination().toRouteString() + " "));
            }
            if (!p.noGateway()) {
                r.gateway().ifPresent(g -> sb.append("via ").append(Colors.INET.paint(c, g + " ")));
            }
            if (!p.noDevice() && hasDevice(r)) {
                sb.append("dev ").append(Colors.IFNAME.paint(c, r.device() + " "));
            }
            if (p.table() && s.table() != 254) {
                sb.append("table ").append(IpRule.tableName(s.table())).append(' ');
            }
            if (r.protocol() != RouteProtocol.BOOT && !p.noProtocol()) {
                sb.append("proto ").append(r.protocol().ipName()).append(' ');
            }
            if (r.scope() != Scope.GLOBAL && !p.noScope()) {
                sb.append("scope ").append(r.scope().ipName()).append(' ');
            }
            if (!p.noSource()) {
                r.preferredSource().ifPresent(src -> sb.append("src ").append(Colors.INET.paint(c, src + " ")));
            }
            if (r.metric() != 0 && !p.noMetric()) {
                sb.append("metric ").append(Integer.toUnsignedString(r.metric())).append(' ');
            }
            if (r.onlink()) {
                sb.append("onlink ");
            }
            if (r.linkDown()) {
                sb.append("linkdown ");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A blackhole, unreachable, prohibit or throw route has no next hop, hence no {@code RTA_OIF}. */
    private static boolean hasDevice(Route r) {
        return !r.device().isEmpty();
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
