package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.Lab.UPSTREAM;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Interface indexes are per namespace, from a counter; netns ids are given when a veth pair comes to span two
 * namespaces, and freed with the namespace. Checked against the real kernel's numbers (Linux 6.x).
 */
class IfindexAndNetnsIdTests {

    @Test
    void aVethPairTakesThePeerIndexFirst() {
        Lab lab = Lab.world().vethPair(HOST, "veth0", "veth1");
        assertThat(lab.link(HOST, "veth1").index()).isEqualTo(3);
        assertThat(lab.link(HOST, "veth0").index()).isEqualTo(4);
        assertThat(lab.link(HOST, "veth0").peer().orElseThrow().index()).isEqualTo(3);
    }

    @Test
    void indexesAreCountedPerNamespace() {
        Lab lab = Lab.world().namespace("a", "b")
                .vethPair(HOST, "v0", "v1")
                .move(HOST, "v1", "a")
                .vethPair("b", "x0", "x1").move("b", "x1", "a");
        assertThat(lab.link("a", "v1").index()).as("kept: free in a").isEqualTo(3);
        assertThat(lab.link("a", "x1").index()).as("a's own counter").isEqualTo(2);
        assertThat(lab.link("b", "x0").index()).isEqualTo(3);
        lab.vethPair("a", "y0", "y1");
        assertThat(lab.link("a", "y1").index()).as("3 is taken: the counter skips it").isEqualTo(4);
        assertThat(lab.link("a", "y0").index()).isEqualTo(5);
    }

    @Test
    void aMovedLinkTakesANewIndexWhenItsOwnIsTaken() {
        Lab lab = Lab.world().namespace("a")
                .vethPair("a", "p", "q")
                .vethPair(HOST, "v0", "v1");
        assertThat(lab.link(HOST, "v1").index()).isEqualTo(3);
        lab.move(HOST, "v1", "a");
        assertThat(lab.link("a", "q").index()).isEqualTo(2);
        assertThat(lab.link("a", "p").index()).isEqualTo(3);
        assertThat(lab.link("a", "v1").index()).isEqualTo(4);
        assertThat(lab.link(HOST, "v0").peer().orElseThrow().index()).isEqualTo(4);
    }

    @Test
    void theFirstNamespaceGivenAVethEndIsOneInTheHostAndNumbersTheHostZero() {
        Lab lab = Lab.world().namespace("alpha", "beta").veth(HOST, "va", "beta", "vb");
        assertThat(lab.state(HOST).netnsIds()).isEqualTo(Map.of(UPSTREAM, 0, "beta", 1));
        assertThat(lab.state("beta").netnsIds()).isEqualTo(Map.of(HOST, 0));
        assertThat(lab.state("alpha").netnsIds()).isEmpty();
    }

    @Test
    void askingForTheIdsNumbersNothingWhereADumpOfTheLinksDoes() {
        // recorded on the real kernel: a peer moved on from a to b leaves the host without an id for b until
        // something shows the host's links (ip netns list asks RTM_GETNSID, which allocates none)
        Lab lab = Lab.world().namespace("a", "b").vethPair(HOST, "v1", "v2").move(HOST, "v2", "a")
                .move("a", "v2", "b");
        assertThat(lab.backend.netnsIds(HOST)).isEqualTo(Map.of(UPSTREAM, 0, "a", 1));
        assertThat(lab.backend.netnsIds(HOST)).as("asked twice").isEqualTo(Map.of(UPSTREAM, 0, "a", 1));
        assertThat(lab.state(HOST).netnsIds()).as("what ip link sees, before its dump").containsEntry("a", 1);
        assertThat(lab.backend.netnsIds(HOST)).as("after ip link").isEqualTo(Map.of(UPSTREAM, 0, "a", 1, "b", 2));
    }

    @Test
    void aPairSpanningTwoLearnerNamespacesNumbersThemBoth() {
        Lab lab = Lab.world().namespace("alpha", "gamma")
                .vethPair(HOST, "vc", "vd")
                .move(HOST, "vc", "alpha")
                .move(HOST, "vd", "gamma");
        assertThat(lab.state(HOST).netnsIds()).isEqualTo(Map.of(UPSTREAM, 0, "alpha", 1, "gamma", 2));
        assertThat(lab.internal("gamma").netnsIds().keySet()).as("vd's peer lives in alpha")
                .containsExactly(lab.internal("alpha"));
        assertThat(lab.state("alpha").netnsIds()).containsKeys(HOST, "gamma");
    }

    @Test
    void aCreationAcrossNamespacesNumbersThePeersNamespaceWhereItRan() {
        Lab lab = Lab.world().namespace("x").vethAcross(HOST, "e0", "e1", "x");
        assertThat(lab.internal(HOST).netnsIds()).containsKey(lab.internal("x"));
        assertThat(lab.internal("x").netnsIds()).as("until a dump or a change of e1 in x").isEmpty();
        assertThat(lab.link("x", "e1").index()).isEqualTo(2);
        assertThat(lab.internal("x").netnsIds()).as("a dump in x numbers the host").containsKey(lab.internal(HOST));
    }

    @Test
    void theIdsOfADeletedNamespaceAreFreed() throws Exception {
        Lab lab = Lab.world().namespace("a", "b").veth(HOST, "va", "a", "pa").veth(HOST, "vb", "b", "pb");
        assertThat(lab.state(HOST).netnsIds()).containsEntry("a", 1).containsEntry("b", 2);
        lab.backend.deleteNamespace("a");
        assertThat(lab.state(HOST).netnsIds()).isEqualTo(Map.of(UPSTREAM, 0, "b", 2));
        assertThat(lab.state(HOST).link("va")).as("the peer went with the namespace").isEmpty();
        lab.namespace("c").veth(HOST, "vc", "c", "pc");
        assertThat(lab.state(HOST).netnsIds()).containsEntry("c", 1);
    }
}
