package org.netnslab.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * One network namespace ({@code struct net}): its devices, addresses, routes, neighbours, netfilter state,
 * the ids it has given other namespaces, and its sysctl. Ifindexes are its own: {@code lo} is 1 and a new
 * device takes the next free index from the namespace's cyclic counter, as {@code dev_index_reserve} does.
 */
final class Namespace {

    private final String name;
    final Loopback lo;
    final Linkwatch linkwatch;
    private final TreeMap<Integer, Device> byIndex = new TreeMap<>();
    private final Map<String, Device> byName = new HashMap<>();
    /** {@code dev_base_head}: registration order, which {@code inet_select_addr} walks; a moved-in device is last. */
    private final Set<Device> registration = new LinkedHashSet<>();
    /**
     * The devices that have IPv4 addresses, in registration order: all that the local table is made of, found
     * again only when a device comes, goes or its addresses change, so that a change elsewhere (a bridge's
     * thousandth port set up) does not walk every device to make the local table again.
     */
    private List<Device> addressed;
    private int nextIndex = 1;

    private final Map<Namespace, Integer> netnsIds = new LinkedHashMap<>();
    private final BitSet usedIds = new BitSet();
    /** The same ids by the other namespace's name, in the order of the ids, as a dump shows them. */
    private AppendLog<String, Integer> shownIds = new AppendLog<>();

    int ipForward;
    final Devconf devconf = new Devconf(this);
    final Fib fib = new Fib();
    final Neighbours neighbours = new Neighbours();
    final Netfilter netfilter = new Netfilter();
    final Map<Integer, PingSocket> sockets = new HashMap<>();
    final TcpSockets tcp = new TcpSockets();
    private int ipIdent;

    /** The local table, derived from the addresses; rebuilt after any change to them or to a link's state. */
    private Map<Ipv4Address, LocalRoute> local;
    private List<LocalRoute> localPrefixes;
    private boolean dirty = true;

    /** The devices whose records a dump shows changed since the last snapshot. */
    private final Set<Device> changedDevices = new LinkedHashSet<>();
    /** The devices registered since the last snapshot, and whether any went. */
    private final List<Device> registered = new ArrayList<>();
    private boolean unregistered;
    /** Veths whose peer may live in a namespace this one has given no id yet (a dump would give one). */
    private final Set<Device> peersToNumber = new LinkedHashSet<>();
    final Snapshots snapshots = new Snapshots(this);

    /** A route of the local table ({@code RT_TABLE_LOCAL}): one of our addresses, or a subnet's broadcast. */
    record LocalRoute(RouteType type, Ipv4Cidr destination, Device dev, Ipv4Address preferredSource) {}

    Namespace(String name, Loopback lo, Linkwatch linkwatch) {
        this.name = name;
        this.lo = lo;
        this.linkwatch = linkwatch;
        register(lo, 1);
    }

    String name() {
        return name;
    }

    // ------------------------------------------------------------------------------------------ devices

    Optional<Device> device(String devName) {
        return Optional.ofNullable(byName.get(devName));
    }

    Optional<Device> device(int index) {
        return Optional.ofNullable(byIndex.get(index));
    }

    boolean hasIndex(int index) {
        return byIndex.containsKey(index);
    }

    /** In ifindex order, as a dump returns them. */
    Collection<Device> devices() {
        return byIndex.values();
    }

    /** In registration order. */
    Collection<Device> registrationOrder() {
        return registration;
    }

    /**
     * The index a device gets here: the one it asks for if it is free, else the next free one from the
     * namespace's counter ({@code xa_alloc_cyclic}).
     */
    int allocateIndex(int wanted) {
        if (wanted > 0 && !byIndex.containsKey(wanted)) {
            return wanted;
        }
        int i = Math.max(nextIndex, 1);
        while (byIndex.containsKey(i)) {
            i++;
        }
        nextIndex = i + 1;
        return i;
    }

    void register(Device d, int index) {
        d.index = index;
        d.ns = this;
        byIndex.put(index, d);
        byName.put(d.name, d);
        registration.add(d);
        addressesChanged(d);
        registered.add(d);
        d.shownAt = -1;
        d.addressesChanged();
        if (d instanceof Veth v) {
            peersToNumber.add(d);
            if (v.peer != null && v.peer.ns != null) {
                // the other end shows where this one is now, and its namespace may have no id for this one
                v.peer.changed();
                v.peer.ns.peersToNumber.add(v.peer);
            }
        }
    }

    /** {@code dev_change_name}: the device answers to its new name only. */
    void rename(Device d, String name) {
        byName.remove(d.name);
        d.name = name;
        byName.put(name, d);
        changed();
    }

    void unregister(Device d) {
        byIndex.remove(d.index);
        byName.remove(d.name);
        registration.remove(d);
        if (addressed != null && addressed.contains(d)) {
            addressed = null;
        }
        unregistered = true;
        changedDevices.remove(d);
        peersToNumber.remove(d);
        if (d instanceof Veth v && v.peer != null && v.peer.ns != null) {
            v.peer.changed();
        }
        changed();
    }

    /** A device of this namespace changed what a dump shows of it. */
    void deviceChanged(Device d) {
        if (d.ns == this) {
            changedDevices.add(d);
        }
        changed();
    }

    /** What changed since the last snapshot, for {@link Snapshots}; forgotten as it is taken. */
    record Changes(List<Device> devices, List<Device> registered, boolean unregistered) {}

    Changes takeChanges() {
        Changes c = new Changes(List.copyOf(changedDevices), List.copyOf(registered), unregistered);
        changedDevices.clear();
        registered.clear();
        unregistered = false;
        return c;
    }

    /**
     * The veths that may have a peer in a namespace without an id here yet, in ifindex order, as a dump
     * walks them; forgotten as they are taken.
     */
    List<Device> takePeersToNumber() {
        List<Device> out = new ArrayList<>(peersToNumber);
        peersToNumber.clear();
        out.sort((a, b) -> Integer.compare(a.index, b.index));
        return out;
    }

    // ------------------------------------------------------------------------------------------ netns ids

    /** {@code peernet2id_alloc}: the id this namespace gives another, the lowest free one when it has none. */
    int idFor(Namespace other) {
        if (other == this) {
            return -1;
        }
        Integer id = netnsIds.get(other);
        if (id == null) {
            id = usedIds.nextClearBit(0);
            boolean last = usedIds.nextSetBit(id) < 0;
            usedIds.set(id);
            netnsIds.put(other, id);
            if (last) {
                shownIds.append(other.name(), id);
            } else {
                shownIds = sortedIds();
            }
            changed();
        }
        return id;
    }

    /**
     * {@code rtnl_net_newid}: the id this namespace gives another, asked for ({@code ip netns set}); -1 for the
     * lowest free one, as {@code alloc_netid} takes it.
     */
    void setId(Namespace other, int id) throws KernelException {
        if (netnsIds.containsKey(other)) {
            throw new KernelException(Errno.EEXIST, "Peer netns already has a nsid assigned");
        }
        if (id < 0) {
            idFor(other);
            return;
        }
        if (usedIds.get(id)) {
            throw new KernelException(Errno.EEXIST, "The specified nsid is already used");
        }
        usedIds.set(id);
        netnsIds.put(other, id);
        shownIds = sortedIds();
        changed();
    }

    void forgetId(Namespace other) {
        Integer id = netnsIds.remove(other);
        if (id != null) {
            usedIds.clear(id);
            shownIds = sortedIds();
            changed();
        }
    }

    private AppendLog<String, Integer> sortedIds() {
        AppendLog<String, Integer> out = new AppendLog<>();
        netnsIds.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> out.append(e.getKey().name(), e.getValue()));
        return out;
    }

    Map<Namespace, Integer> netnsIds() {
        return netnsIds;
    }

    /** The ids this namespace gave others, by their names, in the order of the ids. */
    Map<String, Integer> shownIds() {
        return shownIds.map();
    }

    // ------------------------------------------------------------------------------------------ addresses

    /** Whether an address is one of this namespace's own ({@code inet_lookup_ifaddr}). */
    boolean isLocalAddress(Ipv4Address a) {
        LocalRoute r = localTable().get(a);
        return r != null && r.type() == RouteType.LOCAL;
    }

    /**
     * {@code inet_select_addr}: the primary address of the device in scope (one in the subnet of {@code dst}
     * when there is one), else the first address in scope of any device, walked in registration order.
     */
    Optional<Ipv4Address> selectAddress(Device dev, Ipv4Address dst, Scope scope) {
        Ipv4Address first = null;
        for (Ifa ifa : dev.inet) {
            if (ifa.secondary || Math.min(ifa.scope.value(), Scope.HOST.value()) > scope.value()) {
                continue;
            }
            if (dst.isAny() || ifa.matches(dst)) {
                return Optional.of(ifa.local());
            }
            if (first == null) {
                first = ifa.local();
            }
        }
        if (first != null) {
            return Optional.of(first);
        }
        for (Device d : registration) {
            for (Ifa ifa : d.inet) {
                if (!ifa.secondary && ifa.scope != Scope.LINK && ifa.scope.value() <= scope.value()) {
                    return Optional.of(ifa.local());
                }
            }
        }
        return Optional.empty();
    }

    /** The primary address a secondary one belongs to ({@code inet_ifa_byprefix}). */
    Optional<Ifa> primaryOf(Ifa ifa) {
        if (!ifa.secondary) {
            return Optional.of(ifa);
        }
        return ifa.dev.inet.stream().filter(p -> !p.secondary && p.sameSubnet(ifa)).findFirst();
    }

    // ------------------------------------------------------------------------------------------ local table

    Map<Ipv4Address, LocalRoute> localTable() {
        if (local == null) {
            rebuildLocal();
        }
        return local;
    }

    /** The local table's routes of a prefix (the loopback's 127.0.0.0/8). */
    List<LocalRoute> localPrefixes() {
        localTable();
        return localPrefixes;
    }

    /** {@code fib_lookup} in the local table: one of our addresses, a broadcast, or a loopback prefix. */
    Optional<LocalRoute> localRoute(Ipv4Address dst, Optional<Device> oif) {
        LocalRoute r = localTable().get(dst);
        if (r != null && (oif.isEmpty() || oif.get() == r.dev())) {
            return Optional.of(r);
        }
        LocalRoute best = null;
        for (LocalRoute p : localPrefixes) {
            if (p.destination().contains(dst) && (oif.isEmpty() || oif.get() == p.dev())
                    && (best == null || p.destination().prefixLength() > best.destination().prefixLength())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** What {@code fib_add_ifaddr} puts in the local table, for every address of every device. */
    private void rebuildLocal() {
        Map<Ipv4Address, LocalRoute> routes = new HashMap<>();
        List<LocalRoute> prefixes = new ArrayList<>();
        Map<Ipv4Address, LocalRoute> broadcasts = new HashMap<>();
        if (addressed == null) {
            addressed = registration.stream().filter(d -> !d.inet.isEmpty()).toList();
        }
        for (Device d : addressed) {
            for (Ifa ifa : d.inet) {
                Optional<Ifa> prim = primaryOf(ifa);
                if (prim.isEmpty()) {
                    continue;
                }
                routes.putIfAbsent(ifa.local(), new LocalRoute(RouteType.LOCAL, new Ipv4Cidr(ifa.local(), 32), d,
                        prim.get().local()));
                if (!d.adminUp || ifa.secondary) {
                    continue;
                }
                Ipv4Cidr prefix = ifa.prefix();
                boolean zeronet = prefix.address().octet(0) == 0;
                if (!zeronet && (!prefix.address().equals(ifa.local()) || prefix.prefixLength() < 32)) {
                    if (d.isLoopback()) {
                        prefixes.add(new LocalRoute(RouteType.LOCAL, prefix, d, ifa.local()));
                    }
                    if (prefix.prefixLength() < 31) {
                        Ipv4Address brd = ifa.cidr.broadcast();
                        broadcasts.putIfAbsent(brd, new LocalRoute(RouteType.BROADCAST, new Ipv4Cidr(brd, 32), d,
                                ifa.local()));
                    }
                }
            }
        }
        broadcasts.forEach(routes::putIfAbsent);
        local = routes;
        localPrefixes = prefixes;
    }

    // ------------------------------------------------------------------------------------------ misc

    int nextIpIdent() {
        ipIdent = (ipIdent + 1) & 0xffff;
        return ipIdent;
    }

    boolean forwarding() {
        return ipForward != 0;
    }

    /** A device's addresses changed, or it came: whether it has any may be new, and then the devices that do. */
    void addressesChanged(Device d) {
        if (addressed != null && addressed.contains(d) == (d.inet.isEmpty() || !registration.contains(d))) {
            addressed = null;
        }
    }

    /** Something a dump would show changed: the cached local table and snapshot are stale. */
    void changed() {
        local = null;
        dirty = true;
    }

    boolean dirty() {
        return dirty;
    }

    void clean() {
        dirty = false;
    }

    @Override
    public String toString() {
        return name;
    }
}
