package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.PingAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.PingResult;

/** A bridge learns where addresses live, floods what it does not know, and forwards nothing while down. */
class BridgeTests {

    @Test
    void namespacesOnABridgeReachEachOtherAndTheHost() {
        Lab lab = Labs.twoNamespacesOnABridge();
        assertThat(lab.ping("one", "10.0.0.20")).reached("10.0.0.20").withTtl(64);
        assertThat(lab.ping("two", "10.0.0.1")).reached("10.0.0.1").withTtl(64)
                .passedThrough("host", "up to br0's own stack");
    }

    @Test
    void theBridgeLearnsWhereEachAddressLives() {
        Lab lab = Labs.twoNamespacesOnABridge();
        lab.ping("one", "10.0.0.20");
        Bridge br = (Bridge) lab.internal(HOST).device("br0").orElseThrow();
        assertThat(br.fdb.get(lab.link("one", "one-in").mac()).port().name).isEqualTo("one-br");
        assertThat(br.fdb.get(lab.link("two", "two-in").mac()).port().name).isEqualTo("two-br");
    }

    @Test
    void anUnknownDestinationIsFloodedAndAKnownOneIsForwardedToItsPort() {
        Lab lab = Labs.twoNamespacesOnABridge();
        lab.ping("one", "10.0.0.20");
        Bridge br = (Bridge) lab.internal(HOST).device("br0").orElseThrow();
        br.fdb.clear();
        PingResult flooded = lab.ping("one", "10.0.0.20");
        assertThat(flooded).reached("10.0.0.20").passedThrough("host", "flooded to 1 port");
        assertThat(lab.ping("one", "10.0.0.20")).passedThrough("host", "bridged from port one-br to port two-br");
    }

    @Test
    void aBridgeThatIsDownForwardsNothing() {
        Lab lab = Labs.twoNamespacesOnABridge();
        lab.ping("one", "10.0.0.20");
        lab.down(HOST, "br0");
        assertThat(lab.ping("one", "10.0.0.20", 1, 1, java.util.Optional.empty())).isLost()
                .droppedIn("host", "bridge br0 is down");
    }

    @Test
    void aPortThatIsDownForwardsNothing() {
        Lab lab = Labs.twoNamespacesOnABridge();
        lab.ping("one", "10.0.0.20");
        lab.down(HOST, "two-br");
        assertThat(lab.ping("one", "10.0.0.20", 1, 1, java.util.Optional.empty())).isLost();
        assertThat(lab.link(HOST, "br0").lowerUp()).as("one port still forwards").isTrue();
    }

    @Test
    void aPortThatLeavesTheBridgeIsForgotten() {
        Lab lab = Labs.twoNamespacesOnABridge();
        lab.ping("one", "10.0.0.20");
        lab.nomaster(HOST, "two-br");
        Bridge br = (Bridge) lab.internal(HOST).device("br0").orElseThrow();
        assertThat(br.fdb.values()).noneMatch(e -> e.port().name.equals("two-br"));
        assertThat(lab.ping("one", "10.0.0.20", 1, 1, java.util.Optional.empty())).isLost();
    }

    @Test
    void theHostWithoutAnAddressOnTheBridgeSendsToTheInternetAndLoses() {
        Lab lab = Labs.twoNamespacesOnABridge();
        lab.step(() -> lab.backend.deleteAddress(HOST, "br0", org.netnslab.core.net.Ipv4Cidr.parse("10.0.0.1/24")));
        assertThat(lab.ping(HOST, "10.0.0.10")).isLost().droppedIn("upstream", "forwarding is off");
    }
}
