package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.OperState;
import org.netnslab.core.net.MacAddress;

/** Admin state, carrier, operstate, qdisc and the addresses the kernel adds, as the real kernel shows them settled. */
class LinkStateTests {

    /** What {@code ip link} shows of a link, in one line: flags that matter, state, qdisc. */
    static String shown(Link l) {
        return (l.adminUp() ? "UP" : "down") + (l.lowerUp() ? ",LOWER_UP" : "") + " state " + l.operState()
                + " qdisc " + l.qdisc();
    }

    static Stream<Arguments> vethTransitions() {
        return Stream.of(
                Arguments.of("a new pair", (java.util.function.UnaryOperator<Lab>) l -> l,
                        "down state DOWN qdisc noop", "down state DOWN qdisc noop"),
                Arguments.of("veth0 up, its peer down", (java.util.function.UnaryOperator<Lab>) l -> l.up(HOST, "veth0"),
                        "UP state LOWERLAYERDOWN qdisc noqueue", "down state DOWN qdisc noop"),
                Arguments.of("both up", (java.util.function.UnaryOperator<Lab>) l -> l.up(HOST, "veth0", "veth1"),
                        "UP,LOWER_UP state UP qdisc noqueue", "UP,LOWER_UP state UP qdisc noqueue"),
                Arguments.of("both up, then veth1 down",
                        (java.util.function.UnaryOperator<Lab>) l -> l.up(HOST, "veth0", "veth1").down(HOST, "veth1"),
                        "UP state LOWERLAYERDOWN qdisc noqueue", "down state DOWN qdisc noqueue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vethTransitions")
    void vethEndsInOneNamespace(String what, java.util.function.UnaryOperator<Lab> steps, String veth0,
            String veth1) {
        Lab lab = steps.apply(Lab.world().vethPair(HOST, "veth0", "veth1"));
        assertThat(shown(lab.link(HOST, "veth0"))).isEqualTo(veth0);
        assertThat(shown(lab.link(HOST, "veth1"))).isEqualTo(veth1);
    }

    @Test
    void anEndWhosePeerLeftKeepsItsOperstateUntilItsCarrierChanges() {
        Lab lab = Lab.world().namespace("blue").vethPair(HOST, "veth0", "veth1").up(HOST, "veth0");
        assertThat(lab.link(HOST, "veth0").operState()).isEqualTo(OperState.LOWERLAYERDOWN);
        lab.move(HOST, "veth1", "blue");
        assertThat(lab.link(HOST, "veth0").operState()).as("no carrier change, no new operstate")
                .isEqualTo(OperState.LOWERLAYERDOWN);
        lab.up("blue", "veth1");
        assertThat(shown(lab.link(HOST, "veth0"))).isEqualTo("UP,LOWER_UP state UP qdisc noqueue");
        lab.down("blue", "veth1");
        assertThat(lab.link(HOST, "veth0").operState())
                .as("the lower device's index (3) is nobody in the host now").isEqualTo(OperState.DOWN);
    }

    @Test
    void aLinkMovedWhileUpArrivesDownWithItsQueueGone() {
        Lab lab = Lab.world().namespace("blue").vethPair(HOST, "a0", "a1").up(HOST, "a0", "a1");
        lab.move(HOST, "a1", "blue");
        assertThat(shown(lab.link("blue", "a1"))).isEqualTo("down state DOWN qdisc noop");
        assertThat(shown(lab.link(HOST, "a0"))).isEqualTo("UP state DOWN qdisc noqueue");
    }

    @Test
    void theLinkLocalAddressComesWithTheCarrierAndGoesWithAdminDown() {
        Lab lab = Lab.world().vethPair(HOST, "veth0", "veth1").addr(HOST, "veth0", "10.0.0.1/24").up(HOST, "veth0");
        assertThat(lab.addresses(HOST, "veth0")).containsExactly("10.0.0.1/24");
        lab.up(HOST, "veth1");
        assertThat(lab.addresses(HOST, "veth0")).hasSize(2);
        assertThat(lab.addresses(HOST, "veth0").get(1)).isEqualTo(lab.link(HOST, "veth0").mac().ipv6LinkLocal() + "/64");
        lab.down(HOST, "veth1");
        assertThat(lab.addresses(HOST, "veth0")).as("losing the carrier keeps it").hasSize(2);
        assertThat(lab.addresses(HOST, "veth1")).as("going down removes it").isEmpty();
    }

    @Test
    void loopbackGetsItsAddressesWhenItComesUpAndKeepsTheIpv4One() {
        Lab lab = Lab.world().namespace("blue");
        assertThat(lab.addresses("blue", "lo")).isEmpty();
        lab.up("blue", "lo");
        assertThat(shown(lab.link("blue", "lo"))).isEqualTo("UP,LOWER_UP state UNKNOWN qdisc noqueue");
        assertThat(lab.addresses("blue", "lo")).containsExactly("127.0.0.1/8", "::1/128");
        lab.down("blue", "lo");
        assertThat(shown(lab.link("blue", "lo"))).isEqualTo("down state DOWN qdisc noqueue");
        assertThat(lab.addresses("blue", "lo")).containsExactly("127.0.0.1/8");
        assertThat(lab.link("blue", "lo").mtu()).isEqualTo(65536);
    }

    @Test
    void aBridgeUpWithNoPortEverIsUnknownWithACarrier() {
        Lab lab = Lab.world().bridge(HOST, "br0").up(HOST, "br0");
        assertThat(shown(lab.link(HOST, "br0"))).isEqualTo("UP,LOWER_UP state UNKNOWN qdisc noqueue");
        assertThat(lab.addresses(HOST, "br0")).singleElement().asString().startsWith("fe80::");
    }

    @Test
    void aBridgeHasACarrierWhileAPortForwards() {
        Lab lab = Lab.world().bridge(HOST, "br0").up(HOST, "br0").vethPair(HOST, "veth0", "veth1")
                .master(HOST, "veth0", "br0");
        assertThat(shown(lab.link(HOST, "br0"))).as("a port that does not forward").isEqualTo("UP state DOWN qdisc noqueue");
        lab.up(HOST, "veth0");
        assertThat(shown(lab.link(HOST, "br0"))).isEqualTo("UP state DOWN qdisc noqueue");
        lab.up(HOST, "veth1");
        assertThat(shown(lab.link(HOST, "br0"))).isEqualTo("UP,LOWER_UP state UP qdisc noqueue");
        lab.down(HOST, "veth1");
        assertThat(shown(lab.link(HOST, "br0"))).isEqualTo("UP state DOWN qdisc noqueue");
    }

    @Test
    void aBridgeTakesTheSmallestPortAddressAndZerosWhenItHasNone() {
        Lab lab = Lab.world().bridge(HOST, "br0").up(HOST, "br0")
                .vethPair(HOST, "a0", "a1").vethPair(HOST, "b0", "b1")
                .master(HOST, "a0", "br0").master(HOST, "b0", "br0");
        MacAddress a = lab.link(HOST, "a0").mac();
        MacAddress b = lab.link(HOST, "b0").mac();
        MacAddress smallest = Long.compareUnsigned(a.bits(), b.bits()) < 0 ? a : b;
        assertThat(lab.link(HOST, "br0").mac()).isEqualTo(smallest);
        lab.nomaster(HOST, "a0").nomaster(HOST, "b0");
        assertThat(lab.link(HOST, "br0").mac()).isEqualTo(MacAddress.ZERO);
        assertThat(shown(lab.link(HOST, "br0"))).isEqualTo("UP state DOWN qdisc noqueue");
        assertThat(lab.link(HOST, "a0").master()).isEmpty();
    }

    @Test
    void aBridgeThatLostItsLastPortHasNoCarrierEvenAfterDownAndUp() {
        Lab lab = Lab.world().bridge(HOST, "br0").up(HOST, "br0").vethPair(HOST, "a0", "a1")
                .up(HOST, "a0", "a1").master(HOST, "a0", "br0");
        assertThat(lab.link(HOST, "br0").operState()).isEqualTo(OperState.UP);
        lab.delete(HOST, "a0").down(HOST, "br0").up(HOST, "br0");
        assertThat(shown(lab.link(HOST, "br0"))).isEqualTo("UP state DOWN qdisc noqueue");
    }

    @Test
    void deletingAVethEndDeletesItsPeer() {
        Lab lab = Lab.world().namespace("blue").veth(HOST, "veth0", "blue", "veth1").delete("blue", "veth1");
        assertThat(lab.state(HOST).link("veth0")).isEmpty();
        assertThat(lab.state("blue").links()).extracting(Link::name).containsExactly("lo");
    }
}
