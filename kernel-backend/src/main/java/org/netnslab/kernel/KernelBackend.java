package org.netnslab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Capture;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.LinkFlagChange;
import org.netnslab.core.backend.LabLimitException;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.backend.NeighbourRequest;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.backend.RouteModify;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.backend.SysctlKey;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.BridgeOptions;
import org.netnslab.core.model.BridgePort;
import org.netnslab.core.model.FdbEntry;
import org.netnslab.core.model.InetSock;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.Neighbour;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.RoutingRule;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.net.MacAddress;
import org.netnslab.kernel.netlink.AddressMessage;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.IfInfoMsg;
import org.netnslab.kernel.netlink.LinkMessage;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NlMsgType;
import org.netnslab.kernel.netlink.NsidMessage;
import org.netnslab.kernel.netlink.RouteMessage;
import org.netnslab.kernel.netlink.NlmFlags;
import org.netnslab.kernel.netlink.RtMsg;
import org.netnslab.kernel.sys.Availability;
import org.netnslab.kernel.sys.NetlinkSocket;
import org.netnslab.kernel.sys.PacketSocket;
import org.netnslab.kernel.sys.SyscallException;
import org.netnslab.kernel.netlink.RuleMessage;

/**
 * The lab on the real Linux kernel: every namespace of it (the host, the hidden upstream, each one the
 * learner makes) is a fresh network namespace held by open file descriptors, driven over rtnetlink and
 * nfnetlink, pinged with raw ICMP sockets, chatted across with nc's TCP sockets (see {@link Tcp}). The machine's own namespace is never touched: no socket is ever
 * opened in it. When the lab closes, or the process ends however it ends, the kernel takes every namespace
 * down.
 *
 * <p>After each change the backend waits, a bounded time, until the kernel's view is settled (see
 * {@link Settled}), so that what the learner sees next does not depend on timing.
 */
public final class KernelBackend implements Backend {

    private static final long SETTLE_NANOS = 5_000_000_000L;
    private static final long POLL_MILLIS = 5;

    private static final int ENOBUFS = 105;

    /** Host, upstream, then the learner's namespaces, oldest first. */
    private final Map<String, LabNamespace> all = new LinkedHashMap<>();
    /** Holds the kernel's packet timestamps on for the lab's life, for the journeys of its pings. */
    private Optional<PacketSocket> stamping = Optional.empty();
    /** The lab's packets since it began: a socket in each namespace, for downloads and pings' journeys. */
    private final PacketHistory packets = new PacketHistory();
    private final List<String> learners = new ArrayList<>();
    private int settleTimeouts;
    private List<String> lastUnsettled = List.of();
    private boolean closed;
    /** Bumped by what may count in a NAT rule's counters (the first packet of a ping or a connection). */
    private long traffic;
    private final Map<LabNamespace, Shown> shown = new HashMap<>();
    /** The links whose IPv6 link-local a learner deleted while they were up, until they are down again. */
    private final Map<LabNamespace, Set<Integer>> inet6Deleted = new HashMap<>();

    /**
     * Why kernel mode cannot run here, in one line (not Linux; not root, or a capability missing; jnr-ffi's
     * native library missing; namespaces refused); empty when it can.
     */
    public static Optional<String> unavailableReason() {
        return Availability.unavailableReason();
    }

    /**
     * Makes a lab: a fresh host and upstream, then the world of {@link LabWorld} built through this backend.
     *
     * @throws IllegalStateException when kernel mode cannot run here, with {@link #unavailableReason()}
     */
    public KernelBackend() throws KernelException {
        Optional<String> why = unavailableReason();
        if (why.isPresent()) {
            throw new IllegalStateException(why.get());
        }
        try {
            all.put(HOST, create(HOST));
            all.put(UPSTREAM, create(UPSTREAM));
            stamping = PingJourneys.stamping(all.get(HOST));
            packets.watch(all.get(HOST));
            packets.watch(all.get(UPSTREAM));
            LabWorld.build(this);
        } catch (KernelException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "kernel";
    }

    // ------------------------------------------------------------------------------------------ namespaces

    @Override
    public synchronized void addNamespace(String name) throws KernelException {
        if (all.containsKey(name)) {
            throw new KernelException(Errno.EEXIST);
        }
        LabNamespace n = create(name);
        all.put(name, n);
        learners.add(name);
        packets.watch(n);
        drain(n);
    }

    @Override
    public synchronized void deleteNamespace(String name) throws KernelException {
        if (!learners.contains(name)) {
            throw new KernelException(Errno.ENOENT);
        }
        LabNamespace gone = all.get(name);
        Map<LabNamespace, Integer> idsForGone = new HashMap<>();
        Map<LabNamespace, List<Integer>> peersOfGone = new HashMap<>();
        for (LabNamespace other : all.values()) {
            if (other == gone) {
                continue;
            }
            drain(other);
            Integer id = other.mirror.ids.get(gone);
            if (id != null) {
                idsForGone.put(other, id);
                peersOfGone.put(other, other.mirror.links.values().stream()
                        .filter(l -> l.linkNetnsId().equals(Optional.of(id))).map(LinkMessage::index).toList());
            }
        }
        all.remove(name);
        learners.remove(name);
        shown.remove(gone);
        all.values().forEach(o -> o.mirror.idsVersion++);
        packets.forget(gone);
        gone.close();
        // the kernel takes the namespace down on its own time: its veths' peers and its ids go then, as the
        // monitors of the others hear
        long deadline = System.nanoTime() + SETTLE_NANOS;
        for (Map.Entry<LabNamespace, Integer> e : idsForGone.entrySet()) {
            LabNamespace other = e.getKey();
            while (true) {
                drain(other);
                Mirror m = other.mirror;
                boolean left = m.ids.containsKey(gone) || peersOfGone.get(other).stream().anyMatch(m.links::containsKey);
                if (!left || System.nanoTime() >= deadline) {
                    break;
                }
                await(List.of(other));
            }
            other.mirror.ids.remove(gone);
            other.mirror.idsVersion++;
        }
        Map<LabNamespace, Set<Integer>> touched = new LinkedHashMap<>();
        peersOfGone.keySet().forEach(o -> touched.put(o, new LinkedHashSet<>()));
        settle(touched);
    }

    @Override
    public synchronized List<String> namespaces() {
        return List.copyOf(learners);
    }

    // ------------------------------------------------------------------------------------------ links

    @Override
    public synchronized void addVeth(String ns, String name, String peer, Optional<String> peerNamespace)
            throws KernelException {
        LabNamespace n = ns(ns);
        Optional<LabNamespace> p = peerNamespace.isPresent() ? Optional.of(ns(peerNamespace.get())) : Optional.empty();
        int fd = p.map(x -> x.fd.fd()).orElse(-1);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.newVeth(seq, name, peer, fd));
        Map<LabNamespace, Set<Integer>> touched = new LinkedHashMap<>();
        touched.put(n, new LinkedHashSet<>());
        p.ifPresent(x -> touched.putIfAbsent(x, new LinkedHashSet<>()));
        settle(touched);
    }

    @Override
    public synchronized void addBridge(String ns, String name) throws KernelException {
        LabNamespace n = ns(ns);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.newBridge(seq, name));
        settle(touching(n));
    }

    @Override
    public synchronized void setLinkUp(String ns, String device, boolean up) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        Map<LabNamespace, Set<Integer>> touched = touching(n, l.index());
        peerIfUp(n, l).ifPresent(p -> touched.computeIfAbsent(p.namespace(), x -> new LinkedHashSet<>()).add(p.index()));
        sameNamespacePeerIfUp(n, l).ifPresent(touched.get(n)::add);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setUp(seq, l.index(), up));
        settle(touched);
    }

    @Override
    public synchronized void setLinkNamespace(String ns, String device, String target) throws KernelException {
        LabNamespace n = ns(ns);
        LabNamespace t = ns(target);
        LinkMessage l = link(n, device);
        Map<LabNamespace, Set<Integer>> touched = touching(n);
        touched.putIfAbsent(t, new LinkedHashSet<>());
        if (l.adminUp()) {
            peerIfUp(n, l).ifPresent(p -> touched.computeIfAbsent(p.namespace(), x -> new LinkedHashSet<>())
                    .add(p.index()));
        }
        // the end left behind points elsewhere now, which the kernel tells only when asked
        l.link().filter(peer -> l.linkNetnsId().isEmpty()).ifPresent(touched.get(n)::add);
        Optional<End> otherEnd = otherEnd(n, l);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setNamespace(seq, l.index(), t.fd.fd()));
        otherEnd.ifPresent(e -> e.namespace().mirror.peerMoved.add(e.index()));
        settle(touched);
    }

    @Override
    public synchronized void setAddress(String ns, String device, MacAddress mac) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        Map<LabNamespace, Set<Integer>> touched = touching(n, l.index());
        // a bridge may take its port's address
        if (l.master() != 0) {
            touched.get(n).add(l.master());
        }
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setAddress(seq, l.index(), mac.toBytes()));
        settle(touched);
    }

    @Override
    public synchronized void setName(String ns, String device, String name) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        Map<LabNamespace, Set<Integer>> touched = touching(n, l.index());
        // a peer here shows the new name after its @, and ports their master's
        l.link().filter(peer -> l.linkNetnsId().isEmpty()).ifPresent(touched.get(n)::add);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setName(seq, l.index(), name));
        settle(touched);
    }

    @Override
    public synchronized void setAlias(String ns, String device, String alias) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setAlias(seq, l.index(), alias));
        settle(touching(n, l.index()));
    }

    @Override
    public synchronized void setFlags(String ns, String device, LinkFlagChange change) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        int[] flags = new int[2];
        change.multicast().ifPresent(on -> flag(flags, IfInfoMsg.IFF_MULTICAST, on));
        change.noArp().ifPresent(on -> flag(flags, IfInfoMsg.IFF_NOARP, on));
        change.allMulticast().ifPresent(on -> flag(flags, IfInfoMsg.IFF_ALLMULTI, on));
        change.promisc().ifPresent(on -> flag(flags, IfInfoMsg.IFF_PROMISC, on));
        change.dynamic().ifPresent(on -> flag(flags, IfInfoMsg.IFF_DYNAMIC, on));
        change.noTrailers().ifPresent(on -> flag(flags, IfInfoMsg.IFF_NOTRAILERS, on));
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setFlags(seq, l.index(), flags[0], flags[1]));
        settle(touching(n, l.index()));
    }

    /** One flag into {@code ifi_flags} (flags[0]) and {@code ifi_change} (flags[1]), as iproute2 puts it. */
    private static void flag(int[] flags, int flag, boolean on) {
        flags[1] |= flag;
        if (on) {
            flags[0] |= flag;
        } else {
            flags[0] &= ~flag;
        }
    }

    @Override
    public synchronized void setTxQueueLen(String ns, String device, int txQueueLen) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setTxQueueLen(seq, l.index(), txQueueLen));
        settle(touching(n, l.index()));
    }

    @Override
    public synchronized void setMtu(String ns, String device, int mtu) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        Map<LabNamespace, Set<Integer>> touched = touching(n, l.index());
        // a bridge may follow its port's mtu
        if (l.master() != 0) {
            touched.get(n).add(l.master());
        }
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setMtu(seq, l.index(), mtu));
        settle(touched);
    }

    @Override
    public synchronized void setMaster(String ns, String device, Optional<String> bridge) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        int master = bridge.isPresent() ? link(n, bridge.get()).index() : 0;
        Map<LabNamespace, Set<Integer>> touched = touching(n, l.index());
        if (l.master() != 0) {
            touched.get(n).add(l.master());
        }
        if (master != 0) {
            touched.get(n).add(master);
        }
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setMaster(seq, l.index(), master));
        settle(touched);
    }

    @Override
    public synchronized void deleteLink(String ns, String device) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        Map<LabNamespace, Set<Integer>> touched = touching(n, l.index());
        if (l.master() != 0) {
            touched.get(n).add(l.master());
        }
        peerIfUp(n, l).ifPresent(p -> touched.computeIfAbsent(p.namespace(), x -> new LinkedHashSet<>()).add(p.index()));
        NetlinkCalls.ack(n.route, seq -> LinkMessage.delete(seq, l.index()));
        settle(touched);
    }

    // ------------------------------------------------------------------------------------------ neighbours

    @Override
    public synchronized List<RoutingRule> routingRules(String ns) throws KernelException {
        return NetlinkCalls.dump(ns(ns).route, RuleMessage::dump).stream()
                .filter(m -> m.type() == NlMsgType.RTM_NEWRULE)
                .map(RuleMessage::parse)
                .map(r -> new RoutingRule(r.priority(), r.table()))
                .toList();
    }

    @Override
    public synchronized List<Neighbour> neighbours(String ns) throws KernelException {
        return Neighbours.dump(ns(ns).route);
    }

    @Override
    public synchronized void setNeighbour(String ns, NeighbourRequest request) throws KernelException {
        LabNamespace n = ns(ns);
        Neighbours.set(n.route, link(n, request.device()).index(), request);
    }

    @Override
    public synchronized void deleteNeighbour(String ns, String device, Ipv4Address address) throws KernelException {
        LabNamespace n = ns(ns);
        Neighbours.delete(n.route, link(n, device).index(), address);
    }

    // ------------------------------------------------------------------------------------------ bridges

    @Override
    public synchronized List<BridgePort> bridgePorts(String ns) throws KernelException {
        return Bridges.ports(ns(ns).route);
    }

    @Override
    public synchronized void setBridgeOptions(String ns, String bridge, BridgeOptions options)
            throws KernelException {
        LabNamespace n = ns(ns);
        int index = link(n, bridge).index();
        Bridges.changelink(n.route, index, options);
        settle(touching(n, index));
    }

    @Override
    public synchronized List<FdbEntry> fdb(String ns) throws KernelException {
        return Bridges.fdb(ns(ns).route);
    }

    @Override
    public synchronized void deleteFdb(String ns, String device, MacAddress mac, boolean self) throws KernelException {
        LabNamespace n = ns(ns);
        Bridges.delete(n.route, link(n, device).index(), mac, self);
    }

    // ------------------------------------------------------------------------------------------ addresses, routes

    @Override
    public synchronized void addAddress(String ns, String device, Ipv4Cidr address) throws KernelException {
        LabNamespace n = ns(ns);
        int index = link(n, device).index();
        NetlinkCalls.ack(n.route, seq -> AddressMessage.add(seq, index, address));
        settle(touching(n));
    }

    @Override
    public synchronized void addAddress(String ns, String device, Ipv4Cidr address, Optional<Ipv4Address> broadcast,
            Optional<String> label) throws KernelException {
        LabNamespace n = ns(ns);
        int index = link(n, device).index();
        NetlinkCalls.ack(n.route, seq -> AddressMessage.add(seq, index, address, broadcast, label));
        settle(touching(n));
    }

    @Override
    public synchronized void deleteAddress(String ns, String device, Ipv4Cidr address) throws KernelException {
        LabNamespace n = ns(ns);
        int index = link(n, device).index();
        NetlinkCalls.ack(n.route, seq -> AddressMessage.delete(seq, index, address));
        settle(touching(n));
    }

    @Override
    public synchronized void deleteInet6Address(String ns, String device, String prefix) throws KernelException {
        LabNamespace n = ns(ns);
        int index = link(n, device).index();
        int slash = prefix.indexOf('/');
        byte[] address;
        try {
            // a literal IPv6 address: no name is looked up
            address = java.net.InetAddress.getByName(prefix.substring(0, slash)).getAddress();
        } catch (java.net.UnknownHostException | StringIndexOutOfBoundsException e) {
            throw new KernelException(Errno.EINVAL);
        }
        int length = Integer.parseInt(prefix.substring(slash + 1));
        NetlinkCalls.ack(n.route, seq -> AddressMessage.deleteInet6(seq, index, address, length));
        inet6Deleted.computeIfAbsent(n, x -> new HashSet<>()).add(index);
        settle(touching(n));
    }

    @Override
    public synchronized void addRoute(String ns, RouteSpec route) throws KernelException {
        LabNamespace n = ns(ns);
        int oif = route.device().isPresent() ? link(n, route.device().get()).index() : 0;
        NetlinkCalls.ack(n.route, seq -> RouteMessage.add(seq, route.destination(), route.gateway(), oif));
        settle(touching(n));
    }

    @Override
    public synchronized void deleteRoute(String ns, RouteSpec route) throws KernelException {
        LabNamespace n = ns(ns);
        int oif = route.device().isPresent() ? link(n, route.device().get()).index() : 0;
        if (route.plain()) {
            NetlinkCalls.ack(n.route, seq -> RouteMessage.delete(seq, route.destination(), route.gateway(), oif));
        } else {
            NetlinkCalls.ack(n.route, seq -> RouteMessage.modify(seq, true, 0,
                    route.type().map(KernelBackend::rtn).orElse(RtMsg.RTN_UNSPEC),
                    route.protocol().map(KernelBackend::rtprot).orElse(RtMsg.RTPROT_UNSPEC),
                    route.scopeFor(true).value(), route.onlink(), route.destination(), route.gateway(), oif,
                    route.metric(), route.preferredSource()));
        }
        settle(touching(n));
    }

    @Override
    public synchronized void modifyRoute(String ns, RouteSpec route, RouteModify mode) throws KernelException {
        LabNamespace n = ns(ns);
        int oif = route.device().isPresent() ? link(n, route.device().get()).index() : 0;
        int flags = (mode.create ? NlmFlags.CREATE : 0) | (mode.exclusive ? NlmFlags.EXCL : 0)
                | (mode.replace ? NlmFlags.REPLACE : 0) | (mode.append ? NlmFlags.APPEND : 0);
        NetlinkCalls.ack(n.route, seq -> RouteMessage.modify(seq, false, flags,
                rtn(route.type().orElse(RouteType.UNICAST)), rtprot(route.protocol().orElse(RouteProtocol.BOOT)),
                route.scopeFor(false).value(), route.onlink(), route.destination(), route.gateway(), oif,
                route.metric(), route.preferredSource()));
        if (mode.replace) {
            // a replaced route is notified as a new one only: the link it left hears nothing of it
            n.mirror.staleRoutes.addAll(n.mirror.routes.keySet());
        }
        settle(touching(n));
        if (mode.replace || mode == RouteModify.PREPEND) {
            n.mirror.heardInOrder(mainRoutes(n));
        }
    }

    private static int rtn(RouteType type) {
        return switch (type) {
            case UNICAST -> RtMsg.RTN_UNICAST;
            case LOCAL -> RtMsg.RTN_LOCAL;
            case BROADCAST -> RtMsg.RTN_BROADCAST;
            case BLACKHOLE -> RtMsg.RTN_BLACKHOLE;
            case UNREACHABLE -> RtMsg.RTN_UNREACHABLE;
            case PROHIBIT -> RtMsg.RTN_PROHIBIT;
            case THROW -> RtMsg.RTN_THROW;
        };
    }

    private static int rtprot(RouteProtocol protocol) {
        return switch (protocol) {
            case KERNEL -> RtMsg.RTPROT_KERNEL;
            case BOOT -> RtMsg.RTPROT_BOOT;
            case STATIC -> RtMsg.RTPROT_STATIC;
        };
    }

    @Override
    public synchronized RouteLookup getRoute(String ns, Ipv4Address destination, Optional<Ipv4Address> from,
            Optional<String> inputInterface) throws KernelException {
        LabNamespace n = ns(ns);
        int iif = inputInterface.isPresent() ? link(n, inputInterface.get()).index() : 0;
        RouteMessage r = RouteMessage.parse(NetlinkCalls.get(n.route,
                seq -> RouteMessage.get(seq, destination, from, iif)));
        String device = r.outputInterface() == 0 ? "" : link(n, r.outputInterface()).name();
        return new RouteLookup(Views.routeType(r.header().type()), destination, from, r.gateway(), device,
                r.preferredSource(), inputInterface);
    }

    // ------------------------------------------------------------------------------------------ forwarding, NAT

    @Override
    public synchronized void setIpForward(String ns, int value) throws KernelException {
        LabNamespace n = ns(ns);
        try {
            n.ipForward.write(Integer.toString(value));
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        } finally {
            shown(n).forward = null;
        }
    }

    @Override
    public synchronized Optional<Integer> sysctl(String ns, SysctlKey key) {
        LabNamespace n = all.get(ns);
        return n == null ? Optional.empty() : Sysctls.read(n, key);
    }

    @Override
    public synchronized void setSysctl(String ns, SysctlKey key, int value) throws KernelException {
        LabNamespace n = ns(ns);
        try {
            Sysctls.write(n, key, value);
        } finally {
            // ip_forward and conf.all.forwarding are one setting in devinet.c: the view reads it again
            shown(n).forward = null;
        }
    }

    @Override
    public synchronized void appendMasquerade(String ns, NatRule rule) throws KernelException {
        LabNamespace n = ns(ns);
        try {
            Masquerade.append(n.netfilter, rule);
        } finally {
            shown(n).nat = null;
        }
    }

    @Override
    public synchronized void deleteMasquerade(String ns, NatRule rule) throws KernelException {
        LabNamespace n = ns(ns);
        try {
            Masquerade.delete(n.netfilter, rule);
        } finally {
            shown(n).nat = null;
        }
    }

    @Override
    public synchronized void flushNat(String ns) throws KernelException {
        LabNamespace n = ns(ns);
        try {
            Masquerade.flush(n.netfilter);
        } finally {
            shown(n).nat = null;
        }
    }

    // ------------------------------------------------------------------------------------------ netfilter

    /** One change of NS's netfilter tables; the view's NAT summary is made again after it, whatever happened. */
    private void changeNetfilter(String ns, NetfilterChange change) throws KernelException {
        LabNamespace n = ns(ns);
        try {
            change.apply(n.netfilter);
        } finally {
            shown(n).nat = null;
        }
    }

    @FunctionalInterface
    private interface NetfilterChange {
        void apply(NetlinkSocket netfilter) throws KernelException;
    }

    @Override
    public synchronized Ruleset netfilter(String ns) throws KernelException {
        return Netfilter.read(ns(ns).netfilter);
    }

    @Override
    public synchronized void appendRule(String ns, Table table, String chain, Rule rule) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.append(s, table, chain, rule));
    }

    @Override
    public synchronized void insertRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.insert(s, table, chain, position, rule));
    }

    @Override
    public synchronized void deleteRule(String ns, Table table, String chain, int position) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.delete(s, table, chain, position));
    }

    @Override
    public synchronized void replaceRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.replace(s, table, chain, position, rule));
    }

    @Override
    public synchronized void newChain(String ns, Table table, String chain) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.newChain(s, table, chain));
    }

    @Override
    public synchronized void deleteChain(String ns, Table table, Optional<String> chain) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.deleteChain(s, table, chain));
    }

    @Override
    public synchronized void renameChain(String ns, Table table, String chain, String newName) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.rename(s, table, chain, newName));
    }

    @Override
    public synchronized void setPolicy(String ns, Table table, String chain, Policy policy) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.policy(s, table, chain, policy));
    }

    @Override
    public synchronized void flushChain(String ns, Table table, Optional<String> chain) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.flush(s, table, chain));
    }

    @Override
    public synchronized void zeroCounters(String ns, Table table, Optional<String> chain, Optional<Integer> position) throws KernelException {
        changeNetfilter(ns, s -> Netfilter.zero(s, table, chain, position));
    }

    // ------------------------------------------------------------------------------------------ ping

    @Override
    public synchronized PingResult ping(String ns, PingRequest request) throws KernelException {
        LabNamespace n = ns(ns);
        traffic++;
        DropCounters.Since since = DropCounters.since(all, KernelBackend::rulesWithCounters);
        return Pinger.ping(n, request, () -> PingJourneys.open(packets, this::namespace, ns, since::why));
    }

    private static Optional<Ruleset> rulesWithCounters(LabNamespace n) {
        try {
            return Optional.of(Netfilter.read(n.netfilter));
        } catch (KernelException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------------------ captures

    @Override
    public synchronized Capture capture(String ns, String device) throws KernelException {
        LabNamespace n = ns(ns);
        int ifindex = 0;
        if (!device.equals("any")) {
            ifindex = namespace(ns).flatMap(s -> s.link(device)).map(Link::index)
                    .orElseThrow(() -> new KernelException(Errno.ENODEV));
        }
        return Capturer.open(n, ifindex, i -> namespace(ns).flatMap(s -> s.link(i)).map(l -> l.name()).orElse(null));
    }

    /**
     * The frames the namespace's packet socket read on the device since the namespace was made (each under the
     * name its device had when it was read), oldest first; empty for a namespace whose socket could not open.
     */
    @Override
    public synchronized List<CapturedFrame> history(String ns, String device) {
        return history(ns, device, 0);
    }

    @Override
    public synchronized long historyMark() {
        return closed ? 0 : packets.mark();
    }

    @Override
    public synchronized List<CapturedFrame> history(String ns, String device, long mark) {
        LabNamespace n = all.get(ns);
        return n == null || closed ? List.of() : packets.of(n, device, mark);
    }

    // ------------------------------------------------------------------------------------------ TCP

    @Override
    public synchronized Listener listen(String ns, int port) throws KernelException {
        return Tcp.listen(ns(ns), port);
    }

    @Override
    public synchronized Connection connect(String ns, Ipv4Address address, int port) throws KernelException {
        LabNamespace n = ns(ns);
        traffic++;
        return Tcp.connect(n, address, port);
    }

    @Override
    public synchronized List<InetSock> tcpSockets(String ns) throws KernelException {
        return SockDiag.tcp(ns(ns));
    }

    // ------------------------------------------------------------------------------------------ state

    @Override
    public synchronized Optional<NamespaceState> namespace(String ns) {
        LabNamespace n = all.get(ns);
        if (n == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(view(n));
        } catch (KernelException e) {
            throw new IllegalStateException("the kernel refused to show namespace " + ns + ": " + e.getMessage(), e);
        }
    }

    /**
     * Link {@code name} as the tools look a name up before they act ({@code if_nametoindex}): from what the
     * namespace's mirror heard, without a view of every link, and numbering nothing. A veth whose peer moved
     * since it was last looked at is looked at as a view does.
     */
    @Override
    public synchronized Optional<Link> link(String ns, String name) {
        LabNamespace n = all.get(ns);
        if (n == null) {
            return Optional.empty();
        }
        try {
            drain(n);
            Optional<LinkMessage> l = n.mirror.link(name);
            if (l.isEmpty()) {
                return Optional.empty();
            }
            if (n.mirror.peerMoved.contains(l.get().index())) {
                return view(n).link(name);
            }
            Map<Integer, LabNamespace> idNamespaces = new HashMap<>();
            if (l.get().linkNetnsId().isPresent()) {
                n.mirror.ids.forEach((other, id) -> idNamespaces.put(id, other));
            }
            return Optional.of(made(n, shown(n), l.get(), idNamespaces));
        } catch (KernelException e) {
            throw new IllegalStateException("the kernel refused to show namespace " + ns + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void setNetnsId(String ns, String peer, int id) throws KernelException {
        LabNamespace n = ns(ns);
        LabNamespace other = ns(peer);
        if (n == other) {
            throw new KernelException(Errno.EOPNOTSUPP); // as on the simulator: not part of the lab
        }
        NetlinkCalls.ack(n.route, seq -> NsidMessage.set(seq, other.fd.fd(), id));
        drain(n); // the mirror hears the new id (RTM_NEWNSID) and finds whose it is
    }

    @Override
    public synchronized Map<String, Integer> netnsIds(String ns) {
        LabNamespace n = all.get(ns);
        if (n == null) {
            return Map.of();
        }
        try {
            // ip netns list asks each id (RTM_GETNSID), which numbers nothing; a look at links (as look() does
            // for a veth whose peer moved) would number the peer's namespace where the real tool does not
            Map<String, Integer> ids = new LinkedHashMap<>();
            for (LabNamespace other : all.values()) {
                if (other != n) {
                    Optional<Integer> id = nsid(n, other);
                    if (id.isPresent()) {
                        ids.put(other.name, id.get());
                    }
                }
            }
            return Map.copyOf(ids);
        } catch (KernelException e) {
            throw new IllegalStateException("the kernel refused the netns ids of " + ns + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized LabState snapshot() {
        packets.read(); // often enough that no socket's buffer fills between two steps
        List<NamespaceState> states = new ArrayList<>();
        try {
            for (LabNamespace n : all.values()) {
                states.add(view(n));
            }
        } catch (KernelException e) {
            throw new IllegalStateException("the kernel refused a dump: " + e.getMessage(), e);
        }
        return new LabState(List.copyOf(learners), List.copyOf(states));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stamping.ifPresent(PacketSocket::close);
        packets.close();
        List<LabNamespace> namespaces = new ArrayList<>(all.values());
        all.clear();
        learners.clear();
        for (LabNamespace n : namespaces) {
            n.close();
        }
    }

    /**
     * The descriptor that holds a namespace of the lab, for tests that look at it with the real tools
     * ({@code nsenter --net=/proc/PID/fd/FD}).
     */
    synchronized int namespaceDescriptor(String ns) {
        LabNamespace n = all.get(ns);
        if (n == null) {
            throw new IllegalArgumentException("no namespace " + ns);
        }
        return n.fd.fd();
    }

    /**
     * One namespace as dumps of everything show it, without the mirrors (for tests, to hold the mirrors to).
     * Its links name their peers from dumps of the other namespaces too. A dump numbers the namespaces of
     * veths' peers, as any dump does.
     */
    synchronized NamespaceState dumped(String ns) throws KernelException {
        LabNamespace n = all.get(ns);
        Map<LabNamespace, List<LinkMessage>> dumps = new HashMap<>();
        for (LabNamespace other : all.values()) {
            dumps.put(other, NetlinkCalls.dump(other.route, LinkMessage::dump).stream()
                    .filter(m -> m.type() == NlMsgType.RTM_NEWLINK).map(LinkMessage::parse).toList());
        }
        Map<Integer, String> idNames = new HashMap<>();
        for (LabNamespace other : all.values()) {
            if (other != n) {
                nsid(n, other).ifPresent(id -> idNames.put(id, other.name));
            }
        }
        Views.Peers peers = new Views.Peers() {
            @Override
            public Optional<String> namespaceOf(int nsid) {
                return Optional.ofNullable(idNames.get(nsid));
            }

            @Override
            public Optional<LabNamespace.PeerView> link(String namespace, int index) {
                LabNamespace other = all.get(namespace);
                return other == null ? Optional.empty() : dumps.get(other).stream().filter(l -> l.index() == index)
                        .findFirst().map(l -> new LabNamespace.PeerView(l.name(), l.adminUp()));
            }
        };
        List<LinkMessage> links = dumps.get(n);
        List<AddressMessage> addresses = NetlinkCalls.dump(n.route, AddressMessage::dump).stream()
                .filter(m -> m.type() == NlMsgType.RTM_NEWADDR).map(AddressMessage::parse).toList();
        List<RouteMessage> routes = NetlinkCalls.dump(n.route, RouteMessage::dump).stream()
                .filter(m -> m.type() == NlMsgType.RTM_NEWROUTE).map(RouteMessage::parse).toList();
        int forward;
        try {
            forward = Integer.parseInt(n.ipForward.read().strip());
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        }
        Map<String, Integer> ids = new HashMap<>();
        idNames.forEach((id, name) -> ids.put(name, id));
        return new NamespaceState(n.name, Views.links(links, peers), Views.addresses(addresses, links),
                Views.routes(routes, links), forward, Masquerade.read(n.netfilter), Map.copyOf(ids),
                Views.routes(routes, links, RtMsg.RT_TABLE_LOCAL));
    }

    /** How many times a change did not settle in time since the lab began (for tests). */
    synchronized int settleTimeouts() {
        return settleTimeouts;
    }

    /** What was still moving the last time a change did not settle (for tests). */
    synchronized List<String> lastUnsettled() {
        return lastUnsettled;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static LabNamespace create(String name) throws KernelException {
        try {
            return LabNamespace.create(name);
        } catch (SyscallException e) {
            if (e.errno() == Errno.EMFILE.number() || e.errno() == Errno.ENFILE.number()) {
                // each namespace holds a few descriptors (its fd, two netlink sockets, a proc file)
                throw new LabLimitException("the machine lets this process open no more files ("
                        + Errno.of(e.errno()).orElseThrow().message() + "), so this lab can hold no more "
                        + "namespaces; delete one, or raise 'ulimit -n' for netns-lab");
            }
            throw NetlinkCalls.failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LabNamespace ns(String name) throws KernelException {
        if (closed) {
            throw new IllegalStateException("the lab is closed");
        }
        LabNamespace n = all.get(name);
        if (n == null) {
            throw new KernelException(Errno.ENOENT);
        }
        return n;
    }

    /**
     * A link by name, as the namespace's mirror knows it: what changed since the last change settled came from
     * the kernel's deferred work, which names, numbers and moves nothing. The kernel is asked only for a name
     * the mirror does not know, to say what it says of it.
     */
    private LinkMessage link(LabNamespace n, String device) throws KernelException {
        if (n.mirror.lost) {
            drain(n);
        }
        Optional<LinkMessage> known = n.mirror.link(device);
        if (known.isPresent() && !n.mirror.peerMoved.contains(known.get().index())) {
            return known.get();
        }
        LinkMessage asked = LinkMessage.parse(NetlinkCalls.get(n.route, seq -> LinkMessage.get(seq, device)));
        n.mirror.put(asked);
        n.mirror.peerMoved.remove(asked.index());
        return asked;
    }

    private static LinkMessage link(LabNamespace n, int index) throws KernelException {
        return LinkMessage.parse(NetlinkCalls.get(n.route, seq -> LinkMessage.get(seq, index)));
    }

    /** The id {@code viewer} gives {@code other}, if it gave one; asking allocates none. */
    private static Optional<Integer> nsid(LabNamespace viewer, LabNamespace other) throws KernelException {
        NsidMessage m = NsidMessage.parse(NetlinkCalls.get(viewer.route, seq -> NsidMessage.get(seq, other.fd.fd())));
        return m.assigned() ? Optional.of(m.nsid()) : Optional.empty();
    }

    private static Map<String, Integer> names(Map<LabNamespace, Integer> ids) {
        Map<String, Integer> out = new HashMap<>();
        ids.forEach((n, id) -> out.put(n.name, id));
        return Map.copyOf(out);
    }

    /** A veth's other end, by its namespace and its index there. */
    private record End(LabNamespace namespace, int index) {}

    /**
     * The other end of a veth, when it is in another namespace and up: a carrier change there is for the
     * kernel to finish too.
     */
    private Optional<End> peerIfUp(LabNamespace n, LinkMessage l) throws KernelException {
        if (l.linkNetnsId().isEmpty() || l.link().isEmpty()) {
            return Optional.empty();
        }
        drain(n);
        Optional<LabNamespace> other = namespaceOf(n, l.linkNetnsId().get());
        if (other.isEmpty()) {
            return Optional.empty();
        }
        drain(other.get());
        Optional<LinkMessage> peer = other.get().mirror.link(l.link().get());
        return peer.isPresent() && peer.get().adminUp() ? Optional.of(new End(other.get(), l.link().get()))
                : Optional.empty();
    }

    /** The other end of a veth in the same namespace, when it is up: only then does its carrier change too. */
    private static Optional<Integer> sameNamespacePeerIfUp(LabNamespace n, LinkMessage l) {
        if (l.linkNetnsId().isPresent() || l.link().isEmpty()) {
            return Optional.empty();
        }
        return n.mirror.link(l.link().get()).filter(LinkMessage::adminUp).map(LinkMessage::index);
    }

    /** The other end of a veth in another namespace of the lab, up or not. */
    private Optional<End> otherEnd(LabNamespace n, LinkMessage l) throws KernelException {
        if (l.linkNetnsId().isEmpty() || l.link().isEmpty()) {
            return Optional.empty();
        }
        drain(n);
        return namespaceOf(n, l.linkNetnsId().get()).map(other -> new End(other, l.link().get()));
    }

    private Optional<LabNamespace> namespaceOf(LabNamespace viewer, int nsid) {
        for (Map.Entry<LabNamespace, Integer> e : viewer.mirror.ids.entrySet()) {
            if (e.getValue() == nsid) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static Map<LabNamespace, Set<Integer>> touching(LabNamespace n, int... indexes) {
        Map<LabNamespace, Set<Integer>> touched = new LinkedHashMap<>();
        Set<Integer> links = new LinkedHashSet<>();
        for (int i : indexes) {
            links.add(i);
        }
        touched.put(n, links);
        return touched;
    }

    // ------------------------------------------------------------------------------------------ the mirrors

    /**
     * Reads what the namespace's monitor heard into its mirror; a namespace whose notifications were lost (or
     * never read: a fresh one) is read whole. The ids it gave that are new are attributed.
     */
    private void drain(LabNamespace n) throws KernelException {
        Mirror m = n.mirror;
        while (true) {
            ByteBuffer b;
            try {
                b = n.monitor.receiveNow();
            } catch (SyscallException e) {
                if (e.errno() != ENOBUFS) {
                    throw NetlinkCalls.failure(e);
                }
                m.lost = true;
                continue;
            }
            if (b == null) {
                break;
            }
            for (Message msg : Message.parseAll(b)) {
                m.apply(msg);
            }
        }
        if (m.lost) {
            m.lost = false;
            m.clear();
            for (Message msg : NetlinkCalls.dump(n.route, LinkMessage::dump)) {
                m.apply(msg);
            }
            for (int index : m.links.keySet()) {
                m.staleAddresses.add(index);
                m.staleRoutes.add(index);
            }
            m.ids.clear();
            m.unattributedIds.clear();
            for (LabNamespace other : all.values()) {
                if (other != n) {
                    Optional<Integer> id = nsid(n, other);
                    id.ifPresent(i -> m.ids.put(other, i));
                }
            }
            m.linkVersion++;
            m.idsVersion++;
        }
        attribute(n);
    }

    /** Finds which namespace of the lab each new id stands for: the newest namespaces first, as they come. */
    private void attribute(LabNamespace n) throws KernelException {
        Mirror m = n.mirror;
        if (m.unattributedIds.isEmpty()) {
            return;
        }
        List<LabNamespace> others = new ArrayList<>(all.values());
        Collections.reverse(others);
        for (LabNamespace other : others) {
            if (m.unattributedIds.isEmpty()) {
                break;
            }
            if (other == n || m.ids.containsKey(other)) {
                continue;
            }
            Optional<Integer> id = nsid(n, other);
            if (id.isPresent() && m.unattributedIds.remove(id.get())) {
                m.ids.put(other, id.get());
                m.linkVersion++;
                m.idsVersion++;
            }
        }
        // an id for a namespace outside the lab names nothing a learner sees
        m.unattributedIds.clear();
    }

    /** The mirror made current for a look: what was heard, and what notifications do not tell, read. */
    private void look(LabNamespace n) throws KernelException {
        drain(n);
        Mirror m = n.mirror;
        if (!m.peerMoved.isEmpty()) {
            List<Integer> moved = new ArrayList<>(m.peerMoved);
            m.peerMoved.clear();
            Collections.sort(moved);
            for (int index : moved) {
                ask(n, index);
            }
            drain(n);
        }
        for (int index : new ArrayList<>(m.staleAddresses)) {
            if (!m.links.containsKey(index)) {
                m.staleAddresses.remove(index);
                continue;
            }
            m.replaceAddresses(index, NetlinkCalls.dump(n.route, seq -> AddressMessage.dumpLink(seq, index)).stream()
                    .filter(x -> x.type() == NlMsgType.RTM_NEWADDR).map(AddressMessage::parse)
                    .filter(a -> a.index() == index).toList());
        }
        for (int oif : new ArrayList<>(m.staleRoutes)) {
            refreshRoutes(n, oif);
        }
    }

    private static void refreshRoutes(LabNamespace n, int oif) throws KernelException {
        Mirror m = n.mirror;
        if (oif == 0 || !m.links.containsKey(oif)) {
            m.replaceRoutes(oif, oif == 0 ? mainRoutes(n).stream().filter(r -> r.outputInterface() == 0).toList()
                    : List.of());
            return;
        }
        List<Message> read;
        try {
            read = NetlinkCalls.dump(n.route, seq -> RouteMessage.dumpMain(seq, oif));
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
            // a namespace has no main table until its first address or route
            read = List.of();
        }
        m.replaceRoutes(oif, read.stream()
                .filter(x -> x.type() == NlMsgType.RTM_NEWROUTE).map(RouteMessage::parse)
                .filter(r -> r.table() == RtMsg.RT_TABLE_MAIN && !r.cloned() && r.outputInterface() == oif
                        && r.header().family() == Family.AF_INET)
                .toList());
    }

    private static List<RouteMessage> mainRoutes(LabNamespace n) throws KernelException {
        return NetlinkCalls.dump(n.route, RouteMessage::dump).stream()
                .filter(x -> x.type() == NlMsgType.RTM_NEWROUTE).map(RouteMessage::parse)
                .filter(r -> r.table() == RtMsg.RT_TABLE_MAIN && !r.cloned() && r.header().family() == Family.AF_INET)
                .toList();
    }

    /**
     * Waits, a bounded time, until each namespace's view is settled: for the links a change touched, those the
     * kernel spoke of since, and the bridges they are ports of. Each of them is asked for first
     * ({@code rtnl_getlink} runs its pending linkwatch event), as the kernel soon does on its own when it is not
     * busy: a veth made and moved away at once would otherwise keep a state that depends on how busy it was.
     * Then, until they agree with their carrier, their monitors are waited on.
     */
    private void settle(Map<LabNamespace, Set<Integer>> touched) throws KernelException {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        Map<LabNamespace, Set<Integer>> candidates = new LinkedHashMap<>();
        touched.forEach((n, links) -> candidates.put(n, new LinkedHashSet<>(links)));
        while (true) {
            for (Map.Entry<LabNamespace, Set<Integer>> e : candidates.entrySet()) {
                LabNamespace n = e.getKey();
                drain(n);
                e.getValue().addAll(n.mirror.takeChanged());
                Set<Integer> masters = new LinkedHashSet<>();
                for (int index : e.getValue()) {
                    n.mirror.link(index).map(LinkMessage::master).filter(x -> x != 0).ifPresent(masters::add);
                }
                e.getValue().addAll(masters);
                for (int index : new ArrayList<>(e.getValue())) {
                    ask(n, index);
                }
                if (!e.getValue().isEmpty()) {
                    drain(n);
                    e.getValue().addAll(n.mirror.takeChanged());
                }
            }
            List<String> pending = new ArrayList<>();
            for (Map.Entry<LabNamespace, Set<Integer>> e : candidates.entrySet()) {
                pending.addAll(pending(e.getKey(), e.getValue()));
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                settleTimeouts++;
                lastUnsettled = pending;
                return;
            }
            await(new ArrayList<>(candidates.keySet()));
        }
    }

    /** Asks the kernel for one link, which runs its pending linkwatch event; a link that went is forgotten. */
    private static void ask(LabNamespace n, int index) throws KernelException {
        try {
            n.mirror.put(link(n, index));
        } catch (KernelException e) {
            if (e.errno() != Errno.ENODEV) {
                throw e;
            }
            n.mirror.remove(index);
        }
    }

    /** What is not settled yet among these links of a namespace (see {@link Settled}). */
    private List<String> pending(LabNamespace n, Set<Integer> indexes) {
        Mirror m = n.mirror;
        List<LinkMessage> links = new ArrayList<>();
        Set<Integer> shownLinks = new LinkedHashSet<>();
        for (int index : indexes) {
            m.link(index).ifPresent(l -> {
                if (shownLinks.add(l.index())) {
                    links.add(l);
                }
                if ("bridge".equals(l.kind().orElse(""))) {
                    // a bridge's carrier follows its ports
                    for (LinkMessage p : m.links.values()) {
                        if (p.master() == l.index() && shownLinks.add(p.index())) {
                            links.add(p);
                        }
                    }
                }
            });
        }
        List<AddressMessage> addresses = new ArrayList<>();
        List<RouteMessage> routes = new ArrayList<>();
        for (LinkMessage l : links) {
            if (!indexes.contains(l.index())) {
                // a port shown for its bridge's sake: only its state counts, for the bridge
                continue;
            }
            addresses.addAll(m.addresses.getOrDefault(l.index(), List.of()));
            // routes read since the link last changed: those that changed with it follow its linkwatch event,
            // which asking for the link ran (NETDEV_CHANGE reaches the FIB before the link is described)
            if (!m.staleRoutes.contains(l.index())) {
                routes.addAll(m.routes.getOrDefault(l.index(), List.of()));
            }
        }
        List<String> pending = Settled.pending(new Settled.Dump(links, addresses, routes));
        Set<Integer> withoutInet6 = inet6Deleted.computeIfAbsent(n, x -> new HashSet<>());
        for (LinkMessage l : links) {
            if (!l.adminUp()) {
                withoutInet6.remove(l.index());
            } else if (withoutInet6.contains(l.index())) {
                // its link-local was deleted: addrconf gives it none until it is up again
                pending.remove(l.name() + " has no IPv6 link-local address yet");
            }
        }
        for (LinkMessage l : links) {
            if (!indexes.contains(l.index())) {
                // a port shown for its bridge's sake is not waited for itself
                pending.removeIf(p -> p.startsWith(l.name() + " "));
            }
        }
        return pending;
    }

    private static void await(List<LabNamespace> namespaces) throws KernelException {
        List<NetlinkSocket> monitors = namespaces.stream().map(x -> x.monitor).toList();
        try {
            NetlinkSocket.awaitAny(monitors, (int) POLL_MILLIS);
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        }
    }

    // ------------------------------------------------------------------------------------------ views

    /** What a view of a namespace last showed, and what it was made from, to be made again only when that changed. */
    private static final class Shown {
        long ids = -1;
        Map<String, Integer> idList;
        /** The links shown, in ifindex order, where each is among them, and each one's record. */
        final List<Integer> order = new ArrayList<>();
        final List<Link> linkRecords = new ArrayList<>();
        final Map<Integer, Integer> position = new HashMap<>();
        final Map<Integer, Made> made = new HashMap<>();
        /**
         * Links whose record shows another link of the namespace (a veth's peer), by that link. A port shows its
         * bridge's name only, which stays.
         */
        final Map<Integer, Set<Integer>> showing = new HashMap<>();
        /** Links whose record shows a link of another namespace (which tells when that link changes). */
        final Set<Integer> foreign = new LinkedHashSet<>();
        long idsShown = -1;
        List<Link> linkList;
        /** Every link's address records in link order; each link's own; where the last one with any is. */
        final List<org.netnslab.core.model.Address> addressRecords = new ArrayList<>();
        final Map<Integer, List<org.netnslab.core.model.Address>> addressesMade = new HashMap<>();
        int lastWithAddresses = -1;
        List<org.netnslab.core.model.Address> addressList;
        /** Every main route's record in a dump's order, and each link's share of them. */
        final TreeMap<List<Long>, org.netnslab.core.model.Route> routesInOrder = new TreeMap<>(
                Comparator.comparing((List<Long> k) -> k.get(0)).thenComparing(k -> k.get(1))
                        .thenComparing(k -> k.get(2)).thenComparing(k -> k.get(3)).thenComparing(k -> k.get(4)));
        final Map<Integer, List<List<Long>>> routeKeys = new HashMap<>();
        List<org.netnslab.core.model.Route> routeList;
        /** The local table's records, and the versions of addresses and links they were read at. */
        List<org.netnslab.core.model.Route> localList;
        long localAddresses = -1;
        long localLinks = -1;
        Integer forward;
        org.netnslab.core.model.NatTable nat;
        long natTraffic = -1;
    }

    /** A link's record, with what it was made from: its message, and its other end's, and where that end is. */
    private record Made(LinkMessage message, LinkMessage peerMessage, LabNamespace peerNamespace, Link link) {}



    private Shown shown(LabNamespace n) {
        return shown.computeIfAbsent(n, x -> new Shown());
    }

    private NamespaceState view(LabNamespace n) throws KernelException {
        look(n);
        Mirror m = n.mirror;
        Shown s = shown(n);
        boolean whole = links(n, s);
        addresses(m, s, whole);
        routes(m, s, whole);
        if (s.forward == null) {
            try {
                s.forward = Integer.parseInt(n.ipForward.read().strip());
            } catch (SyscallException e) {
                throw NetlinkCalls.failure(e);
            }
        }
        if (s.nat == null || s.natTraffic != traffic) {
            s.nat = Masquerade.read(n.netfilter);
            s.natTraffic = traffic;
        }
        if (s.idList == null || s.ids != m.idsVersion) {
            s.idList = names(m.ids);
            s.ids = m.idsVersion;
        }
        if (s.localList == null || s.localAddresses != m.addressVersion || s.localLinks != m.linkVersion) {
            // the local table follows the addresses and the links' states; it is read again when they change
            s.localList = Views.routes(NetlinkCalls.dump(n.route, RouteMessage::dump).stream()
                    .filter(x -> x.type() == NlMsgType.RTM_NEWROUTE).map(RouteMessage::parse).toList(),
                    new ArrayList<>(m.links.values()), RtMsg.RT_TABLE_LOCAL);
            s.localAddresses = m.addressVersion;
            s.localLinks = m.linkVersion;
        }
        return new NamespaceState(n.name, s.linkList, s.addressList, s.routeList, s.forward, s.nat, s.idList,
                s.localList);
    }

    /**
     * The links' records: made again only for the links that changed, those whose records show them, and, when
     * another namespace's links or this one's ids changed, those that show a link there. New links at the end
     * are added; any other change of the links there are redoes them all.
     *
     * @return whether everything was made again
     */
    private boolean links(LabNamespace n, Shown s) {
        Mirror m = n.mirror;
        Set<Integer> changed = new LinkedHashSet<>(m.viewLinks);
        m.viewLinks.clear();
        boolean whole = s.linkList == null || m.viewRemoved;
        m.viewRemoved = false;
        int last = s.order.isEmpty() ? Integer.MIN_VALUE : s.order.get(s.order.size() - 1);
        List<Integer> added = new ArrayList<>();
        for (int index : changed) {
            // a link told of by another namespace's may be gone from this one since
            if (!s.position.containsKey(index) && m.links.containsKey(index)) {
                added.add(index);
            }
        }
        Collections.sort(added);
        if (!added.isEmpty() && added.get(0) <= last) {
            whole = true;
        }
        Map<Integer, LabNamespace> idNamespaces = new HashMap<>();
        m.ids.forEach((other, id) -> idNamespaces.put(id, other));
        if (whole) {
            s.order.clear();
            s.linkRecords.clear();
            s.position.clear();
            s.showing.clear();
            s.foreign.clear();
            s.made.keySet().retainAll(m.links.keySet());
            for (LinkMessage l : m.links.values()) {
                s.position.put(l.index(), s.order.size());
                s.order.add(l.index());
                s.linkRecords.add(made(n, s, l, idNamespaces));
            }
        } else {
            Set<Integer> redo = new LinkedHashSet<>();
            for (int index : changed) {
                if (s.position.containsKey(index)) {
                    redo.add(index);
                }
                redo.addAll(s.showing.getOrDefault(index, Set.of()));
            }
            if (m.idsVersion != s.idsShown) {
                redo.addAll(s.foreign);
            }
            for (int index : redo) {
                Integer at = s.position.get(index);
                LinkMessage l = m.links.get(index);
                if (at != null && l != null) {
                    s.linkRecords.set(at, made(n, s, l, idNamespaces));
                }
            }
            for (int index : added) {
                LinkMessage l = m.links.get(index);
                s.position.put(index, s.order.size());
                s.order.add(index);
                s.linkRecords.add(made(n, s, l, idNamespaces));
            }
        }
        s.idsShown = m.idsVersion;
        s.linkList = List.copyOf(s.linkRecords);
        return whole;
    }

    /** One link's record, made again unless what it shows is what it was made from. */
    private Link made(LabNamespace n, Shown s, LinkMessage l, Map<Integer, LabNamespace> idNamespaces) {
        Mirror m = n.mirror;
        LabNamespace peerNs = l.linkNetnsId().isPresent() ? idNamespaces.get(l.linkNetnsId().get()) : n;
        LinkMessage peer = l.link().isEmpty() || peerNs == null ? null : peerNs.mirror.links.get(l.link().get());
        if (l.linkNetnsId().isPresent()) {
            s.foreign.add(l.index());
            if (peerNs != null && l.link().isPresent()) {
                peerNs.mirror.watch(l.link().get(), new Mirror.Watcher(m, l.index()));
            }
        } else {
            s.foreign.remove(l.index());
            l.link().ifPresent(p -> s.showing.computeIfAbsent(p, x -> new LinkedHashSet<>()).add(l.index()));
        }
        Made made = s.made.get(l.index());
        if (made == null || made.message() != l || made.peerMessage() != peer || made.peerNamespace() != peerNs
                || masterChanged(m, l, made)) {
            Views.Peers peers = new Views.Peers() {
                @Override
                public Optional<String> namespaceOf(int nsid) {
                    return Optional.ofNullable(idNamespaces.get(nsid)).map(x -> x.name);
                }

                @Override
                public Optional<LabNamespace.PeerView> link(String namespace, int index) {
                    LabNamespace other = all.get(namespace);
                    return other == null ? Optional.empty() : other.mirror.link(index)
                            .map(x -> new LabNamespace.PeerView(x.name(), x.adminUp()));
                }
            };
            made = new Made(l, peer, peerNs, Views.link(l, m.links, peers));
            s.made.put(l.index(), made);
        }
        return made.link();
    }

    /**
     * Every link's addresses, in link order: the changed links' records made again and put back at the end when
     * they come after every link that has addresses (an address on the newest link), else all put together again.
     */
    private static void addresses(Mirror m, Shown s, boolean whole) {
        Set<Integer> changed = new LinkedHashSet<>(m.viewAddresses);
        m.viewAddresses.clear();
        for (int index : changed) {
            s.addressesMade.remove(index);
        }
        if (whole) {
            s.addressesMade.keySet().retainAll(m.links.keySet());
        }
        List<Integer> at = new ArrayList<>();
        for (int index : changed) {
            Integer p = s.position.get(index);
            if (p == null) {
                if (m.links.containsKey(index)) {
                    whole = true;
                }
                continue;
            }
            at.add(p);
        }
        Collections.sort(at);
        if (whole || s.addressList == null || (!at.isEmpty() && at.get(0) < s.lastWithAddresses)) {
            s.addressRecords.clear();
            s.lastWithAddresses = -1;
            for (int i = 0; i < s.order.size(); i++) {
                List<org.netnslab.core.model.Address> mine = addressesOf(m, s, s.order.get(i));
                if (!mine.isEmpty()) {
                    s.lastWithAddresses = i;
                }
                s.addressRecords.addAll(mine);
            }
        } else if (!at.isEmpty()) {
            if (at.get(0) == s.lastWithAddresses) {
                // the last link with addresses changed them: its old ones are the tail
                int index = s.order.get(s.lastWithAddresses);
                while (!s.addressRecords.isEmpty()
                        && s.addressRecords.get(s.addressRecords.size() - 1).linkIndex() == index) {
                    s.addressRecords.remove(s.addressRecords.size() - 1);
                }
                s.lastWithAddresses = s.addressRecords.isEmpty() ? -1
                        : s.position.get(s.addressRecords.get(s.addressRecords.size() - 1).linkIndex());
            }
            for (int p : at) {
                List<org.netnslab.core.model.Address> mine = addressesOf(m, s, s.order.get(p));
                if (!mine.isEmpty()) {
                    s.lastWithAddresses = p;
                }
                s.addressRecords.addAll(mine);
            }
        }
        s.addressList = List.copyOf(s.addressRecords);
    }

    private static List<org.netnslab.core.model.Address> addressesOf(Mirror m, Shown s, int index) {
        return s.addressesMade.computeIfAbsent(index, i -> {
            List<AddressMessage> mine = m.addresses.getOrDefault(i, List.of());
            return mine.isEmpty() ? List.of() : Views.addresses(mine, List.of(m.links.get(i)));
        });
    }

    /**
     * Every main route, in the order of a dump of the main table (by destination, a longer prefix first, then
     * metric, then as they came); only the changed links' routes are made again.
     */
    private static void routes(Mirror m, Shown s, boolean whole) {
        Set<Integer> changed = new LinkedHashSet<>(m.viewRoutes);
        m.viewRoutes.clear();
        if (whole || s.routeList == null) {
            s.routesInOrder.clear();
            s.routeKeys.clear();
            changed = new LinkedHashSet<>(m.routes.keySet());
        }
        for (int oif : changed) {
            List<List<Long>> old = s.routeKeys.remove(oif);
            if (old != null) {
                old.forEach(s.routesInOrder::remove);
            }
            List<RouteMessage> mine = m.routes.get(oif);
            if (mine == null || mine.isEmpty()) {
                continue;
            }
            LinkMessage dev = m.links.get(oif);
            List<org.netnslab.core.model.Route> records = Views.routes(mine, dev == null ? List.of() : List.of(dev));
            List<List<Long>> keys = new ArrayList<>();
            for (int i = 0; i < mine.size() && i < records.size(); i++) {
                RouteMessage r = mine.get(i);
                List<Long> key = List.of(Integer.toUnsignedLong(r.prefix().address().bits()),
                        (long) -r.prefix().prefixLength(), Integer.toUnsignedLong(r.priority()), m.heard(r),
                        (long) oif * 65536 + i);
                keys.add(key);
                s.routesInOrder.put(key, records.get(i));
            }
            s.routeKeys.put(oif, keys);
        }
        s.routeList = List.copyOf(s.routesInOrder.values());
    }

    /** A port shows its bridge's name, which is the bridge's own. */
    private static boolean masterChanged(Mirror m, LinkMessage l, Made made) {
        return l.master() != 0 && !made.link().master().equals(m.link(l.master()).map(LinkMessage::name));
    }
}
