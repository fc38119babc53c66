package org.netnslab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.LabLimitException;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.backend.SysctlKey;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.kernel.netlink.AddressMessage;
import org.netnslab.kernel.netlink.LinkMessage;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NlMsgType;
import org.netnslab.kernel.netlink.NsidMessage;
import org.netnslab.kernel.netlink.RouteMessage;
import org.netnslab.kernel.sys.Availability;
import org.netnslab.kernel.sys.SyscallException;

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

    /** Host, upstream, then the learner's namespaces, oldest first. */
    private final Map<String, LabNamespace> all = new LinkedHashMap<>();
    private final List<String> learners = new ArrayList<>();
    private int settleTimeouts;
    private List<String> lastUnsettled = List.of();
    private boolean closed;

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
        all.put(name, create(name));
        learners.add(name);
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
            List<LinkMessage> links = dumpLinks(other);
            Optional<Integer> id = nsid(other, gone);
            if (id.isPresent()) {
                idsForGone.put(other, id.get());
                peersOfGone.put(other, links.stream()
                        .filter(l -> l.linkNetnsId().equals(id)).map(LinkMessage::index).toList());
            }
        }
        all.remove(name);
        learners.remove(name);
        gone.close();
        // the kernel takes the namespace down on its own time: its veths' peers and its ids go then
        long deadline = System.nanoTime() + SETTLE_NANOS;
        for (Map.Entry<LabNamespace, Integer> e : idsForGone.entrySet()) {
            LabNamespace other = e.getKey();
            while (System.nanoTime() < deadline
                    && (nsidAssigned(other, e.getValue()) || anyLinkLeft(other, peersOfGone.get(other)))) {
                pause();
            }
        }
        settle(peersOfGone.keySet());
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
        Set<LabNamespace> touched = new LinkedHashSet<>(List.of(n));
        p.ifPresent(touched::add);
        settle(touched);
    }

    @Override
    public synchronized void addBridge(String ns, String name) throws KernelException {
        LabNamespace n = ns(ns);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.newBridge(seq, name));
        settle(Set.of(n));
    }

    @Override
    public synchronized void setLinkUp(String ns, String device, boolean up) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        Set<LabNamespace> touched = new LinkedHashSet<>(List.of(n));
        peerNamespaceIfUp(n, l).ifPresent(touched::add);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setUp(seq, l.index(), up));
        settle(touched);
    }

    @Override
    public synchronized void setLinkNamespace(String ns, String device, String target) throws KernelException {
        LabNamespace n = ns(ns);
        LabNamespace t = ns(target);
        LinkMessage l = link(n, device);
        Set<LabNamespace> touched = new LinkedHashSet<>(List.of(n, t));
        if (l.adminUp()) {
            peerNamespaceIfUp(n, l).ifPresent(touched::add);
        }
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setNamespace(seq, l.index(), t.fd.fd()));
        settle(touched);
    }

    @Override
    public synchronized void setMaster(String ns, String device, Optional<String> bridge) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        int master = bridge.isPresent() ? link(n, bridge.get()).index() : 0;
        NetlinkCalls.ack(n.route, seq -> LinkMessage.setMaster(seq, l.index(), master));
        settle(Set.of(n));
    }

    @Override
    public synchronized void deleteLink(String ns, String device) throws KernelException {
        LabNamespace n = ns(ns);
        LinkMessage l = link(n, device);
        NetlinkCalls.ack(n.route, seq -> LinkMessage.delete(seq, l.index()));
        settle(Set.of(n));
    }

    // ------------------------------------------------------------------------------------------ addresses, routes

    @Override
    public synchronized void addAddress(String ns, String device, Ipv4Cidr address) throws KernelException {
        LabNamespace n = ns(ns);
        int index = link(n, device).index();
        NetlinkCalls.ack(n.route, seq -> AddressMessage.add(seq, index, address));
        settle(Set.of(n));
    }

    @Override
    public synchronized void deleteAddress(String ns, String device, Ipv4Cidr address) throws KernelException {
        LabNamespace n = ns(ns);
        int index = link(n, device).index();
        NetlinkCalls.ack(n.route, seq -> AddressMessage.delete(seq, index, address));
        settle(Set.of(n));
    }

    @Override
    public synchronized void addRoute(String ns, RouteSpec route) throws KernelException {
        LabNamespace n = ns(ns);
        int oif = route.device().isPresent() ? link(n, route.device().get()).index() : 0;
        NetlinkCalls.ack(n.route, seq -> RouteMessage.add(seq, route.destination(), route.gateway(), oif));
        settle(Set.of(n));
    }

    @Override
    public synchronized void deleteRoute(String ns, RouteSpec route) throws KernelException {
        LabNamespace n = ns(ns);
        int oif = route.device().isPresent() ? link(n, route.device().get()).index() : 0;
        NetlinkCalls.ack(n.route, seq -> RouteMessage.delete(seq, route.destination(), route.gateway(), oif));
        settle(Set.of(n));
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
        }
    }

    @Override
    public synchronized Optional<Integer> sysctl(String ns, SysctlKey key) {
        LabNamespace n = all.get(ns);
        return n == null ? Optional.empty() : Sysctls.read(n, key);
    }

    @Override
    public synchronized void setSysctl(String ns, SysctlKey key, int value) throws KernelException {
        Sysctls.write(ns(ns), key, value);
    }

    @Override
    public synchronized void appendMasquerade(String ns, NatRule rule) throws KernelException {
        Masquerade.append(ns(ns).netfilter, rule);
    }

    @Override
    public synchronized void deleteMasquerade(String ns, NatRule rule) throws KernelException {
        Masquerade.delete(ns(ns).netfilter, rule);
    }

    @Override
    public synchronized void flushNat(String ns) throws KernelException {
        Masquerade.flush(ns(ns).netfilter);
    }

    // ------------------------------------------------------------------------------------------ ping

    @Override
    public synchronized PingResult ping(String ns, PingRequest request) throws KernelException {
        return Pinger.ping(ns(ns), request);
    }

    // ------------------------------------------------------------------------------------------ TCP

    @Override
    public synchronized Listener listen(String ns, int port) throws KernelException {
        return Tcp.listen(ns(ns), port);
    }

    @Override
    public synchronized Connection connect(String ns, Ipv4Address address, int port) throws KernelException {
        return Tcp.connect(ns(ns), address, port);
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

    @Override
    public synchronized Map<String, Integer> netnsIds(String ns) {
        LabNamespace n = all.get(ns);
        if (n == null) {
            return Map.of();
        }
        try {
            return Map.copyOf(nsids(n));
        } catch (KernelException e) {
            throw new IllegalStateException("the kernel refused the netns ids of " + ns + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized LabState snapshot() {
        List<NamespaceState> states = new ArrayList<>();
        try {
            for (LabNamespace n : all.values()) {
                dumpLinks(n);
            }
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

    private static LinkMessage link(LabNamespace n, String device) throws KernelException {
        return LinkMessage.parse(NetlinkCalls.get(n.route, seq -> LinkMessage.get(seq, device)));
    }

    private static LinkMessage link(LabNamespace n, int index) throws KernelException {
        return LinkMessage.parse(NetlinkCalls.get(n.route, seq -> LinkMessage.get(seq, index)));
    }

    /** The id {@code viewer} gives {@code other}, if it gave one; asking allocates none. */
    private static Optional<Integer> nsid(LabNamespace viewer, LabNamespace other) throws KernelException {
        NsidMessage m = NsidMessage.parse(NetlinkCalls.get(viewer.route, seq -> NsidMessage.get(seq, other.fd.fd())));
        return m.assigned() ? Optional.of(m.nsid()) : Optional.empty();
    }

    /** The ids {@code viewer} gives the lab's other namespaces, by their lab names. */
    private Map<String, Integer> nsids(LabNamespace viewer) throws KernelException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (LabNamespace other : all.values()) {
            if (other != viewer) {
                Optional<Integer> id = nsid(viewer, other);
                if (id.isPresent()) {
                    out.put(other.name, id.get());
                }
            }
        }
        return out;
    }

    private static boolean nsidAssigned(LabNamespace viewer, int id) throws KernelException {
        return NetlinkCalls.dump(viewer.route, NsidMessage::dump).stream()
                .filter(m -> m.type() == NlMsgType.RTM_NEWNSID)
                .anyMatch(m -> NsidMessage.parse(m).nsid() == id);
    }

    private static boolean anyLinkLeft(LabNamespace n, List<Integer> indexes) throws KernelException {
        for (int index : indexes) {
            try {
                link(n, index);
                return true;
            } catch (KernelException e) {
                if (e.errno() != Errno.ENODEV) {
                    throw e;
                }
            }
        }
        return false;
    }

    /**
     * The namespace of a veth's other end, when it is another one and that end is up: a carrier change there
     * is for the kernel to finish too.
     */
    private Optional<LabNamespace> peerNamespaceIfUp(LabNamespace n, LinkMessage l) throws KernelException {
        if (l.linkNetnsId().isEmpty() || l.link().isEmpty()) {
            return Optional.empty();
        }
        int id = l.linkNetnsId().get();
        for (LabNamespace other : all.values()) {
            if (other != n && nsid(n, other).equals(Optional.of(id))) {
                LabNamespace.PeerView peer = other.lastLinks.get(l.link().get());
                return peer != null && peer.adminUp() ? Optional.of(other) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<LinkMessage> dumpLinks(LabNamespace n) throws KernelException {
        List<LinkMessage> links = NetlinkCalls.dump(n.route, LinkMessage::dump).stream()
                .filter(m -> m.type() == NlMsgType.RTM_NEWLINK).map(LinkMessage::parse).toList();
        Map<Integer, LabNamespace.PeerView> seen = new HashMap<>();
        for (LinkMessage l : links) {
            seen.put(l.index(), new LabNamespace.PeerView(l.name(), l.adminUp()));
        }
        n.lastLinks = Map.copyOf(seen);
        return links;
    }

    private static Settled.Dump dump(LabNamespace n) throws KernelException {
        List<LinkMessage> links = dumpLinks(n);
        List<AddressMessage> addresses = NetlinkCalls.dump(n.route, AddressMessage::dump).stream()
                .filter(m -> m.type() == NlMsgType.RTM_NEWADDR).map(AddressMessage::parse).toList();
        List<RouteMessage> routes = NetlinkCalls.dump(n.route, RouteMessage::dump).stream()
                .filter(m -> m.type() == NlMsgType.RTM_NEWROUTE).map(RouteMessage::parse).toList();
        return new Settled.Dump(links, addresses, routes);
    }

    /**
     * Waits, a bounded time, until each namespace's view is settled. Each link's pending linkwatch event is
     * run first ({@code rtnl_getlink} syncs it), as the kernel soon does on its own when it is not busy: a
     * veth made and moved away at once would otherwise keep a state that depends on how busy it was. Then the
     * view is read until it agrees.
     */
    private void settle(Set<LabNamespace> namespaces) throws KernelException {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        for (LabNamespace n : namespaces) {
            while (true) {
                for (LinkMessage l : dumpLinks(n)) {
                    link(n, l.index()); // asked one by one, the kernel runs the link's pending linkwatch event
                }
                List<String> pending = Settled.pending(dump(n));
                if (pending.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    settleTimeouts++;
                    lastUnsettled = pending;
                    break;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NamespaceState view(LabNamespace n) throws KernelException {
        // the ids before the dump: a dump gives ids to the namespaces of veth peers, ip netns list does not
        Map<String, Integer> ids = nsids(n);
        Settled.Dump d = dump(n);
        Map<Integer, String> idNames = new HashMap<>();
        nsids(n).forEach((name, id) -> idNames.put(id, name));
        Views.Peers peers = new Views.Peers() {
            @Override
            public Optional<String> namespaceOf(int nsid) {
                return Optional.ofNullable(idNames.get(nsid));
            }

            @Override
            public Optional<LabNamespace.PeerView> link(String namespace, int index) {
                LabNamespace other = all.get(namespace);
                return other == null ? Optional.empty() : Optional.ofNullable(other.lastLinks.get(index));
            }
        };
        int forward;
        try {
            forward = Integer.parseInt(n.ipForward.read().strip());
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        }
        return new NamespaceState(
                n.name,
                Views.links(d.links(), peers),
                Views.addresses(d.addresses(), d.links()),
                Views.routes(d.routes(), d.links()),
                forward,
                Masquerade.read(n.netfilter),
                Map.copyOf(ids));
    }

}
