package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.PingAssert.assertThat;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.net.Ipv4Address;

/** Where a probe dies, and why, in the journey: one row a reason. */
class DropReasonTests {

    record Case(Supplier<Lab> lab, String ns, String dst, String diesIn, String because) {}

    static Stream<Arguments> drops() {
        return Stream.of(
                Arguments.of("forwarding off", new Case(() -> Labs.routedThroughHost(), "ns0", "10.1.20.2", "host",
                        "forwarding is off")),
                Arguments.of("link down: the peer is down", new Case(() -> Labs.blueWiredToHost().down("blue", "veth1"),
                        HOST, "10.0.0.2", "host", "has no carrier (NO-CARRIER): its peer veth1 is down")),
                Arguments.of("bridge down", new Case(() -> Labs.twoNamespacesOnABridge().down(HOST, "br0"), "one",
                        "10.0.0.20", "host", "bridge br0 is down")),
                Arguments.of("no ARP answer", new Case(() -> Labs.blueWiredToHost(), HOST, "10.0.0.99", "host",
                        "no ARP reply from 10.0.0.99 after 3 requests (neighbour FAILED)")),
                Arguments.of("no route back", new Case(() -> Labs.redBehindTheHost(), "red", "203.0.113.1", "upstream",
                        "no route back to 192.168.1.2")),
                Arguments.of("not masqueraded", new Case(() -> Labs.redBehindTheHost(), "red", "198.51.100.8",
                        "upstream", "unmasqueraded (no MASQUERADE on the way out)")),
                Arguments.of("no route at a router", new Case(() -> {
                    Lab lab = Labs.redBehindTheHost();
                    lab.step(() -> lab.backend.deleteRoute(HOST, Lab.spec("default", Optional.empty(), Optional.empty())));
                    return lab;
                }, "red", "198.51.100.8", "host", "no route to 198.51.100.8: Destination Net Unreachable back to 192.168.1.2")),
                Arguments.of("lo down, pinging oneself", new Case(() -> Labs.blueWiredToHost().down("blue", "lo"), "blue",
                        "10.0.0.2", "blue", "lo is down")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drops")
    void theJourneySaysWhereAndWhy(String what, Case c) {
        Lab lab = c.lab().get();
        assertThat(lab.ping(c.ns(), c.dst(), 1, 5, Optional.empty())).droppedIn(c.diesIn(), c.because());
    }

    @Test
    void noRouteAtAllRefusesThePingBeforeItStarts() {
        Lab lab = Labs.blueWiredToHost();
        KernelException e = Lab.refused(() -> lab.backend.ping("blue", PingRequest.of(Ipv4Address.parse("198.51.100.8"), 1)));
        assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH);
    }

    @Test
    void pingToABroadcastAddressWithoutDashBIsRefused() {
        Lab lab = Labs.blueWiredToHost();
        KernelException e = Lab.refused(() -> lab.backend.ping(HOST, PingRequest.of(Ipv4Address.parse("10.0.0.255"), 1)));
        assertThat(e.errno()).isEqualTo(Errno.EACCES);
    }

    @Test
    void aBoundPingWithoutARouteAssumesTheDestinationIsOnTheLink() {
        Lab lab = Labs.blueWiredToHost();
        assertThat(lab.ping("blue", "10.9.9.9", 1, 5, Optional.of("veth1")))
                .failedWith("Destination Host Unreachable").from("10.0.0.2");
    }
}
