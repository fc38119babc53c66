package org.netnslab.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * The main routing table of one namespace ({@code RT_TABLE_MAIN}): connected routes the kernel adds for
 * addresses, and the learner's routes. Indexed by prefix length, so that a longest-prefix match costs at
 * most 33 hash lookups whatever the size of the table. The local table is derived from the addresses
 * ({@link Namespace#localRoute}).
 */
final class Fib {

    /** A route ({@code struct fib_alias} with its {@code fib_info} and one next hop). */
    static final class Entry {
        final RouteType type;
        final Ipv4Cidr destination;
        final Optional<Ipv4Address> gateway;
        final Device dev;
        final RouteProtocol protocol;
        final Scope scope;
        final Optional<Ipv4Address> preferredSource;
        final int metric;
        /** The gateway is one of the namespace's own addresses: the route then behaves as on-link. */
        final boolean gatewayIsLocal;
        /** {@code RTNH_F_ONLINK}: the gateway taken on the device without a route to it. */
        final boolean onlink;
        final long seq;

        Entry(RouteType type, Ipv4Cidr destination, Optional<Ipv4Address> gateway, Device dev,
                RouteProtocol protocol, Scope scope, Optional<Ipv4Address> preferredSource, int metric,
                boolean gatewayIsLocal, long seq) {
            this(type, destination, gateway, dev, protocol, scope, preferredSource, metric, gatewayIsLocal, false, seq);
        }

        Entry(RouteType type, Ipv4Cidr destination, Optional<Ipv4Address> gateway, Device dev,
                RouteProtocol protocol, Scope scope, Optional<Ipv4Address> preferredSource, int metric,
                boolean gatewayIsLocal, boolean onlink, long seq) {
            this.onlink = onlink;
            this.type = type;
            this.destination = destination;
            this.gateway = gateway;
            this.dev = dev;
            this.protocol = protocol;
            this.scope = scope;
            this.preferredSource = preferredSource;
            this.metric = metric;
            this.gatewayIsLocal = gatewayIsLocal;
            this.seq = seq;
        }

        /** Whether the packet goes to the gateway rather than straight to its destination. */
        boolean usesGateway() {
            return gateway.isPresent() && !gatewayIsLocal;
        }

        /** {@code fib_info} equality as fib_table_insert compares routes of one priority: the same route. */
        boolean sameAs(Entry o) {
            return type == o.type && gateway.equals(o.gateway) && dev == o.dev && protocol == o.protocol
                    && scope == o.scope && preferredSource.equals(o.preferredSource) && metric == o.metric
                    && onlink == o.onlink;
        }

        /** The metric as the kernel compares it: unsigned. */
        long priority() {
            return Integer.toUnsignedLong(metric);
        }

        @Override
        public String toString() {
            return (type == RouteType.UNICAST ? "" : type.ipName() + " ") + destination
                    + gateway.map(g -> " via " + g).orElse("") + (dev == null ? "" : " dev " + dev.name);
        }
    }

    /**
     * The kernel's dump order: by destination, a longer prefix first for the same address; the routes of one
     * prefix keep their order in the table (by metric, then as inserted), which a stable sort leaves them in.
     */
    static final Comparator<Entry> DUMP_ORDER = Comparator
            .comparing((Entry e) -> e.destination.address())
            .thenComparing(e -> -e.destination.prefixLength());

    private final Map<Long, List<Entry>> byPrefix = new HashMap<>();
    private final int[] perLength = new int[33];
    private long seq;
    private boolean made;
    private List<Entry> sorted;

    private static long key(Ipv4Cidr network) {
        return ((long) network.prefixLength() << 32) | (network.address().bits() & 0xffffffffL);
    }

    /**
     * Whether the kernel has made this namespace's tables ({@code fib_new_table}): with its first route or
     * its first address (the local table, made for an address's local route, makes the main table it
     * shares). Made once, they stay until the namespace goes, even empty.
     */
    boolean exists() {
        return made;
    }

    /** {@code fib_new_table(net, RT_TABLE_LOCAL)}, as an address is inserted. */
    void make() {
        made = true;
    }

    /** Adds a route after the routes of the same prefix and lower or equal metric (NLM_F_APPEND). */
    Entry add(RouteType type, Ipv4Cidr destination, Optional<Ipv4Address> gateway, Device dev,
            RouteProtocol protocol, Scope scope, Optional<Ipv4Address> preferredSource, boolean gatewayIsLocal) {
        Ipv4Cidr net = destination.network();
        made = true;
        Entry e = new Entry(type, net, gateway, dev, protocol, scope, preferredSource, 0, gatewayIsLocal, seq++);
        // fib_magic adds the kernel's routes with NLM_F_APPEND: after the routes of no higher metric
        List<Entry> list = at(net);
        int at = position(e);
        while (at < list.size() && list.get(at).priority() == e.priority()) {
            at++;
        }
        insert(e, at);
        return e;
    }

    /** Where fib_table_insert puts a new route of its prefix that nothing refused: before the first of no lower metric. */
    int position(Entry e) {
        List<Entry> list = at(e.destination);
        int i = 0;
        while (i < list.size() && list.get(i).priority() < e.priority()) {
            i++;
        }
        return i;
    }

    /** A new route of the namespace, at this position among the routes of its prefix. */
    Entry insert(Entry e, int position) {
        made = true;
        byPrefix.computeIfAbsent(key(e.destination), k -> new ArrayList<>()).add(position, e);
        perLength[e.destination.prefixLength()]++;
        sorted = null;
        return e;
    }

    /** The route for {@code old}, where old was ({@code NLM_F_REPLACE}). */
    void replace(Entry old, Entry e) {
        List<Entry> list = byPrefix.get(key(old.destination));
        list.set(list.indexOf(old), e);
        sorted = null;
    }

    long nextSeq() {
        return seq++;
    }

    /** The routes for exactly this prefix, in the order a lookup tries them. */
    List<Entry> at(Ipv4Cidr destination) {
        return byPrefix.getOrDefault(key(destination.network()), List.of());
    }

    boolean remove(Entry e) {
        List<Entry> list = byPrefix.get(key(e.destination));
        if (list == null || !list.remove(e)) {
            return false;
        }
        if (list.isEmpty()) {
            byPrefix.remove(key(e.destination));
        }
        perLength[e.destination.prefixLength()]--;
        sorted = null;
        return true;
    }

    /** Removes every route that matches; returns how many went. */
    int removeIf(Predicate<Entry> p) {
        int n = 0;
        for (Iterator<List<Entry>> it = byPrefix.values().iterator(); it.hasNext(); ) {
            List<Entry> list = it.next();
            for (Iterator<Entry> li = list.iterator(); li.hasNext(); ) {
                Entry e = li.next();
                if (p.test(e)) {
                    li.remove();
                    perLength[e.destination.prefixLength()]--;
                    n++;
                }
            }
            if (list.isEmpty()) {
                it.remove();
            }
        }
        if (n > 0) {
            sorted = null;
        }
        return n;
    }

    /**
     * {@code fib_table_lookup}: the longest prefix holding a route that passes the filter (scope, output
     * device); a prefix whose routes all fail it is passed over for a shorter one.
     */
    Optional<Entry> lookup(Ipv4Address destination, Predicate<Entry> usable) {
        for (int len = 32; len >= 0; len--) {
            if (perLength[len] == 0) {
                continue;
            }
            int mask = len == 0 ? 0 : -1 << (32 - len);
            List<Entry> list = byPrefix.get(((long) len << 32) | ((destination.bits() & mask) & 0xffffffffL));
            if (list == null) {
                continue;
            }
            // the routes of a prefix are in metric order already: the first usable one wins
            for (Entry e : list) {
                if (usable.test(e)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    List<Entry> dump() {
        if (sorted == null) {
            List<Entry> all = new ArrayList<>();
            byPrefix.values().forEach(all::addAll);
            all.sort(DUMP_ORDER);
            sorted = List.copyOf(all);
        }
        return sorted;
    }

    boolean isEmpty() {
        return byPrefix.isEmpty();
    }
}
