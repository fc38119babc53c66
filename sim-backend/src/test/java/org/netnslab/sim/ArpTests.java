package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.PingAssert.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.Ipv4Address;

/** ARP and the neighbour table: who asks, who answers, what is remembered, and what happens without an answer. */
class ArpTests {

    private static long arpRequests(PingResult r) {
        return r.probes().stream().flatMap(p -> p.journey().stream())
                .filter(h -> h.what().contains("who-has") && h.what().contains("broadcast")).count();
    }

    @Test
    void theFirstPingResolvesBothWaysAndTheSecondAsksNoOne() {
        Lab lab = Labs.blueWiredToHost();
        PingResult first = lab.ping(HOST, "10.0.0.2");
        assertThat(first).reached("10.0.0.2").withTtl(64)
                .passedThrough("host", "who-has 10.0.0.2")
                .passedThrough("blue", "who-has 10.0.0.2? it is here");
        Namespace host = lab.internal(HOST);
        Namespace blue = lab.internal("blue");
        Neighbours.Entry learned = host.neighbours.get(host.device("veth0").orElseThrow(), Ipv4Address.parse("10.0.0.2"))
                .orElseThrow();
        assertThat(learned.state).isEqualTo(NudState.REACHABLE);
        assertThat(learned.mac).isEqualTo(lab.link("blue", "veth1").mac());
        assertThat(blue.neighbours.get(blue.device("veth1").orElseThrow(), Ipv4Address.parse("10.0.0.1")))
                .as("the asker is remembered by the one it asked, as stale").hasValueSatisfying(e -> {
                    assertThat(e.state).isIn(NudState.STALE, NudState.DELAY, NudState.REACHABLE);
                    assertThat(e.mac).isEqualTo(lab.link(HOST, "veth0").mac());
                });
        assertThat(arpRequests(lab.ping(HOST, "10.0.0.2", 3))).isZero();
        assertThat(arpRequests(lab.ping("blue", "10.0.0.1"))).isZero();
    }

    @Test
    void withNoAnswerTheSenderTellsItselfDestinationHostUnreachable() {
        Lab lab = Labs.blueWiredToHost();
        long before = lab.backend.now();
        PingResult r = lab.ping("blue", "10.0.0.77");
        assertThat(r).failedWith("Destination Host Unreachable").from("10.0.0.2")
                .droppedIn("blue", "no ARP reply from 10.0.0.77 after 3 requests");
        assertThat(lab.backend.now() - before).as("three requests a second apart, then FAILED")
                .isGreaterThanOrEqualTo(3 * Engine.SECOND);
    }

    @Test
    void requestsWaitingForTheSameAnswerAllGetTheErrorAtOnce() {
        PingResult r = Labs.blueWiredToHost().ping("blue", "10.0.0.77", 3);
        assertThat(r).failedWith("Destination Host Unreachable").hasPipe(3);
    }

    @Test
    void theErrorNeedsLoUpToComeBackToTheSender() {
        Lab lab = Labs.blueWiredToHost().down("blue", "lo");
        assertThat(lab.ping("blue", "10.0.0.77")).isLost().droppedIn("blue", "lo is down");
    }

    @Test
    void pingGivesUpBeforeTheNeighbourFailsWhenItsWaitIsShort() {
        Lab lab = Labs.blueWiredToHost();
        assertThat(lab.ping("blue", "10.0.0.77", 1, 1, Optional.empty())).isLost();
    }

    @Test
    void anyLocalAddressIsAnsweredOnAnyLinkAsArpIgnoreZeroSays() {
        Lab lab = Labs.blueWiredToHost().route("blue", "203.0.113.0/24", "10.0.0.1");
        // the host's eth0 address, asked on veth0: replied without forwarding
        assertThat(lab.ping("blue", "203.0.113.2")).reached("203.0.113.2").withTtl(64);
        lab.routeDev("blue", "198.51.100.0/24", "veth1");
        // 198.51.100.8 is upstream's: the host has no such address, and does not answer for it
        assertThat(lab.ping("blue", "198.51.100.8")).failedWith("Destination Host Unreachable");
    }

    @Test
    void aLinkThatGoesDownForgetsItsNeighbours() {
        Lab lab = Labs.blueWiredToHost();
        lab.ping(HOST, "10.0.0.2");
        Namespace host = lab.internal(HOST);
        Device veth0 = host.device("veth0").orElseThrow();
        assertThat(host.neighbours.get(veth0, Ipv4Address.parse("10.0.0.2"))).isPresent();
        lab.down("blue", "veth1").state(HOST);
        assertThat(host.neighbours.get(veth0, Ipv4Address.parse("10.0.0.2"))).as("carrier lost").isEmpty();
    }

    @Test
    void theJourneyOfAReplyEndsAtThePing() {
        PingResult r = Labs.blueWiredToHost().ping(HOST, "10.0.0.2");
        Hop last = r.probes().get(0).journey().get(r.probes().get(0).journey().size() - 1);
        assertThat(last.namespace()).isEqualTo(HOST);
        assertThat(last.what()).contains("echo reply from 10.0.0.2 delivered to ping");
    }
}
