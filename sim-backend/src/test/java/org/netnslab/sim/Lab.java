package org.netnslab.sim;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.Route;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * A simulator lab for tests, driven the way the tutorials drive a real one, one step a call, each step
 * named after the command it equals. A refusal of the kernel fails the test with the step that was refused;
 * use {@link #refused} to expect one.
 */
final class Lab {

    static final String HOST = Backend.HOST;
    static final String UPSTREAM = Backend.UPSTREAM;

    /** A step that may be refused by the kernel. */
    interface Step {
        void run() throws KernelException;
    }

    final SimBackend backend;

    private Lab(SimBackend backend) {
        this.backend = backend;
    }

    /** The bare lab: host and upstream with only their {@code lo}, down. */
    static Lab bare(long seed) {
        return new Lab(new SimBackend(seed));
    }

    /** The lab world every lesson starts from (host, upstream, eth0, the default route). */
    static Lab world() {
        return world(7);
    }

    static Lab world(long seed) {
        Lab lab = bare(seed);
        lab.step(() -> LabWorld.build(lab.backend));
        return lab;
    }

    Lab step(Step s) {
        try {
            s.run();
        } catch (KernelException e) {
            throw new AssertionError("the kernel refused a step of the lab: " + e.getMessage(), e);
        }
        return this;
    }

    /** Runs a step that must be refused; returns the refusal. */
    static KernelException refused(Step s) {
        try {
            s.run();
        } catch (KernelException e) {
            return e;
        }
        throw new AssertionError("expected the kernel to refuse");
    }

    // ------------------------------------------------------------------------------------------ building

    /** {@code ip netns add NAME...}. */
    Lab namespace(String... names) {
        for (String n : names) {
            step(() -> backend.addNamespace(n));
        }
        return this;
    }

    /** {@code ip -n NS link add NAME type veth peer name PEER} (both ends in NS). */
    Lab vethPair(String ns, String name, String peer) {
        return step(() -> backend.addVeth(ns, name, peer, Optional.empty()));
    }

    /** {@code ip -n NS link add NAME type veth peer name PEER netns PEER_NS}. */
    Lab vethAcross(String ns, String name, String peer, String peerNs) {
        return step(() -> backend.addVeth(ns, name, peer, Optional.of(peerNs)));
    }

    /** The tutorials' way to wire two namespaces: the pair made in {@code ns}, then its peer moved. */
    Lab veth(String ns, String name, String peerNs, String peer) {
        vethPair(ns, name, peer);
        return move(ns, peer, peerNs);
    }

    /** {@code ip -n NS link set DEV netns TARGET}. */
    Lab move(String ns, String dev, String target) {
        return step(() -> backend.setLinkNamespace(ns, dev, target));
    }

    /** {@code ip -n NS link add NAME type bridge}. */
    Lab bridge(String ns, String name) {
        return step(() -> backend.addBridge(ns, name));
    }

    /** {@code ip -n NS link set DEV master BRIDGE}. */
    Lab master(String ns, String dev, String bridge) {
        return step(() -> backend.setMaster(ns, dev, Optional.of(bridge)));
    }

    /** {@code ip -n NS link set DEV nomaster}. */
    Lab nomaster(String ns, String dev) {
        return step(() -> backend.setMaster(ns, dev, Optional.empty()));
    }

    /** {@code ip -n NS addr add CIDR dev DEV}. */
    Lab addr(String ns, String dev, String cidr) {
        return step(() -> backend.addAddress(ns, dev, Ipv4Cidr.parse(cidr)));
    }

    /** {@code ip -n NS link set DEV up}, for each device. */
    Lab up(String ns, String... devs) {
        for (String d : devs) {
            step(() -> backend.setLinkUp(ns, d, true));
        }
        return this;
    }

    /** {@code ip -n NS link set DEV down}. */
    Lab down(String ns, String dev) {
        return step(() -> backend.setLinkUp(ns, dev, false));
    }

    /** {@code ip -n NS link del DEV}. */
    Lab delete(String ns, String dev) {
        return step(() -> backend.deleteLink(ns, dev));
    }

    /** {@code ip -n NS route add PREFIX via GW}. */
    Lab route(String ns, String prefix, String via) {
        return step(() -> backend.addRoute(ns, spec(prefix, Optional.of(via), Optional.empty())));
    }

    /** {@code ip -n NS route add PREFIX dev DEV}. */
    Lab routeDev(String ns, String prefix, String dev) {
        return step(() -> backend.addRoute(ns, spec(prefix, Optional.empty(), Optional.of(dev))));
    }

    static RouteSpec spec(String prefix, Optional<String> via, Optional<String> dev) {
        Ipv4Cidr dst = prefix.equals("default") ? Ipv4Cidr.DEFAULT : Ipv4Cidr.parse(prefix);
        return new RouteSpec(dst, via.map(Ipv4Address::parse), dev);
    }

    /** {@code ip netns exec NS sysctl -w net.ipv4.ip_forward=1}. */
    Lab forwarding(String ns) {
        return step(() -> backend.setIpForward(ns, 1));
    }

    /** {@code iptables -t nat -A POSTROUTING [-s SOURCE] [-o OUT] -j MASQUERADE}; null leaves a match out. */
    Lab masquerade(String ns, String source, String out) {
        return step(() -> backend.appendMasquerade(ns, rule(source, out)));
    }

    static NatRule rule(String source, String out) {
        return new NatRule(Optional.ofNullable(source).map(s -> Ipv4Cidr.parse(s).network()),
                Optional.ofNullable(out));
    }

    // ------------------------------------------------------------------------------------------ looking

    /** {@code ip netns exec NS ping -c COUNT DST}. */
    PingResult ping(String ns, String dst, int count) {
        try {
            return backend.ping(ns, PingRequest.of(Ipv4Address.parse(dst), count));
        } catch (KernelException e) {
            throw new AssertionError("ping could not start: " + e.getMessage(), e);
        }
    }

    PingResult ping(String ns, String dst) {
        return ping(ns, dst, 1);
    }

    /** {@code ping -c COUNT -W SECONDS [-I DEV] DST}. */
    PingResult ping(String ns, String dst, int count, int waitSeconds, Optional<String> dev) {
        try {
            return backend.ping(ns, new PingRequest(Ipv4Address.parse(dst), count, dev, 1000, waitSeconds * 1000L));
        } catch (KernelException e) {
            throw new AssertionError("ping could not start: " + e.getMessage(), e);
        }
    }

    /** {@code ip netns exec NS nc -l -p PORT}, as far as its listening socket. */
    Listener listen(String ns, int port) {
        try {
            return backend.listen(ns, port);
        } catch (KernelException e) {
            throw new AssertionError("listen refused: " + e.getMessage(), e);
        }
    }

    /** {@code ip netns exec NS nc ADDR PORT}, as far as its connected socket. */
    Connection connect(String ns, String address, int port) {
        try {
            return backend.connect(ns, Ipv4Address.parse(address), port);
        } catch (KernelException e) {
            throw new AssertionError("connect refused: " + e.getMessage() + "\n" + backend.lastConnectJourneys(), e);
        }
    }

    /** The connection a listener accepted; the test fails when none waits. */
    static Connection accept(Listener l) {
        try {
            return l.accept().orElseThrow(() -> new AssertionError("no connection waits on port " + l.port()));
        } catch (KernelException e) {
            throw new AssertionError("accept refused: " + e.getMessage(), e);
        }
    }

    /** A line typed into one nc, and what the other prints. */
    static String say(Connection from, Connection to, String line) {
        try {
            from.send((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(to.receive(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (KernelException e) {
            throw new AssertionError("the chat broke: " + e.getMessage(), e);
        }
    }

    NamespaceState state(String ns) {
        return backend.namespace(ns).orElseThrow(() -> new AssertionError("no namespace " + ns));
    }

    Link link(String ns, String dev) {
        return state(ns).link(dev).orElseThrow(() -> new AssertionError("no link " + dev + " in " + ns));
    }

    List<Route> routes(String ns) {
        return state(ns).routes();
    }

    /** The routes as {@code ip route} would print them, one line each, for readable assertions. */
    List<String> routeLines(String ns) {
        return routes(ns).stream().map(Lab::line).toList();
    }

    static String line(Route r) {
        StringBuilder sb = new StringBuilder(r.destination().isDefault() ? "default" : r.destination().toRouteString());
        r.gateway().ifPresent(g -> sb.append(" via ").append(g));
        sb.append(" dev ").append(r.device());
        if (!r.protocol().ipName().equals("boot")) {
            sb.append(" proto ").append(r.protocol().ipName());
        }
        if (!r.scope().ipName().equals("global")) {
            sb.append(" scope ").append(r.scope().ipName());
        }
        r.preferredSource().ifPresent(s -> sb.append(" src ").append(s));
        if (r.linkDown()) {
            sb.append(" linkdown");
        }
        return sb.toString();
    }

    /** The addresses of a link as {@code ip -br addr} lists them. */
    List<String> addresses(String ns, String dev) {
        NamespaceState st = state(ns);
        int index = link(ns, dev).index();
        return st.addressesOf(index).stream().map(Address::prefix).toList();
    }

    /** The internal namespace, for what no dump shows (the ARP table, the FDB). */
    Namespace internal(String ns) {
        return backend.internal(ns).orElseThrow();
    }
}
