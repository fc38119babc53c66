package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;

/** The same seed and the same steps give the same lab, byte for byte; another seed, other MAC addresses. */
class DeterminismTests {

    private static Lab run() {
        return Labs.twoNamespacesOnABridge().forwarding(HOST).masquerade(HOST, "10.0.0.0/24", "eth0")
                .route("one", "default", "10.0.0.1");
    }

    @Test
    void sameSeedSameStateAndSamePings() {
        Lab a = run();
        Lab b = run();
        PingResult pa = a.ping("one", "198.51.100.8", 3);
        PingResult pb = b.ping("one", "198.51.100.8", 3);
        assertThat(pa).isEqualTo(pb);
        LabState sa = a.backend.snapshot();
        LabState sb = b.backend.snapshot();
        assertThat(sa).isEqualTo(sb);
    }

    @Test
    void anotherSeedOtherMacsSameEverythingElse() {
        Lab a = Lab.world(1).vethPair(HOST, "v0", "v1");
        Lab b = Lab.world(2).vethPair(HOST, "v0", "v1");
        List<String> macsA = a.state(HOST).links().stream().map(l -> l.mac().toString()).toList();
        List<String> macsB = b.state(HOST).links().stream().map(l -> l.mac().toString()).toList();
        assertThat(macsA).isNotEqualTo(macsB);
        assertThat(a.state(HOST).links()).extracting(Link::name, Link::index)
                .isEqualTo(b.state(HOST).links().stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.name(), l.index()))
                        .toList());
    }

    @Test
    void macsAreLocallyAdministeredUnicast() {
        Lab lab = Lab.world().vethPair(HOST, "v0", "v1").bridge(HOST, "br0");
        for (Link l : lab.state(HOST).links()) {
            if (!l.name().equals("lo")) {
                assertThat(l.mac().isMulticast()).isFalse();
                assertThat((l.mac().bits() >>> 40) & 2).as(l.name()).isEqualTo(2);
            }
        }
    }

    @Test
    void roundTripsAreMadeUpFromThePathAndGrowWithIt() {
        Lab lab = Labs.twoHops();
        lab.ping("left", "10.1.1.1");
        lab.ping("left", "10.1.3.2");
        long near = lab.ping("left", "10.1.1.1").probes().get(0).rttMicros();
        long far = lab.ping("left", "10.1.3.2").probes().get(0).rttMicros();
        assertThat(near).isPositive();
        assertThat(far).isGreaterThan(near);
    }
}
