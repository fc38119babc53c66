package org.netnslab.sim;

import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.PingAssert.assertThat;

import org.junit.jupiter.api.Test;

/** Routing through namespaces: forwarding off and on, TTL through one and two hops, ICMP errors from routers. */
class ForwardingTests {

    @Test
    void withForwardingOffTheRouterDropsWithoutAWord() {
        assertThat(Labs.routedThroughHost().ping("ns0", "10.1.20.2", 2))
                .isLost().droppedIn("host", "forwarding is off (net.ipv4.ip_forward = 0)");
    }

    @Test
    void oneHopCostsOneTtl() {
        Lab lab = Labs.routedThroughHost().forwarding(HOST);
        assertThat(lab.ping("ns0", "10.1.20.2", 2)).reached("10.1.20.2").withTtl(63)
                .passedThrough("host", "forwarded out veth21, ttl 64 -> 63");
    }

    @Test
    void twoHopsCostTwo() {
        assertThat(Labs.twoHops().ping("left", "10.1.3.2", 2)).reached("10.1.3.2").withTtl(62)
                .passedThrough("host", "forwarded out to-router via 10.1.2.2")
                .passedThrough("router", "forwarded out to-right");
    }

    @Test
    void aRouterWithNoRouteAnswersDestinationNetUnreachable() {
        Lab lab = Labs.routedThroughHost().forwarding(HOST).route("ns0", "192.0.2.0/24", "10.1.10.1");
        lab.step(() -> lab.backend.deleteRoute(HOST, Lab.spec("default", java.util.Optional.empty(),
                java.util.Optional.empty())));
        assertThat(lab.ping("ns0", "192.0.2.1")).failedWith("Destination Net Unreachable").from("10.1.10.1")
                .droppedIn("host", "no route to 192.0.2.1");
    }

    @Test
    void aRouterThatCannotResolveTheNextHopAnswersDestinationHostUnreachable() {
        Lab lab = Labs.routedThroughHost().forwarding(HOST).route("ns0", "10.1.20.0/25", "10.1.10.1");
        assertThat(lab.ping("ns0", "10.1.20.99")).failedWith("Destination Host Unreachable").from("10.1.10.1")
                .droppedIn("host", "no ARP reply from 10.1.20.99");
    }

    @Test
    void aRoutingLoopEndsWithTimeToLiveExceeded() {
        Lab lab = Labs.routedThroughHost().forwarding(HOST).forwarding("ns1")
                .route("ns0", "192.0.2.0/24", "10.1.10.1")
                .route(HOST, "192.0.2.0/24", "10.1.20.2")
                .route("ns1", "192.0.2.0/24", "10.1.20.1");
        // ttl 64 leaves ns0; the host sees 64, 62, ... and ns1 sees 63, 61, ..., 1: ns1 drops it
        assertThat(lab.ping("ns0", "192.0.2.1")).failedWith("Time to live exceeded").from("10.1.20.2")
                .droppedIn("ns1", "TTL exceeded in transit");
    }

    @Test
    void withoutARouteBackTheReplyDies() {
        Lab lab = Labs.routedThroughHost().forwarding(HOST);
        lab.step(() -> lab.backend.deleteRoute("ns1", Lab.spec("10.1.10.0/24", java.util.Optional.empty(),
                java.util.Optional.empty())));
        assertThat(lab.ping("ns0", "10.1.20.2")).isLost().droppedIn("ns1", "no route back to 10.1.10.2");
    }
}
