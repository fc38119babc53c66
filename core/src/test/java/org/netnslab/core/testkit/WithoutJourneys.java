package org.netnslab.core.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * A backend whose pings tell no journey, as the kernel's cannot: what the learner is told then comes from what
 * can be measured, tested on the simulator without root.
 */
public final class WithoutJourneys implements Backend {

    private final Backend inner;

    public WithoutJourneys(Backend inner) {
        this.inner = inner;
    }

    @Override
    public PingResult ping(String ns, PingRequest request) throws KernelException {
        PingResult r = inner.ping(ns, request);
        List<Probe> probes = r.probes().stream().map(p -> new Probe(p.sequence(), p.outcome(), p.from(), p.ttl(),
                p.rttMicros(), p.error(), List.of())).toList();
        return new PingResult(r.destination(), r.source(), probes, r.pipe());
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void addNamespace(String name) throws KernelException {
        inner.addNamespace(name);
    }

    @Override
    public void deleteNamespace(String name) throws KernelException {
        inner.deleteNamespace(name);
    }

    @Override
    public List<String> namespaces() {
        return inner.namespaces();
    }

    @Override
    public void addVeth(String ns, String name, String peer, Optional<String> peerNamespace) throws KernelException {
        inner.addVeth(ns, name, peer, peerNamespace);
    }

    @Override
    public void addBridge(String ns, String name) throws KernelException {
        inner.addBridge(ns, name);
    }

    @Override
    public void setLinkUp(String ns, String device, boolean up) throws KernelException {
        inner.setLinkUp(ns, device, up);
    }

    @Override
    public void setLinkNamespace(String ns, String device, String target) throws KernelException {
        inner.setLinkNamespace(ns, device, target);
    }

    @Override
    public void setMaster(String ns, String device, Optional<String> bridge) throws KernelException {
        inner.setMaster(ns, device, bridge);
    }

    @Override
    public void deleteLink(String ns, String device) throws KernelException {
        inner.deleteLink(ns, device);
    }

    @Override
    public void addAddress(String ns, String device, Ipv4Cidr address) throws KernelException {
        inner.addAddress(ns, device, address);
    }

    @Override
    public void deleteAddress(String ns, String device, Ipv4Cidr address) throws KernelException {
        inner.deleteAddress(ns, device, address);
    }

    @Override
    public void addRoute(String ns, RouteSpec route) throws KernelException {
        inner.addRoute(ns, route);
    }

    @Override
    public void deleteRoute(String ns, RouteSpec route) throws KernelException {
        inner.deleteRoute(ns, route);
    }

    @Override
    public RouteLookup getRoute(String ns, Ipv4Address destination, Optional<Ipv4Address> from,
            Optional<String> inputInterface) throws KernelException {
        return inner.getRoute(ns, destination, from, inputInterface);
    }

    @Override
    public void setIpForward(String ns, int value) throws KernelException {
        inner.setIpForward(ns, value);
    }

    @Override
    public void appendMasquerade(String ns, NatRule rule) throws KernelException {
        inner.appendMasquerade(ns, rule);
    }

    @Override
    public void deleteMasquerade(String ns, NatRule rule) throws KernelException {
        inner.deleteMasquerade(ns, rule);
    }

    @Override
    public void flushNat(String ns) throws KernelException {
        inner.flushNat(ns);
    }

    @Override
    public Ruleset netfilter(String ns) throws KernelException {
        return inner.netfilter(ns);
    }

    @Override
    public void appendRule(String ns, Table table, String chain, Rule rule) throws KernelException {
        inner.appendRule(ns, table, chain, rule);
    }

    @Override
    public void insertRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        inner.insertRule(ns, table, chain, position, rule);
    }

    @Override
    public void deleteRule(String ns, Table table, String chain, int position) throws KernelException {
        inner.deleteRule(ns, table, chain, position);
    }

    @Override
    public void replaceRule(String ns, Table table, String chain, int position, Rule rule) throws KernelException {
        inner.replaceRule(ns, table, chain, position, rule);
    }

    @Override
    public void newChain(String ns, Table table, String chain) throws KernelException {
        inner.newChain(ns, table, chain);
    }

    @Override
    public void deleteChain(String ns, Table table, Optional<String> chain) throws KernelException {
        inner.deleteChain(ns, table, chain);
    }

    @Override
    public void renameChain(String ns, Table table, String chain, String newName) throws KernelException {
        inner.renameChain(ns, table, chain, newName);
    }

    @Override
    public void setPolicy(String ns, Table table, String chain, Policy policy) throws KernelException {
        inner.setPolicy(ns, table, chain, policy);
    }

    @Override
    public void flushChain(String ns, Table table, Optional<String> chain) throws KernelException {
        inner.flushChain(ns, table, chain);
    }

    @Override
    public void zeroCounters(String ns, Table table, Optional<String> chain, Optional<Integer> position)
            throws KernelException {
        inner.zeroCounters(ns, table, chain, position);
    }

    @Override
    public Listener listen(String ns, int port) throws KernelException {
        return inner.listen(ns, port);
    }

    @Override
    public Connection connect(String ns, Ipv4Address address, int port) throws KernelException {
        return inner.connect(ns, address, port);
    }

    @Override
    public Map<String, Integer> netnsIds(String ns) {
        return inner.netnsIds(ns);
    }

    @Override
    public Optional<NamespaceState> namespace(String ns) {
        return inner.namespace(ns);
    }

    @Override
    public LabState snapshot() {
        return inner.snapshot();
    }

    @Override
    public void close() {
        inner.close();
    }
}
