package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.PingAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.NatTable;

/** MASQUERADE on the host's POSTROUTING: the way out to the public server, its replies, its counters. */
class MasqueradeTests {

    @Test
    void withoutMasqueradeUpstreamHasNoRouteBackToAPrivateAddress() {
        assertThat(Labs.redBehindTheHost().ping("red", "198.51.100.8"))
                .isLost().droppedIn("upstream", "no route back to 192.168.1.2");
    }

    @Test
    void withMasqueradeTheRepliesComeBackThroughTheConnection() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0");
        assertThat(lab.ping("red", "198.51.100.8", 3)).reached("198.51.100.8").withTtl(63)
                .passedThrough("host", "masqueraded 192.168.1.2 -> 203.0.113.2")
                .passedThrough("upstream", "echo reply 198.51.100.8 > 203.0.113.2")
                .passedThrough("host", "reply to a masqueraded connection: destination 203.0.113.2 -> 192.168.1.2");
    }

    @Test
    void theRuleCountsTheFirstPacketOfEachConnectionOnly() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0");
        lab.ping("red", "198.51.100.8", 3);
        NatTable nat = lab.state(HOST).nat();
        assertThat(nat.postrouting()).singleElement()
                .extracting(NatTable.Entry::counters).isEqualTo(new Counters(1, 84));
        lab.ping("red", "198.51.100.8", 2);
        assertThat(lab.state(HOST).nat().postrouting().get(0).counters()).isEqualTo(new Counters(2, 168));
        assertThat(lab.state(HOST).nat().policyCounters()).as("iptables-nft keeps no policy counters")
                .containsOnly(Counters.ZERO);
    }

    @Test
    void aRuleForAnotherOutputDeviceNeverMatches() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "veth-host");
        assertThat(lab.ping("red", "198.51.100.8")).isLost();
        assertThat(lab.state(HOST).nat().postrouting().get(0).counters()).isEqualTo(Counters.ZERO);
    }

    @Test
    void aRuleWithoutSourceMatchesTheHostsOwnTrafficToo() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, null, "eth0");
        lab.ping("red", "198.51.100.8", 2);
        lab.ping("red", "203.0.113.1");
        lab.ping(HOST, "198.51.100.8");
        assertThat(lab.state(HOST).nat().postrouting().get(0).counters()).isEqualTo(new Counters(3, 252));
    }

    @Test
    void aRuleWithoutTargetCountsAndTheChainGoesOn() {
        Lab lab = Labs.redBehindTheHost();
        lab.step(() -> lab.backend.appendMasquerade(HOST, new org.netnslab.core.model.NatRule(
                java.util.Optional.empty(), java.util.Optional.of("eth0"), false)));
        assertThat(lab.ping("red", "198.51.100.8")).isLost();
        lab.masquerade(HOST, "192.168.1.0/24", "eth0");
        assertThat(lab.ping("red", "198.51.100.8")).reached("198.51.100.8");
        assertThat(lab.state(HOST).nat().postrouting()).extracting(NatTable.Entry::counters)
                .containsExactly(new Counters(2, 168), new Counters(1, 84));
    }

    @Test
    void deletingARuleThatIsNotThereIsRefused() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0");
        assertThat(Lab.refused(() -> lab.backend.deleteMasquerade(HOST, Lab.rule("192.168.1.0/24", null))).errno())
                .isEqualTo(Errno.ENOENT);
        lab.step(() -> lab.backend.deleteMasquerade(HOST, Lab.rule("192.168.1.0/24", "eth0")));
        assertThat(lab.state(HOST).nat().postrouting()).isEmpty();
        assertThat(lab.ping("red", "198.51.100.8")).isLost();
    }

    @Test
    void flushingEmptiesTheChain() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0").masquerade(HOST, null, null);
        lab.step(() -> lab.backend.flushNat(HOST));
        assertThat(lab.state(HOST).nat().postrouting()).isEmpty();
    }

    @Test
    void twoNamespacesBehindOneAddressKeepTheirConnectionsApart() {
        Lab lab = Labs.twoNamespacesOnABridge().forwarding(HOST).masquerade(HOST, "10.0.0.0/24", null)
                .route("one", "default", "10.0.0.1").route("two", "default", "10.0.0.1");
        assertThat(lab.ping("one", "198.51.100.8", 2)).reached("198.51.100.8").withTtl(63);
        assertThat(lab.ping("two", "198.51.100.8", 2)).reached("198.51.100.8").withTtl(63);
    }
}
