package org.netnslab.sim;

import static org.netnslab.sim.Lab.HOST;

/**
 * The topologies of the lessons, by name, each on the lab world and ready to ping. Addresses follow the
 * tutorials that inspired them.
 */
final class Labs {

    private Labs() {}

    /** Lesson 1 (seed 000): {@code blue} wired to the host; host veth0 10.0.0.1/24, blue veth1 10.0.0.2/24. */
    static Lab blueWiredToHost() {
        return Lab.world()
                .namespace("blue")
                .veth(HOST, "veth0", "blue", "veth1")
                .addr(HOST, "veth0", "10.0.0.1/24")
                .up(HOST, "veth0")
                .addr("blue", "veth1", "10.0.0.2/24")
                .up("blue", "veth1", "lo");
    }

    /** Lesson 2 (seed 003): {@code ns1} (10.0.0.1 on v1) and {@code ns2} (10.0.0.2 on v2), one veth between them. */
    static Lab ns1AndNs2() {
        return Lab.world()
                .namespace("ns1", "ns2")
                .vethPair(HOST, "v1", "v2")
                .move(HOST, "v1", "ns1")
                .move(HOST, "v2", "ns2")
                .up("ns1", "v1").addr("ns1", "v1", "10.0.0.1/24")
                .up("ns2", "v2").addr("ns2", "v2", "10.0.0.2/24");
    }

    /**
     * Lesson 4 (seed 001, part 2): {@code one} (10.0.0.10) and {@code two} (10.0.0.20) on the host's bridge
     * {@code br0}, which has 10.0.0.1/24; the bridge-side ends are {@code one-br} and {@code two-br}.
     */
    static Lab twoNamespacesOnABridge() {
        Lab lab = Lab.world().namespace("one", "two").bridge(HOST, "br0").up(HOST, "br0");
        for (String[] n : new String[][] {{"one", "10.0.0.10/24"}, {"two", "10.0.0.20/24"}}) {
            lab.veth(HOST, n[0] + "-br", n[0], n[0] + "-in")
                    .master(HOST, n[0] + "-br", "br0")
                    .up(HOST, n[0] + "-br")
                    .addr(n[0], n[0] + "-in", n[1])
                    .up(n[0], n[0] + "-in", "lo");
        }
        return lab.addr(HOST, "br0", "10.0.0.1/24");
    }

    /**
     * Lesson 3 (seed 002): {@code ns0} (10.1.10.2) and {@code ns1} (10.1.20.2) on two subnets, each wired to
     * the host (10.1.10.1, 10.1.20.1), with routes to each other through it; forwarding still off.
     */
    static Lab routedThroughHost() {
        return Lab.world()
                .namespace("ns0", "ns1")
                .veth(HOST, "veth11", "ns0", "veth12")
                .veth(HOST, "veth21", "ns1", "veth22")
                .addr("ns0", "veth12", "10.1.10.2/24").up("ns0", "veth12", "lo")
                .addr(HOST, "veth11", "10.1.10.1/24").up(HOST, "veth11")
                .addr("ns1", "veth22", "10.1.20.2/24").up("ns1", "veth22", "lo")
                .addr(HOST, "veth21", "10.1.20.1/24").up(HOST, "veth21")
                .route("ns0", "10.1.20.0/24", "10.1.10.1")
                .route("ns1", "10.1.10.0/24", "10.1.20.1");
    }

    /**
     * Two routers between {@code left} and {@code right}: left (10.1.1.2) - host (10.1.1.1, 10.1.2.1) -
     * {@code router} (10.1.2.2, 10.1.3.1) - right (10.1.3.2), forwarding on in both routers.
     */
    static Lab twoHops() {
        return Lab.world()
                .namespace("left", "router", "right")
                .veth(HOST, "to-left", "left", "left0")
                .veth(HOST, "to-router", "router", "up0")
                .vethPair("router", "to-right", "tmp").move("router", "tmp", "right")
                .addr("left", "left0", "10.1.1.2/24").up("left", "left0", "lo")
                .addr(HOST, "to-left", "10.1.1.1/24").up(HOST, "to-left")
                .addr(HOST, "to-router", "10.1.2.1/24").up(HOST, "to-router")
                .addr("router", "up0", "10.1.2.2/24").up("router", "up0", "lo")
                .addr("router", "to-right", "10.1.3.1/24").up("router", "to-right")
                .addr("right", "tmp", "10.1.3.2/24").up("right", "tmp", "lo")
                .route("left", "default", "10.1.1.1")
                .route(HOST, "10.1.3.0/24", "10.1.2.2")
                .route("router", "default", "10.1.2.1")
                .route("right", "default", "10.1.3.1")
                .forwarding(HOST)
                .forwarding("router");
    }

    /**
     * Lesson 5 (seed 004): {@code red} (192.168.1.2) behind the host (192.168.1.1) with a default route,
     * forwarding on, and no masquerade yet.
     */
    static Lab redBehindTheHost() {
        return Lab.world()
                .namespace("red")
                .veth(HOST, "veth-host", "red", "veth-red")
                .addr(HOST, "veth-host", "192.168.1.1/24").up(HOST, "veth-host")
                .addr("red", "veth-red", "192.168.1.2/24").up("red", "veth-red", "lo")
                .route("red", "default", "192.168.1.1")
                .forwarding(HOST);
    }

    /**
     * {@code n} namespaces {@code n0}.. on the host's bridge {@code br0} (10.0.0.1/16): {@code nI} has {@code vI}
     * with {@link #address(int)}, its peer {@code pI} is a port of the bridge.
     */
    static Lab onOneBridge(int n) {
        Lab lab = Lab.world().bridge(HOST, "br0").up(HOST, "br0").addr(HOST, "br0", "10.0.0.1/16");
        for (int i = 0; i < n; i++) {
            String ns = "n" + i;
            lab.namespace(ns)
                    .veth(HOST, "p" + i, ns, "v" + i)
                    .master(HOST, "p" + i, "br0")
                    .up(HOST, "p" + i)
                    .addr(ns, "v" + i, address(i) + "/16")
                    .up(ns, "v" + i);
        }
        return lab;
    }

    /** The address of {@code nI} in {@link #onOneBridge}. */
    static String address(int i) {
        int host = i + 2;
        return "10.0." + (host / 256) + "." + (host % 256);
    }
}
