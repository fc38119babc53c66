package org.netnslab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Capture;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.LinkFlagChange;
import org.netnslab.core.backend.SysctlKey;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.backend.NeighbourRequest;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.backend.RouteModify;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.backend.SegmentJourney;
import org.netnslab.core.model.BridgeOptions;
import org.netnslab.core.model.BridgePort;
import org.netnslab.core.model.FdbEntry;
import org.netnslab.core.model.InetSock;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.Neighbour;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.RoutingRule;
import org.netnslab.core.model.TcpState;
import org.netnslab.core.model.Scope;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.net.MacAddress;

/**
 * The simulator: a deterministic, packet-level model of the kernel's network namespaces. Its state and its
 * answers are those of the real kernel for the operations of a lab (see {@link Backend}); its packets are
 * real Ethernet frames, ARP, IPv4 and ICMP, and each ping tells the journey of its probes.
 *
 * <p>Nothing depends on the wall clock or on an unseeded random source: MAC addresses come from a
 * {@link Random} made from the seed, time is the {@link Engine}'s logical clock (each operation lets one
 * second pass, a ping as long as it lasts), round trips are made up from the path. The same seed and the same
 * operations give the same lab, byte for byte.
 *
 * <p>Every operation checks everything it can refuse before it changes anything, so a refusal leaves the
 * lab as it was. The one exception is the kernel's own: {@code ip link set DEV master X} first takes DEV off
 * the bridge it is on, then fails if X cannot take it ({@code do_set_master}).
 *
 * <p>What the kernel defers, the simulator defers too: carrier changes are settled by {@link Linkwatch} once
 * an operation is over, before anything is read. Where the real kernel's answer depends on a race, the
 * simulator picks the answer of the usual timing: an end whose lower device is gone stays LOWERLAYERDOWN
 * until its own carrier changes, and a neighbour that never answers fails exactly three seconds after it
 * was first asked, before a probe sent at that same moment.
 */
public final class SimBackend implements Backend {

    /** nc's {@code listen(fd, 1)}. */
    static final int NC_BACKLOG = 1;

    private final Random random;
    private final Engine engine = new Engine();
    private final Datapath datapath = new Datapath(engine);
    private final Tcp tcp;
    private final Linkwatch linkwatch = new Linkwatch();
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    /** The learner's namespaces, oldest first: a log, so that {@link #namespaces()} costs nothing to hand out. */
    private AppendLog<String, Boolean> named = new AppendLog<>();
    private long serials;
    private int nextPingId;

    /** A lab with its bare host and upstream namespaces, each with only {@code lo}, down. */
    public SimBackend(long seed) {
        this.random = new Random(seed);
        // a source of its own, so that MAC addresses are the same whether or not a lab makes connections
        this.tcp = new Tcp(engine, datapath.ipOutput, new Random(seed * 0x9e3779b97f4a7c15L + 0x7463));
        datapath.tcp = tcp;
        this.nextPingId = 0x1000 + (int) ((seed & 0x7fff) * 7 % 0x8000);
        newNamespace(HOST);
        newNamespace(UPSTREAM);
    }

    @Override
    public String name() {
        return "sim";
    }

    private Namespace newNamespace(String name) {
        Namespace ns = new Namespace(name, new Loopback(serials++), linkwatch);
        namespaces.put(name, ns);
        return ns;
    }

    private MacAddress randomMac() {
        return MacAddress.locallyAdministered(random.nextLong());
    }

    /** What the kernel finishes between two commands: the linkwatch events of the last one. */
    private void settle() {
        linkwatch.run();
    }

    /** A command of the learner takes a moment: one second of the lab's clock. */
    private void step() {
        engine.advance(Engine.SECOND);
    }

    private Namespace ns(String name) throws KernelException {
        Namespace ns = namespaces.get(name);
        if (ns == null) {
            throw new KernelException(Errno.ENOENT);
        }
        return ns;
    }

    private static Device dev(Namespace ns, String name) throws KernelException {
        return ns.device(name).orElseThrow(() -> new KernelException(Errno.ENODEV));
    }

    // ================================================================================= namespaces

    @Override
    public void addNamespace(String name) throws KernelException {
        settle();
        if (namespaces.containsKey(name)) {
            throw new KernelException(Errno.EEXIST);
        }
        step();
        newNamespace(name);
        named.append(name, Boolean.TRUE);
    }

    @Override
    public void deleteNamespace(String name) throws KernelException {
        settle();
        Namespace ns = ns(name);
        if (!named.contains(name)) {
            throw new KernelException(Errno.EINVAL);
        }
        step();
        // default_device_exit_batch: a veth takes its peer with it, wherever that is
        for (Device d : new ArrayList<>(ns.devices())) {
            if (d.ns == ns && !d.isLoopback()) {
                unregisterLink(d);
            }
        }
        // a deviation, said in listen(): the kernel would keep the namespace while a socket holds it
        tcp.namespaceGone(ns);
        namespaces.remove(name);
        named = named.without(name);
        for (Namespace other : namespaces.values()) {
            other.forgetId(ns);
        }
        ns.changed();
    }

    @Override
    public List<String> namespaces() {
        return named.keys();
    }

    // ================================================================================= links

    private static void checkNewName(Namespace ns, String name) throws KernelException {
        if (name.isEmpty() || name.length() > 15 || name.contains("/") || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c <= ' ' || c == ':')) {
            throw new KernelException(Errno.EINVAL);
        }
        if (ns.device(name).isPresent()) {
            throw new KernelException(Errno.EEXIST);
        }
    }

    @Override
    public void addVeth(String nsName, String name, String peer, Optional<String> peerNamespace)
            throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        Namespace peerNs = peerNamespace.isPresent() ? ns(peerNamespace.get()) : ns;
        checkNewName(peerNs, peer);
        checkNewName(ns, name);
        if (ns == peerNs && name.equals(peer)) {
            throw new KernelException(Errno.EEXIST);
        }
        step();
        // veth_newlink: the peer is made and registered first, then the device
        Veth b = new Veth(serials++, peer, randomMac());
        Veth a = new Veth(serials++, name, randomMac());
        a.peer = b;
        b.peer = a;
        peerNs.register(b, peerNs.allocateIndex(0));
        ns.register(a, ns.allocateIndex(0));
        Netdev.setCarrier(List.of(b, a), false);
        Netdev.notify(a);
    }

    @Override
    public void addBridge(String nsName, String name) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        checkNewName(ns, name);
        step();
        Bridge br = new Bridge(serials++, name, randomMac());
        ns.register(br, ns.allocateIndex(0));
    }

    @Override
    public void setLinkUp(String nsName, String device, boolean up) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        step();
        if (up) {
            Netdev.open(d);
        } else {
            Netdev.close(d);
        }
    }

    @Override
    public void setAddress(String nsName, String device, MacAddress mac) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        // eth_prepare_mac_addr_change: is_valid_ether_addr
        if (mac.isMulticast() || mac.equals(MacAddress.ZERO)) {
            throw new KernelException(Errno.EADDRNOTAVAIL);
        }
        step();
        if (d instanceof Bridge br) {
            br.addressSet = true;
        }
        if (mac.equals(d.mac)) {
            return;
        }
        // NETDEV_CHANGEADDR: a port's bridge knows its new address, and may take it
        Bridge br = d.master;
        MacAddress old = d.mac;
        d.mac = mac;
        if (br != null) {
            br.portAddressChanged(old, mac);
            br.recalculateAddress();
            br.changed();
        }
        d.changed();
    }

    @Override
    public void setName(String nsName, String device, String name) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        Device d = dev(ns, device);
        if (name.equals(d.name)) {
            return;
        }
        checkNewName(ns, name);
        step();
        // dev_change_name, then NETDEV_CHANGENAME: the addresses' labels follow; a peer, ports and routes show it
        ns.rename(d, name);
        Addresses.changeName(d);
        d.changed();
        if (d instanceof Veth v && v.peer != null) {
            v.peer.changed();
        }
        if (d instanceof Bridge br) {
            br.ports.forEach(Device::changed);
        }
    }

    @Override
    public void setAlias(String nsName, String device, String alias) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        step();
        d.alias = alias.isEmpty() ? null : alias;
        d.changed();
    }

    @Override
    public void setFlags(String nsName, String device, LinkFlagChange change) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        step();
        // __dev_change_flags: the bits a learner may change; PROMISC and ALLMULTI in dev->gflags
        Link.Flags flags = change.applyTo(d.flags);
        if (flags.equals(d.flags)) {
            return;
        }
        boolean noArpChanged = flags.noArp() != d.flags.noArp();
        d.flags = flags;
        d.changed();
        // NETDEV_CHANGE of a device that is up, with IFF_NOARP among the flags changed: neigh_changeaddr
        if (noArpChanged && d.adminUp) {
            d.ns.neighbours.flush(d);
        }
    }

    @Override
    public void setTxQueueLen(String nsName, String device, int txQueueLen) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        step();
        if (d.txQueueLen != txQueueLen) {
            d.txQueueLen = txQueueLen;
            d.changed();
        }
    }

    @Override
    public void setMtu(String nsName, String device, int mtu) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        // dev_validate_mtu, then dev_set_mtu, which does nothing for the mtu the device has
        if (mtu < 0 || mtu < d.minMtu()) {
            throw new KernelException(Errno.EINVAL, "mtu less than device minimum");
        }
        if (d.maxMtu() > 0 && mtu > d.maxMtu()) {
            throw new KernelException(Errno.EINVAL, "mtu greater than device maximum");
        }
        if (mtu == d.mtu()) {
            return;
        }
        step();
        int before = d.mtu();
        d.mtuSet = mtu;
        d.changed();
        // addrconf's NETDEV_CHANGEMTU: IPv6 stops below IPV6_MIN_MTU, and starts again above it
        if (mtu < Netdev.IPV6_MIN_MTU && d.inet6 != null) {
            d.inet6 = null;
            d.addressesChanged();
        } else if (before < Netdev.IPV6_MIN_MTU && mtu >= Netdev.IPV6_MIN_MTU && !d.isLoopback()) {
            Netdev.addrconf(d);
        }
        // NETDEV_CHANGEMTU: the bridge it is a port of may follow it
        if (d.master != null) {
            d.master.changed();
        }
    }

    @Override
    public void setLinkNamespace(String nsName, String device, String target) throws KernelException {
        settle();
        Namespace from = ns(nsName);
        Device d = dev(from, device);
        Namespace to = ns(target);
        if (d.isLoopback() || d.isBridge()) {
            throw new KernelException(Errno.EINVAL, "The interface netns is immutable");
        }
        if (to == from) {
            return;
        }
        if (to.device(d.name).isPresent()) {
            throw new KernelException(Errno.EEXIST, "An interface with the same name exists in the target netns");
        }
        step();
        // dev_change_net_namespace: closed, unregistered here (addresses, routes, bridge port go), moved
        Netdev.close(d);
        d.qdiscAttached = false;
        detach(d);
        from.idFor(to);
        if (d instanceof Veth v && v.peer.ns != from) {
            from.idFor(v.peer.ns);
        }
        from.unregister(d);
        to.register(d, to.allocateIndex(d.index));
        if (d instanceof Veth v) {
            v.peer.changed();
            Netdev.notify(d);
        }
    }

    /** NETDEV_UNREGISTER in the device's namespace: off its bridge, without addresses, routes and neighbours. */
    private void detach(Device d) {
        Namespace ns = d.ns;
        if (d.master != null) {
            Netdev.release(d);
        }
        if (d instanceof Bridge br) {
            for (Device p : new ArrayList<>(br.ports)) {
                Netdev.release(p);
            }
        }
        Addresses.removeAll(d);
        ns.fib.removeIf(e -> e.dev == d);
        ns.neighbours.flush(d);
        d.inet6 = null;
        ns.sockets.values().removeIf(s -> s.bound.map(b -> b == d).orElse(false));
        d.addressesChanged();
    }

    @Override
    public void setMaster(String nsName, String device, Optional<String> bridge) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        Device d = dev(ns, device);
        Optional<Device> upper = bridge.isPresent() ? Optional.of(dev(ns, bridge.get())) : Optional.empty();
        if (upper.isPresent() && d.master == upper.get()) {
            return;
        }
        if (upper.isEmpty() && d.master == null) {
            return;
        }
        step();
        // do_set_master: off the old master first, then onto the new one, which may refuse
        if (d.master != null) {
            Netdev.release(d);
        }
        if (upper.isEmpty()) {
            return;
        }
        if (!(upper.get() instanceof Bridge br)) {
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        // br_add_if
        if (d.isLoopback() || d.mac.equals(MacAddress.ZERO) || d.mac.isMulticast()) {
            throw new KernelException(Errno.EINVAL);
        }
        if (d.isBridge()) {
            throw new KernelException(Errno.ELOOP, "Can not enslave a bridge to a bridge");
        }
        Netdev.enslave(br, d);
    }

    @Override
    public void deleteLink(String nsName, String device) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        if (d.isLoopback()) {
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        step();
        unregisterLink(d);
    }

    /**
     * {@code rtnl_dellink}: a veth goes with its peer, a bridge lets its ports go first. As in
     * {@code veth_dellink}, both ends forget each other before either is closed and unregistered, so that
     * nothing done on the way out (a port leaving its bridge, the notifications it sends) meets an end that
     * is half gone.
     */
    private void unregisterLink(Device d) {
        List<Device> going = new ArrayList<>();
        going.add(d);
        if (d instanceof Veth v && v.peer != null) {
            going.add(v.peer);
        }
        if (d instanceof Veth v && v.peer != null) {
            v.peer.peer = null;
            v.peer = null;
        }
        for (Device g : going) {
            Netdev.close(g);
        }
        for (Device g : going) {
            Namespace ns = g.ns;
            detach(g);
            ns.unregister(g);
            g.ns = null;
        }
    }

    // ================================================================================= addresses and routes

    @Override
    public void addAddress(String nsName, String device, Ipv4Cidr address) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        Addresses.check(d, address, Addresses.defaultScope(address));
        step();
        Addresses.add(d, address, Addresses.defaultScope(address));
    }

    @Override
    public void addAddress(String nsName, String device, Ipv4Cidr address, Optional<Ipv4Address> broadcast,
            Optional<String> label) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        Addresses.check(d, address, Addresses.defaultScope(address));
        step();
        Addresses.add(d, address, Addresses.defaultScope(address), broadcast.orElse(null), label.orElse(null));
    }

    @Override
    public void deleteAddress(String nsName, String device, Ipv4Cidr address) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        if (Addresses.find(d, address).isEmpty()) {
            throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
        }
        step();
        Addresses.delete(d, address);
    }

    @Override
    public void deleteInet6Address(String nsName, String device, String prefix) throws KernelException {
        settle();
        Device d = dev(ns(nsName), device);
        if (d.inet6 == null || !d.inet6.equals(prefix)) {
            throw new KernelException(Errno.EADDRNOTAVAIL);
        }
        step();
        // inet6_rtm_deladdr: gone, and addrconf does not give it again until the device is up again
        d.inet6 = null;
        d.inet6Deleted = true;
        d.addressesChanged();
    }

    @Override
    public void addRoute(String nsName, RouteSpec spec) throws KernelException {
        modifyRoute(nsName, spec, RouteModify.ADD);
    }

    /**
     * inet_rtm_newroute: fib_create_info checks the route (its type's next hop, the gateway, the device, the
     * preferred source), then fib_table_insert places it among the routes of its prefix by the flags.
     */
    @Override
    public void modifyRoute(String nsName, RouteSpec spec, RouteModify mode) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        Optional<Device> oif = spec.device().isPresent() ? Optional.of(dev(ns, spec.device().get())) : Optional.empty();
        checkPrefix(spec.destination());
        Ipv4Cidr dst = spec.destination().network();
        RouteType type = spec.type().orElse(RouteType.UNICAST);
        Scope scope = spec.scopeFor(false);
        Device out = null;
        boolean gatewayIsLocal = false;
        if (Routing.error(type) != null) {
            if (spec.gateway().isPresent() || oif.isPresent()) {
                throw new KernelException(Errno.EINVAL,
                        "Gateway, device and multipath can not be specified for this route type");
            }
        } else if (spec.gateway().isPresent() && spec.onlink()) {
            // fib_check_nh_v4_gw with RTNH_F_ONLINK: the device as given, up, the gateway a unicast address
            if (oif.isEmpty()) {
                throw new KernelException(Errno.EINVAL, "Nexthop device required for onlink");
            }
            if (scope.value() >= Scope.LINK.value()) {
                throw new KernelException(Errno.EINVAL, "Nexthop has invalid scope");
            }
            out = oif.get();
            if (!out.adminUp) {
                throw new KernelException(Errno.ENETDOWN, "Nexthop device is not up");
            }
            Ipv4Address gw = spec.gateway().get();
            if (gw.isMulticast() || gw.isLimitedBroadcast() || gw.isAny() || ns.isLocalAddress(gw)
                    || ns.localRoute(gw, Optional.empty()).isPresent()) {
                throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
            }
        } else if (spec.gateway().isPresent()) {
            // fib_check_nh_v4_gw: the gateway must be on a link (a route of scope link or host)
            if (spec.onlink() && oif.isEmpty()) {
                throw new KernelException(Errno.EINVAL, "Nexthop device required for onlink");
            }
            if (scope == Scope.HOST) {
                throw new KernelException(Errno.EINVAL, "Route with host scope can not have a gateway");
            }
            // the gateway must be reached by a route narrower than the route's own scope, link at least
            Optional<Routing.Hit> hit = Routing.lookup(ns, spec.gateway().get(),
                    scope == Scope.LINK ? Scope.HOST : Scope.LINK, oif);
            if (hit.isEmpty()) {
                throw new KernelException(Errno.ENETUNREACH, "Nexthop has invalid gateway");
            }
            if (hit.get().type() != RouteType.UNICAST && hit.get().type() != RouteType.LOCAL) {
                throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
            }
            out = hit.get().dev();
            gatewayIsLocal = hit.get().type() == RouteType.LOCAL;
            if (!out.adminUp) {
                throw new KernelException(Errno.ENETDOWN);
            }
        } else if (oif.isPresent()) {
            if (spec.onlink()) {
                throw new KernelException(Errno.EINVAL, "Nexthop device required for onlink");
            }
            out = oif.get();
            if (!out.adminUp) {
                throw new KernelException(Errno.ENETDOWN, "Device for nexthop is not up");
            }
        } else {
            throw new KernelException(Errno.ENODEV);
        }
        // fib_valid_prefsrc: the preferred source must be one of the namespace's addresses (a route of an error
        // type is linked before that check)
        if (Routing.error(type) == null && spec.preferredSource().isPresent()
                && !ns.isLocalAddress(spec.preferredSource().get())) {
            throw new KernelException(Errno.EINVAL, "Invalid prefsrc address");
        }
        Fib.Entry e = new Fib.Entry(type, dst, spec.gateway(), out, spec.protocol().orElse(RouteProtocol.BOOT),
                scope, spec.preferredSource(), spec.metric().orElse(0), gatewayIsLocal, spec.onlink(),
                ns.fib.nextSeq());
        // fib_table_insert: fa_first, the first route of the prefix with this metric, if any
        List<Fib.Entry> list = ns.fib.at(dst);
        int first = ns.fib.position(e);
        boolean samePriority = first < list.size() && list.get(first).priority() == e.priority();
        int at = first;
        if (samePriority) {
            if (mode.exclusive) {
                throw new KernelException(Errno.EEXIST);
            }
            Fib.Entry match = null;
            int end = first;
            while (end < list.size() && list.get(end).priority() == e.priority()) {
                if (match == null && list.get(end).sameAs(e)) {
                    match = list.get(end);
                }
                end++;
            }
            if (mode.replace) {
                if (match != null) {
                    if (match == list.get(first)) {
                        return;
                    }
                    throw new KernelException(Errno.EEXIST);
                }
                step();
                ns.fib.replace(list.get(first), e);
                ns.changed();
                return;
            }
            if (match != null) {
                throw new KernelException(Errno.EEXIST);
            }
            if (mode.append) {
                at = end;
            }
        }
        if (!mode.create) {
            throw new KernelException(Errno.ENOENT);
        }
        step();
        ns.fib.insert(e, at);
        ns.changed();
    }

    @Override
    public void deleteRoute(String nsName, RouteSpec spec) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        Optional<Device> oif = spec.device().isPresent() ? Optional.of(dev(ns, spec.device().get())) : Optional.empty();
        // inet_rtm_delroute: the table first, then the prefix
        if (!ns.fib.exists()) {
            throw new KernelException(Errno.ESRCH, "FIB table does not exist");
        }
        checkPrefix(spec.destination());
        Scope scope = spec.scopeFor(true);
        // fib_table_delete: the first route of the prefix that agrees with everything the request gave
        Fib.Entry victim = null;
        for (Fib.Entry e : ns.fib.at(spec.destination().network())) {
            if (spec.type().isPresent() && e.type != spec.type().get()) {
                continue;
            }
            if (scope != Scope.NOWHERE && e.scope != scope) {
                continue;
            }
            if (spec.preferredSource().isPresent() && !e.preferredSource.equals(spec.preferredSource())) {
                continue;
            }
            if (spec.protocol().isPresent() && e.protocol != spec.protocol().get()) {
                continue;
            }
            if (spec.metric().isPresent() && spec.metric().get() != 0 && e.metric != spec.metric().get()) {
                continue;
            }
            if (spec.gateway().isPresent() && !e.gateway.equals(spec.gateway())) {
                continue;
            }
            if (oif.isPresent() && e.dev != oif.get()) {
                continue;
            }
            victim = e;
            break;
        }
        if (victim == null) {
            throw new KernelException(Errno.ESRCH);
        }
        step();
        ns.fib.remove(victim);
        ns.changed();
    }

    /** {@code fib_valid_key_len}: the kernel refuses a prefix with host bits, before anything else. */
    private static void checkPrefix(Ipv4Cidr destination) throws KernelException {
        if (destination.hasHostBits()) {
            throw new KernelException(Errno.EINVAL, "Invalid prefix for given prefix length");
        }
    }

    @Override
    public RouteLookup getRoute(String nsName, Ipv4Address destination, Optional<Ipv4Address> from,
            Optional<String> inputInterface) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        if (inputInterface.isPresent()) {
            Device in = dev(ns, inputInterface.get());
            Ipv4Address src = from.orElse(Ipv4Address.ANY);
            Routing.Route r;
            try {
                r = Routing.input(ns, destination, src, in);
            } catch (Routing.Refused e) {
                throw e.toKernel();
            }
            return new RouteLookup(r.type(), destination, from, r.gateway(),
                    r.type() == RouteType.UNICAST ? r.dev().name : "lo", Optional.empty(), inputInterface);
        }
        Routing.Route r = Routing.output(ns, destination, from, Optional.empty());
        return new RouteLookup(r.type(), destination, from, r.gateway(), r.dev().name,
                from.isPresent() ? Optional.empty() : r.source(), Optional.empty());
    }

    // ================================================================================= sysctl, netfilter

    @Override
    public void setIpForward(String nsName, int value) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        step();
        ns.devconf.set(new SysctlKey(Optional.empty(), "ip_forward"), value);
        ns.changed();
    }

    @Override
    public Optional<Integer> sysctl(String nsName, SysctlKey key) {
        settle();
        return namespaces.containsKey(nsName) ? namespaces.get(nsName).devconf.get(key) : Optional.empty();
    }

    @Override
    public void setSysctl(String nsName, SysctlKey key, int value) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        step();
        if (!ns.devconf.set(key, value)) {
            throw new KernelException(Errno.ENOENT);
        }
        ns.changed();
    }

    @Override
    public void appendMasquerade(String nsName, NatRule rule) throws KernelException {
        appendRule(nsName, Table.NAT, "POSTROUTING", masquerade(rule));
    }

    @Override
    public void deleteMasquerade(String nsName, NatRule rule) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        List<Netfilter.RuleState> rules = ns.netfilter.table(Table.NAT).flatMap(t -> t.chain("POSTROUTING"))
                .map(c -> c.rules).orElse(List.of());
        Rule wanted = masquerade(rule);
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).rule.equals(wanted)) {
                deleteRule(nsName, Table.NAT, "POSTROUTING", i + 1);
                return;
            }
        }
        throw new KernelException(Errno.ENOENT);
    }

    @Override
    public void flushNat(String nsName) throws KernelException {
        flushChain(nsName, Table.NAT, Optional.empty());
    }

    private static Rule masquerade(NatRule n) {
        return new Rule(n.source().map(s -> new Rule.AddressMatch(s, false)), Optional.empty(), Optional.empty(),
                n.outInterface().map(o -> new Rule.InterfaceMatch(o, false)), Optional.empty(), List.of(),
                n.masquerade() ? Optional.of(Target.Masquerade.PLAIN) : Optional.empty());
    }

    /** A change of the namespace's tables: one nf_tables batch, all of it or nothing. */
    @FunctionalInterface
    private interface NfChange {
        void apply(Netfilter nf) throws KernelException;
    }

    private void nf(String nsName, NfChange change) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        step();
        change.apply(ns.netfilter);
        ns.changed();
    }

    @Override
    public Ruleset netfilter(String nsName) throws KernelException {
        settle();
        return ns(nsName).netfilter.ruleset();
    }

    @Override
    public void appendRule(String ns, Table table, String chain, Rule rule) throws KernelException {
        nf(ns, n -> n.append(table, chain, rule));
    }

    @Override
    public void insertRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        nf(ns, n -> n.insert(table, chain, position, rule));
    }

    @Override
    public void deleteRule(String ns, Table table, String chain, int position) throws KernelException {
        nf(ns, n -> n.delete(table, chain, position));
    }

    @Override
    public void replaceRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        nf(ns, n -> n.replace(table, chain, position, rule));
    }

    @Override
    public void newChain(String ns, Table table, String chain) throws KernelException {
        nf(ns, n -> n.newChain(table, chain));
    }

    @Override
    public void deleteChain(String ns, Table table, Optional<String> chain) throws KernelException {
        nf(ns, n -> n.deleteChain(table, chain));
    }

    @Override
    public void renameChain(String ns, Table table, String chain, String newName) throws KernelException {
        nf(ns, n -> n.renameChain(table, chain, newName));
    }

    @Override
    public void setPolicy(String ns, Table table, String chain, Policy policy) throws KernelException {
        nf(ns, n -> n.setPolicy(table, chain, policy));
    }

    @Override
    public void flushChain(String ns, Table table, Optional<String> chain) throws KernelException {
        nf(ns, n -> n.flush(table, chain));
    }

    @Override
    public void zeroCounters(String ns, Table table, Optional<String> chain, Optional<Integer> position)
            throws KernelException {
        nf(ns, n -> n.zero(table, chain, position));
    }

    // ================================================================================= ping

    @Override
    public PingResult ping(String nsName, PingRequest request) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        Optional<Device> bound = request.device().isPresent() ? Optional.of(dev(ns, request.device().get()))
                : Optional.empty();
        if (request.source().isPresent() && !ns.isLocalAddress(request.source().get())) {
            throw new KernelException(Errno.EADDRNOTAVAIL); // ping -I ADDR binds its sockets to it
        }
        // the probe connect of iputils: no route, no ping
        Routing.Route route = Routing.output(ns, request.destination(), request.source(), bound);
        if (route.type() == RouteType.BROADCAST) {
            // ip4_datagram_connect: a broadcast destination needs SO_BROADCAST (ping -b)
            throw new KernelException(Errno.EACCES);
        }
        step();
        int id = nextPingId;
        nextPingId = (nextPingId + 1) & 0xffff;
        PingResult result = new Pinger(engine, datapath.ipOutput, datapath.neigh, ns, request, route, bound, id).run();
        return result;
    }

    // ================================================================================= TCP

    /**
     * {@inheritDoc}
     *
     * <p>In the simulator, a namespace deleted with {@code ip netns del} goes with its sockets: their
     * connections end without a word on the wire. (In the kernel, a socket keeps its namespace, and the
     * links in it, alive until it is closed.)
     */
    @Override
    public Capture capture(String nsName, String device) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        if (!device.equals("any")) {
            dev(ns, device);
        }
        return datapath.taps.open(ns, device);
    }

    @Override
    public List<CapturedFrame> history(String nsName, String device) {
        return datapath.taps.history(nsName, device, 0);
    }

    @Override
    public long historyMark() {
        return datapath.taps.mark();
    }

    @Override
    public List<CapturedFrame> history(String nsName, String device, long mark) {
        return datapath.taps.history(nsName, device, mark);
    }

    @Override
    public Listener listen(String nsName, int port) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        if (port < 1 || port > 0xffff) {
            throw new KernelException(Errno.EINVAL);
        }
        if (ns.tcp.listener(port).isPresent()) {
            throw new KernelException(Errno.EADDRINUSE);
        }
        step();
        return new SimListener(nsName, tcp.listen(ns, port, NC_BACKLOG));
    }

    @Override
    public Connection connect(String nsName, Ipv4Address address, int port) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        if (port < 1 || port > 0xffff) {
            throw new KernelException(Errno.EINVAL);
        }
        lastConnect = List.of();
        // ip_route_connect: no route, no connect; nor to a broadcast or multicast address
        Routing.Route route = Routing.output(ns, address, Optional.empty(), Optional.empty());
        if (route.type() == RouteType.BROADCAST || address.isMulticast()) {
            throw new KernelException(Errno.ENETUNREACH);
        }
        step();
        // ip_route_output_key: a connect to 0.0.0.0 goes to the source the route picked, 127.0.0.1 on lo
        Ipv4Address to = address.isAny() ? route.source().orElse(Routing.LOOPBACK) : address;
        TcpSocket s = tcp.connect(ns, route, to, port);
        engine.drain();
        lastConnect = s.journeys();
        if (s.state == TcpSocket.State.SYN_SENT || s.over()) {
            Errno e = s.error != null ? s.error : Errno.ETIMEDOUT;
            throw new KernelException(e, lastConnect);
        }
        return new SimConnection(nsName, s);
    }

    private List<SegmentJourney> lastConnect = List.of();

    /**
     * The journeys of the segments the last {@link #connect} sent, refused or not: the SYN and its answer,
     * and each retransmission. A refused connect throws, so this is where its journeys are.
     */
    public List<SegmentJourney> lastConnectJourneys() {
        return lastConnect;
    }

    /** A listening socket, for the lab's {@code nc -l}. */
    private final class SimListener implements Listener {
        private final String nsName;
        private final TcpSocket socket;

        SimListener(String nsName, TcpSocket socket) {
            this.nsName = nsName;
            this.socket = socket;
        }

        @Override
        public String namespace() {
            return nsName;
        }

        @Override
        public int port() {
            return socket.localPort;
        }

        @Override
        public Optional<Connection> accept() throws KernelException {
            settle();
            engine.drain();
            if (socket.closed) {
                throw new KernelException(Errno.EINVAL);
            }
            TcpSocket c = socket.acceptQueue.poll();
            return Optional.ofNullable(c).map(x -> new SimConnection(nsName, x));
        }

        @Override
        public void close() {
            if (!socket.closed) {
                settle();
                tcp.close(socket);
                engine.drain();
            }
        }
    }

    /** One end of a connection, for the lab's {@code nc}. */
    private final class SimConnection implements Connection {
        private final String nsName;
        private final TcpSocket socket;

        SimConnection(String nsName, TcpSocket socket) {
            this.nsName = nsName;
            this.socket = socket;
        }

        @Override
        public String namespace() {
            return nsName;
        }

        @Override
        public Ipv4Address localAddress() {
            return socket.localAddress;
        }

        @Override
        public int localPort() {
            return socket.localPort;
        }

        @Override
        public Ipv4Address remoteAddress() {
            return socket.remoteAddress;
        }

        @Override
        public int remotePort() {
            return socket.remotePort;
        }

        @Override
        public void send(byte[] data) throws KernelException {
            settle();
            engine.drain();
            if (socket.closed) {
                throw new KernelException(Errno.EPIPE);
            }
            pendingError();
            if (!socket.canSend()) {
                throw new KernelException(Errno.EPIPE);
            }
            step();
            tcp.send(socket, data.clone());
            engine.drain();
        }

        /** {@code sock_error}: the connection's error, reported once; then the socket is only closed. */
        private void pendingError() throws KernelException {
            Errno e = socket.error;
            if (e != null) {
                socket.error = null;
                throw new KernelException(e);
            }
        }

        @Override
        public byte[] receive() throws KernelException {
            settle();
            engine.drain();
            if (socket.closed) {
                throw new KernelException(Errno.ENOTCONN);
            }
            byte[] data = tcp.read(socket);
            if (data.length == 0) {
                pendingError();
            }
            return data;
        }

        @Override
        public boolean peerClosed() {
            settle();
            engine.drain();
            return socket.finReceived;
        }

        @Override
        public void close() {
            if (!socket.closed) {
                settle();
                step();
                tcp.close(socket);
                engine.drain();
            }
        }

        @Override
        public List<SegmentJourney> journeys() {
            return socket.journeys();
        }
    }

    // ================================================================================= neighbours

    // The ARP table's own commands take none of the lab's time: a recorded script looks at and edits the
    // entries a ping left within milliseconds, and a second a command would let an unanswered request fail
    // before the flush that the recording shows taking it.
    private final NeighRtnl neighRtnl = new NeighRtnl(datapath.neigh);

    /** A lab changes no rule: every namespace keeps the three fib_default_rules_init made. */
    @Override
    public List<RoutingRule> routingRules(String nsName) throws KernelException {
        ns(nsName);
        return RoutingRule.DEFAULTS;
    }

    @Override
    public List<InetSock> tcpSockets(String nsName) throws KernelException {
        settle();
        List<InetSock> out = new ArrayList<>();
        for (TcpSocket s : ns(nsName).tcp.dump(engine.now())) {
            TcpState state = TcpState.valueOf(s.state.name());
            boolean listener = s.state == TcpSocket.State.LISTEN;
            // inet_diag_get_info: a listener's queues are its accept queue and backlog; a connection's what it
            // received and the application did not read, and what it sent that is not acknowledged
            int rq = listener ? s.acceptQueue.size() : s.received.size();
            int wq = listener ? s.backlog : (int) ((s.sndNxt - s.sndUna) & 0xffffffffL);
            out.add(new InetSock(state, s.localAddress, s.localPort, s.remoteAddress, s.remotePort, rq, wq,
                    s.parent != null && s.state == TcpSocket.State.SYN_RECV ? 0 : s.inode));
        }
        return out;
    }

    @Override
    public List<Neighbour> neighbours(String nsName) throws KernelException {
        settle();
        return NeighRtnl.dump(ns(nsName), engine.now());
    }

    @Override
    public void setNeighbour(String nsName, NeighbourRequest request) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        neighRtnl.add(ns, dev(ns, request.device()), request);
    }

    @Override
    public void deleteNeighbour(String nsName, String device, Ipv4Address address) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        NeighRtnl.delete(ns, dev(ns, device), address);
    }

    // ================================================================================= bridges

    @Override
    public List<BridgePort> bridgePorts(String nsName) throws KernelException {
        settle();
        return BrNetlink.ports(ns(nsName));
    }

    @Override
    public void setBridgeOptions(String nsName, String bridge, BridgeOptions options) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        BrNetlink.changelink(dev(ns, bridge), options);
        step();
    }

    @Override
    public List<FdbEntry> fdb(String nsName) throws KernelException {
        settle();
        return BrNetlink.dump(ns(nsName), engine.now());
    }

    @Override
    public void deleteFdb(String nsName, String device, MacAddress mac, boolean self) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        BrNetlink.delete(dev(ns, device), mac, self);
    }

    // ================================================================================= state

    /**
     * One namespace, as a dump from inside it sees it. Filling in a veth whose peer lives elsewhere, the
     * kernel gives the peer's namespace an id in the one that asks ({@code rtnl_fill_link_netnsid}), so a
     * look at a namespace's links numbers its neighbours; {@link #snapshot()} only watches.
     */
    @Override
    public Optional<NamespaceState> namespace(String nsName) {
        settle();
        Namespace ns = namespaces.get(nsName);
        if (ns == null) {
            return Optional.empty();
        }
        // only the veths whose peer moved since the last dump can meet a namespace without an id here
        for (Device d : ns.takePeersToNumber()) {
            if (d.ns == ns && d instanceof Veth v && v.peer != null && v.peer.ns != null && v.peer.ns != ns) {
                ns.idFor(v.peer.ns);
            }
        }
        return Optional.of(ns.snapshots.current());
    }

    @Override
    public Optional<Link> link(String nsName, String name) {
        settle();
        Namespace ns = namespaces.get(nsName);
        return ns == null ? Optional.empty() : ns.snapshots.link(name);
    }

    @Override
    public void setNetnsId(String nsName, String peer, int id) throws KernelException {
        settle();
        Namespace ns = ns(nsName);
        Namespace other = ns(peer);
        if (ns == other) {
            throw new KernelException(Errno.EOPNOTSUPP); // an id a namespace gives itself: not part of the lab
        }
        ns.setId(other, id);
    }

    @Override
    public Map<String, Integer> netnsIds(String nsName) {
        settle();
        Namespace ns = namespaces.get(nsName);
        return ns == null ? Map.of() : ns.shownIds();
    }

    @Override
    public LabState snapshot() {
        settle();
        List<NamespaceState> all = new ArrayList<>();
        for (Namespace ns : namespaces.values()) {
            all.add(ns.snapshots.current());
        }
        return new LabState(named.keys(), List.copyOf(all));
    }

    @Override
    public void close() {
        namespaces.clear();
        named = new AppendLog<>();
    }

    // ================================================================================= for the tests

    /** The lab's logical clock, in microseconds. */
    long now() {
        return engine.now();
    }

    Optional<Namespace> internal(String nsName) {
        return Optional.ofNullable(namespaces.get(nsName));
    }
}
