package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.model.OperState;
import org.netnslab.core.model.Route;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.MacAddress;

/**
 * A backend of state without packets, for the runner's tests while no real backend is at hand: namespaces,
 * veth pairs, addresses with their connected routes, routes, forwarding and NAT rules. Pings answer as the
 * test says ({@link #answerPings}), and every ping is counted.
 */
public final class FakeBackend implements Backend {

    private final Map<String, Ns> namespaces = new LinkedHashMap<>();
    private BiFunction<String, PingRequest, PingResult> pings = (ns, r) -> new PingResult(r.destination(), List.of());
    private int pingsSent;
    private int nextIndex = 2;

    private static final class Ns {
        final List<Link> links = new ArrayList<>();
        final List<Address> addresses = new ArrayList<>();
        final List<Route> routes = new ArrayList<>();
        final List<NatRule> nat = new ArrayList<>();
        int ipForward;
    }

    public FakeBackend() {
        namespaces.put(HOST, withLoopback());
        namespaces.put(UPSTREAM, withLoopback());
    }

    public void answerPings(BiFunction<String, PingRequest, PingResult> answer) {
        this.pings = answer;
    }

    int pingsSent() {
        return pingsSent;
    }

    private static Ns withLoopback() {
        Ns ns = new Ns();
        ns.links.add(new Link(1, "lo", LinkKind.LOOPBACK, MacAddress.ZERO, 65536, false, false, OperState.DOWN, "noop",
                1000, Optional.empty(), Optional.empty()));
        return ns;
    }

    private Ns ns(String name) throws KernelException {
        Ns ns = namespaces.get(name);
        if (ns == null) {
            throw new KernelException(Errno.ENOENT);
        }
        return ns;
    }

    private static int find(Ns ns, String device) throws KernelException {
        for (int i = 0; i < ns.links.size(); i++) {
            if (ns.links.get(i).name().equals(device)) {
                return i;
            }
        }
        throw new KernelException(Errno.ENODEV);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void addNamespace(String name) throws KernelException {
        if (namespaces.containsKey(name)) {
            throw new KernelException(Errno.EEXIST);
        }
        namespaces.put(name, withLoopback());
    }

    @Override
    public void deleteNamespace(String name) throws KernelException {
        ns(name);
        namespaces.remove(name);
    }

    @Override
    public List<String> namespaces() {
        return namespaces.keySet().stream().filter(n -> !n.startsWith("/")).toList();
    }

    @Override
    public void addVeth(String ns, String name, String peer, Optional<String> peerNamespace) throws KernelException {
        Ns here = ns(ns);
        int a = nextIndex++;
        int b = nextIndex++;
        here.links.add(veth(a, name, new Link.Peer(b, Optional.empty(), peer, false)));
        here.links.add(veth(b, peer, new Link.Peer(a, Optional.empty(), name, false)));
    }

    private static Link veth(int index, String name, Link.Peer peer) {
        return new Link(index, name, LinkKind.VETH, MacAddress.locallyAdministered(index), 1500, false, false,
                OperState.DOWN, "noop", 1000, Optional.empty(), Optional.of(peer));
    }

    @Override
    public void addBridge(String ns, String name) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    @Override
    public void setLinkUp(String ns, String device, boolean up) throws KernelException {
        Ns here = ns(ns);
        int i = find(here, device);
        Link l = here.links.get(i);
        OperState state = up ? (l.kind() == LinkKind.LOOPBACK ? OperState.UNKNOWN : OperState.UP) : OperState.DOWN;
        here.links.set(i, new Link(l.index(), l.name(), l.kind(), l.mac(), l.mtu(), up, up, state,
                up ? "noqueue" : l.qdisc(), l.txQueueLen(), l.master(), l.peer()));
    }

    @Override
    public void setLinkNamespace(String ns, String device, String target) throws KernelException {
        Ns here = ns(ns);
        Ns there = ns(target);
        int i = find(here, device);
        Link l = here.links.remove(i);
        here.addresses.removeIf(a -> a.linkName().equals(device));
        here.routes.removeIf(r -> r.device().equals(device));
        there.links.add(l);
    }

    @Override
    public void setMaster(String ns, String device, Optional<String> bridge) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    @Override
    public void deleteLink(String ns, String device) throws KernelException {
        Ns here = ns(ns);
        here.links.remove(find(here, device));
    }

    @Override
    public void addAddress(String ns, String device, org.netnslab.core.net.Ipv4Cidr address) throws KernelException {
        Ns here = ns(ns);
        Link l = here.links.get(find(here, device));
        here.addresses.add(Address.inet(l.index(), device, address, Scope.GLOBAL));
        here.routes.add(new Route(RouteType.UNICAST, address.network(), Optional.empty(), device, RouteProtocol.KERNEL,
                Scope.LINK, Optional.of(address.address()), 0, false));
    }

    @Override
    public void deleteAddress(String ns, String device, org.netnslab.core.net.Ipv4Cidr address)
            throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    @Override
    public void addRoute(String ns, RouteSpec route) throws KernelException {
        Ns here = ns(ns);
        String dev = route.device().orElse(here.routes.isEmpty() ? "lo" : here.routes.get(0).device());
        here.routes.add(new Route(RouteType.UNICAST, route.destination().network(), route.gateway(), dev,
                RouteProtocol.BOOT, route.gateway().isPresent() ? Scope.GLOBAL : Scope.LINK, Optional.empty(), 0,
                false));
    }

    @Override
    public void deleteRoute(String ns, RouteSpec route) throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    @Override
    public RouteLookup getRoute(String ns, org.netnslab.core.net.Ipv4Address destination,
            Optional<org.netnslab.core.net.Ipv4Address> from, Optional<String> inputInterface)
            throws KernelException {
        throw new KernelException(Errno.EOPNOTSUPP);
    }

    @Override
    public void setIpForward(String ns, int value) throws KernelException {
        ns(ns).ipForward = value;
    }

    @Override
    public void appendMasquerade(String ns, NatRule rule) throws KernelException {
        ns(ns).nat.add(rule);
    }

    @Override
    public void deleteMasquerade(String ns, NatRule rule) throws KernelException {
        if (!ns(ns).nat.remove(rule)) {
            throw new KernelException(Errno.ENOENT);
        }
    }

    @Override
    public void flushNat(String ns) throws KernelException {
        ns(ns).nat.clear();
    }

    @Override
    public PingResult ping(String ns, PingRequest request) throws KernelException {
        ns(ns);
        pingsSent++;
        return pings.apply(ns, request);
    }

    @Override
    public Optional<NamespaceState> namespace(String ns) {
        Ns n = namespaces.get(ns);
        if (n == null) {
            return Optional.empty();
        }
        List<NatTable.Entry> entries = n.nat.stream()
                .map(r -> new NatTable.Entry(r, org.netnslab.core.model.Counters.ZERO)).toList();
        return Optional.of(new NamespaceState(ns, List.copyOf(n.links), List.copyOf(n.addresses),
                List.copyOf(n.routes), n.ipForward, new NatTable(entries, NatTable.empty().policyCounters()),
                Map.of()));
    }

    @Override
    public LabState snapshot() {
        return new LabState(namespaces(), namespaces.keySet().stream().map(n -> namespace(n).orElseThrow()).toList());
    }

    @Override
    public void close() {}

    @Override
    public Map<String, Integer> netnsIds(String ns) {
        return namespace(ns).map(NamespaceState::netnsIds).orElse(Map.of());
    }
}
