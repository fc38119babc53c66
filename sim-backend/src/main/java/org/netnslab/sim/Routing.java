package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.wire.IcmpPacket;

/**
 * Route lookups as the kernel makes them: {@code fib_lookup} (the local table, then the main one),
 * {@code ip_route_output_key} for what a namespace sends and {@code ip_route_input} for what it receives,
 * with their source selection and their errors.
 */
final class Routing {

    static final Ipv4Address LOOPBACK = Ipv4Address.of(127, 0, 0, 1);

    private Routing() {}

    /** What {@code fib_lookup} found: a route of the local table or one of the main table. */
    record Hit(RouteType type, Device dev, Scope scope, Optional<Ipv4Address> preferredSource,
            Optional<Fib.Entry> entry) {

        /** Where the packet goes next: the gateway, when the route has one that is not ourselves. */
        Optional<Ipv4Address> gateway() {
            return entry.filter(Fib.Entry::usesGateway).flatMap(e -> e.gateway);
        }
    }

    /**
     * The route for one packet.
     *
     * @param type UNICAST, LOCAL or BROADCAST
     * @param dev the output device ({@code lo} for a local route), or the device to forward on
     * @param gateway the next hop when it is not the destination
     * @param source the source a locally sent packet gets (empty for a forwarded one, or when no address fits)
     */
    record Route(RouteType type, Ipv4Address destination, Device dev, Optional<Ipv4Address> gateway,
            Optional<Ipv4Address> source) {

        Ipv4Address nextHop() {
            return gateway.orElse(destination);
        }
    }

    static boolean zeronet(Ipv4Address a) {
        return a.octet(0) == 0;
    }

    /** {@code fib_lookup}: the local table first, then the main one; routes narrower than the scope asked are skipped. */
    static Optional<Hit> lookup(Namespace ns, Ipv4Address dst, Scope minScope, Optional<Device> oif) {
        Optional<Namespace.LocalRoute> local = ns.localRoute(dst, oif);
        if (local.isPresent()) {
            Namespace.LocalRoute l = local.get();
            Scope scope = l.type() == RouteType.LOCAL ? Scope.HOST : Scope.LINK;
            if (scope.value() >= minScope.value()) {
                return Optional.of(new Hit(l.type(), l.dev(), scope, Optional.of(l.preferredSource()),
                        Optional.empty()));
            }
        }
        return ns.fib.lookup(dst, e -> e.scope.value() >= minScope.value()
                        && (oif.isEmpty() || oif.get() == e.dev))
                .map(e -> new Hit(e.type, e.dev, e.scope, e.preferredSource, Optional.of(e)));
    }

    /** {@code ip_route_output_key}: the route, device and source of a packet this namespace sends. */
    static Route output(Namespace ns, Ipv4Address dst, Optional<Ipv4Address> saddr, Optional<Device> oif)
            throws KernelException {
        if (saddr.isPresent()) {
            Ipv4Address s = saddr.get();
            if (s.isMulticast() || s.isLimitedBroadcast() || zeronet(s) || !ns.isLocalAddress(s)) {
                throw new KernelException(Errno.EINVAL);
            }
        }
        if (oif.isPresent()) {
            Device dev = oif.get();
            if (!dev.adminUp) {
                throw new KernelException(Errno.ENETUNREACH);
            }
            if (dst.isLimitedBroadcast()) {
                return new Route(RouteType.BROADCAST, dst, dev, Optional.empty(),
                        saddr.or(() -> ns.selectAddress(dev, Ipv4Address.ANY, Scope.LINK)));
            }
        }
        if (dst.isAny()) {
            return new Route(RouteType.LOCAL, dst, ns.lo, Optional.empty(), Optional.of(saddr.orElse(LOOPBACK)));
        }
        Optional<Hit> found = lookup(ns, dst, Scope.GLOBAL, oif);
        if (found.isEmpty()) {
            if (oif.isPresent()) {
                // "Apparently, routing tables are wrong. Assume, that the destination is on link."
                Device dev = oif.get();
                return new Route(RouteType.UNICAST, dst, dev, Optional.empty(),
                        saddr.or(() -> ns.selectAddress(dev, Ipv4Address.ANY, Scope.LINK)));
            }
            throw new KernelException(Errno.ENETUNREACH);
        }
        Hit hit = found.get();
        Errno refused = error(hit.type());
        if (refused != null) {
            throw new KernelException(refused);
        }
        if (hit.type() == RouteType.LOCAL) {
            return new Route(RouteType.LOCAL, dst, ns.lo, Optional.empty(),
                    Optional.of(saddr.orElse(hit.preferredSource().orElse(dst))));
        }
        if (hit.type() == RouteType.BROADCAST) {
            return new Route(RouteType.BROADCAST, dst, hit.dev(), Optional.empty(),
                    saddr.or(hit::preferredSource));
        }
        Fib.Entry e = hit.entry().orElseThrow();
        Optional<Ipv4Address> source = saddr.or(() -> e.preferredSource)
                .or(() -> ns.selectAddress(e.dev, e.gateway.orElse(Ipv4Address.ANY), e.scope));
        RouteType type = dst.isLimitedBroadcast() ? RouteType.BROADCAST : RouteType.UNICAST;
        return new Route(type, dst, e.dev, hit.gateway(), source);
    }

    /**
     * {@code ip_route_input}: what becomes of a packet that arrived on {@code in}: delivered here (LOCAL,
     * BROADCAST) or forwarded (UNICAST). Refusals carry the kernel's errno: EINVAL for a martian,
     * EHOSTUNREACH when forwarding is off, ENETUNREACH when there is no route.
     */
    static Route input(Namespace ns, Ipv4Address dst, Ipv4Address src, Device in) throws Refused {
        if (src.isMulticast() || src.isLimitedBroadcast()) {
            throw martian("martian source " + src);
        }
        if (dst.isLimitedBroadcast() || (src.isAny() && dst.isAny())) {
            return new Route(RouteType.BROADCAST, dst, ns.lo, Optional.empty(), Optional.empty());
        }
        if (zeronet(src)) {
            throw martian("martian source " + src);
        }
        if (zeronet(dst) || dst.isLoopback()) {
            throw martian("martian destination " + dst);
        }
        if (src.isLoopback()) {
            throw martian("martian source " + src);
        }
        Optional<Hit> found = lookup(ns, dst, Scope.GLOBAL, Optional.empty());
        if (found.isEmpty()) {
            throw ns.devconf.forwarding(in) ? new Refused(Errno.ENETUNREACH, "no route to " + dst)
                    : new Refused(Errno.EHOSTUNREACH, forwardingOff(ns, in));
        }
        Hit hit = found.get();
        Errno error = error(hit.type());
        if (error != null) {
            // ip_route_input_slow's no_route: ip_error answers as the route's error says, when forwarding
            if (!ns.devconf.forwarding(in)) {
                throw new Refused(Errno.EHOSTUNREACH, forwardingOff(ns, in));
            }
            String why = hit.type().ipName() + " route to " + dst;
            throw switch (error) {
                case EHOSTUNREACH -> new Refused(error, why, IcmpPacket.HOST_UNREACH);
                case EACCES -> new Refused(error, why, IcmpPacket.PKT_FILTERED);
                case ENETUNREACH -> new Refused(error, why, IcmpPacket.NET_UNREACH);
                default -> new Refused(error, why);
            };
        }
        if (hit.type() == RouteType.LOCAL || hit.type() == RouteType.BROADCAST) {
            validateSource(ns, src);
            return new Route(hit.type(), dst, ns.lo, Optional.empty(), Optional.empty());
        }
        if (!ns.devconf.forwarding(in)) {
            throw new Refused(Errno.EHOSTUNREACH, forwardingOff(ns, in));
        }
        if (hit.type() != RouteType.UNICAST) {
            throw martian("martian destination " + dst);
        }
        validateSource(ns, src);
        return new Route(RouteType.UNICAST, dst, hit.dev(), hit.gateway(), Optional.empty());
    }

    /**
     * {@code fib_props[type].error}: what a lookup that ends on a route of this type returns; a throw route
     * goes on to the next rule, and no other table holds a route, so the network is unreachable.
     */
    static Errno error(RouteType type) {
        return switch (type) {
            case BLACKHOLE -> Errno.EINVAL;
            case UNREACHABLE -> Errno.EHOSTUNREACH;
            case PROHIBIT -> Errno.EACCES;
            case THROW -> Errno.ENETUNREACH;
            default -> null;
        };
    }

    /** Why a packet that came in on {@code in} is not forwarded: {@code IN_DEV_FORWARD} is the input device's. */
    private static String forwardingOff(Namespace ns, Device in) {
        return "not for this host, and forwarding is off (" + (ns.forwarding()
                ? "net.ipv4.conf." + in.name + ".forwarding = 0)" : "net.ipv4.ip_forward = 0)");
    }

    /** {@code fib_validate_source} with rp_filter off: a packet that claims to come from us is a martian. */
    private static void validateSource(Namespace ns, Ipv4Address src) throws Refused {
        if (ns.isLocalAddress(src)) {
            throw martian("martian source " + src + " (one of our own addresses)");
        }
    }

    private static Refused martian(String what) {
        return new Refused(Errno.EINVAL, what);
    }

    /** A packet the input path refuses: the errno {@code ip route get} would print, and why, in words. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        final transient Errno errno;
        /** The ICMP destination-unreachable code ip_error sends back, or -1 for none. */
        final int icmpCode;

        Refused(Errno errno, String why) {
            this(errno, why, -1);
        }

        Refused(Errno errno, String why, int icmpCode) {
            super(why, null, false, false);
            this.errno = errno;
            this.icmpCode = icmpCode;
        }

        KernelException toKernel() {
            return new KernelException(errno);
        }
    }
}
