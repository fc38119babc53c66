package org.netnslab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.lesson.Exercise;
import org.netnslab.core.lesson.Expectations;
import org.netnslab.core.lesson.Finding;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.testkit.WithoutJourneys;
import org.netnslab.sim.SimBackend;

/**
 * Why a ping fails where the backend tells no journey (the kernel): read from the lab's tables, on the
 * simulator with its journeys taken away.
 */
class MeasuredReasonsTests {

    /** ns0 and ns1 on two cables to the host, as in the routing lesson, with the addresses up. */
    private static final List<String> TWO_SUBNETS = List.of("ip netns add ns0", "ip netns add ns1",
            "ip link add veth11 type veth peer name veth12", "ip link add veth21 type veth peer name veth22",
            "ip link set veth12 netns ns0", "ip link set veth22 netns ns1",
            "ip -n ns0 addr add 10.1.10.2/24 dev veth12", "ip -n ns0 link set veth12 up",
            "ip addr add 10.1.10.1/24 dev veth11", "ip link set veth11 up",
            "ip -n ns1 addr add 10.1.20.2/24 dev veth22", "ip -n ns1 link set veth22 up",
            "ip addr add 10.1.20.1/24 dev veth21", "ip link set veth21 up",
            "ip -n ns0 route add 10.1.20.0/24 via 10.1.10.1", "sysctl -w net.ipv4.ip_forward=1");

    private static Finding check(List<String> commands, String expectation) throws Exception {
        SimBackend sim = new SimBackend(7);
        LabWorld.build(sim);
        Lesson lesson = new Lesson("m", "M", "M.", Optional.empty(), "", List.of(
                new Step("Ping", "", List.of("ip netns list"), List.of(Expectations.parse(expectation)))));
        try (Backend lab = WithoutJourneys.of(sim)) {
            Exercise x = new Exercise(lesson, new Terminal(lab));
            commands.forEach(x::type);
            return x.check().findings().get(0);
        }
    }

    @Test
    void aReplyWithoutAWayBackIsNamed() throws Exception {
        Finding f = check(TWO_SUBNETS, "ns0 reaches 10.1.20.2");

        assertThat(f.passed()).isFalse();
        assertThat(f.detail()).isEqualTo("`ns0`'s ping to `10.1.20.2` got no reply within a second. From the lab's"
                + " tables: the request gets there (`ns0` → `host` → `ns1`), but the reply does not: `ns1` has no route"
                + " to `10.1.10.2`: a private source address, which only masquerade on the way out would have"
                + " rewritten");
    }

    @Test
    void aLinkWhosePeerIsDownHasNoCarrier() throws Exception {
        List<String> commands = new ArrayList<>(TWO_SUBNETS);
        commands.add("ip -n ns1 route add 10.1.10.0/24 via 10.1.20.1");
        commands.add("ip link set veth11 down");

        Finding f = check(commands, "ns0 reaches 10.1.20.2");

        assertThat(f.detail()).endsWith("From the lab's tables: the request leaves `ns0` by `veth12`, and `veth12` is"
                + " up but has no carrier (`NO-CARRIER`): its peer `veth11` in `host` is down");
    }

    @Test
    void anOwnAddressNeedsTheLoopback() throws Exception {
        Finding f = check(List.of("ip netns add ns0", "ip link add va type veth peer name vb",
                "ip link set va netns ns0", "ip -n ns0 addr add 10.9.0.1/24 dev va", "ip -n ns0 link set va up"),
                "ns0 reaches 10.9.0.1");

        assertThat(f.detail()).endsWith("`ns0` sends to its own address through `lo`, and `lo` is down");
    }

    @Test
    void withEverythingInPlaceThePingHoldsWithTheTtlTheRoutersGive() throws Exception {
        List<String> commands = new ArrayList<>(TWO_SUBNETS);
        commands.add("ip -n ns1 route add 10.1.10.0/24 via 10.1.20.1");

        Finding f = check(commands, "ns0 reaches 10.1.20.2 with ttl 63");

        assertThat(f.passed()).as(f.detail()).isTrue();
        assertThat(f.detail()).isEqualTo("reply from 10.1.20.2, ttl 63");
    }
}
