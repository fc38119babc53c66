package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.Lab.UPSTREAM;
import static org.netnslab.sim.PingAssert.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.OperState;

/** The world every lab starts from, built by {@code LabWorld.build} on a bare simulator. */
class LabWorldTests {

    @Test
    void aBareLabHasHostAndUpstreamWithOnlyLoDown() {
        Lab lab = Lab.bare(1);
        for (String ns : new String[] {HOST, UPSTREAM}) {
            assertThat(lab.state(ns).links()).singleElement().satisfies(lo -> {
                assertThat(lo.name()).isEqualTo("lo");
                assertThat(lo.index()).isEqualTo(1);
                assertThat(lo.adminUp()).isFalse();
                assertThat(lo.qdisc()).isEqualTo("noop");
            });
            assertThat(lab.state(ns).addresses()).isEmpty();
        }
        assertThat(lab.backend.namespaces()).isEmpty();
    }

    @Test
    void theHostHasEth0WithItsAddressAndTheDefaultRoute() {
        Lab lab = Lab.world();
        Link eth0 = lab.link(HOST, "eth0");
        assertThat(eth0.index()).isEqualTo(2);
        assertThat(eth0.adminUp()).isTrue();
        assertThat(eth0.lowerUp()).isTrue();
        assertThat(eth0.operState()).isEqualTo(OperState.UP);
        assertThat(eth0.peer()).hasValueSatisfying(p -> {
            assertThat(p.namespace()).contains(UPSTREAM);
            assertThat(p.index()).isEqualTo(2);
        });
        assertThat(lab.addresses(HOST, "lo")).containsExactly("127.0.0.1/8", "::1/128");
        assertThat(lab.addresses(HOST, "eth0")).hasSize(2).startsWith("203.0.113.2/24");
        assertThat(lab.addresses(HOST, "eth0").get(1)).startsWith("fe80::").endsWith("/64");
        assertThat(lab.routeLines(HOST)).containsExactly(
                "default via 203.0.113.1 dev eth0",
                "203.0.113.0/24 dev eth0 proto kernel scope link src 203.0.113.2");
        assertThat(lab.state(HOST).ipForward()).isZero();
        assertThat(lab.state(HOST).nat().rules()).isEmpty();
    }

    @Test
    void upstreamHasItsUplinkAndThePublicServerOnLo() {
        Lab lab = Lab.world();
        assertThat(lab.addresses(UPSTREAM, "eth0")).first().isEqualTo("203.0.113.1/24");
        assertThat(lab.addresses(UPSTREAM, "lo")).containsExactly("127.0.0.1/8", "198.51.100.8/32", "::1/128");
        assertThat(lab.routeLines(UPSTREAM)).containsExactly(
                "203.0.113.0/24 dev eth0 proto kernel scope link src 203.0.113.1");
    }

    @Test
    void hostAndUpstreamNumberEachOtherZero() {
        Lab lab = Lab.world();
        assertThat(lab.state(HOST).netnsIds()).isEqualTo(Map.of(UPSTREAM, 0));
        assertThat(lab.state(UPSTREAM).netnsIds()).isEqualTo(Map.of(HOST, 0));
    }

    @Test
    void theHostReachesThePublicServerDirectly() {
        assertThat(Lab.world().ping(HOST, "198.51.100.8", 2))
                .reached("198.51.100.8").withTtl(64)
                .passedThrough("upstream", "echo request for 198.51.100.8 delivered");
    }
}
