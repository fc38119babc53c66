package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.testkit.RandomSessions;

/**
 * A snapshot kept between dumps, made again only where something changed, is the one made from nothing,
 * after every command of random learner sessions and of a lab of many namespaces on a bridge.
 */
class IncrementalSnapshotTests {

    private static final int SESSIONS = 150;

    @Test
    void afterEveryCommandOfRandomSessionsTheKeptSnapshotIsTheFullOne() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (long seed = 1; seed <= SESSIONS; seed++) {
            try (SimBackend lab = new SimBackend(seed)) {
                LabWorld.build(lab);
                Terminal t = new Terminal(lab);
                for (String line : RandomSessions.session(seed)) {
                    t.run(line);
                    compare(lab, "seed " + seed + ", after `" + line + "`", wrong);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBridgeOfManyNamespacesBuiltTakenApartAndPingedAcrossKeepsItsSnapshotWhole() {
        Lab lab = Labs.onOneBridge(70);
        List<String> wrong = new ArrayList<>();
        compare(lab.backend, "built", wrong);
        Terminal t = new Terminal(lab.backend);
        String[] lines = {"ip netns exec n3 ping -c1 " + Labs.address(60), "ip link set p10 down",
            "ip link del p20", "ip netns del n30", "ip link set p40 nomaster", "ip -n n50 link set v50 netns n51",
            "ip link add q0 type veth peer name q1", "ip link set q1 netns n0", "ip link set q0 master br0",
            "ip link set q0 up", "ip -n n0 link set q1 up", "ip addr add 10.1.0.1/24 dev p11",
            "ip addr del 10.0.0.1/16 dev br0", "ip addr add 10.0.0.1/16 dev br0", "ip link set br0 down",
            "ip link set br0 up", "ip netns add late", "ip link set p12 netns late", "ip -n late link set p12 up"};
        for (String line : lines) {
            t.run(line);
            compare(lab.backend, "after `" + line + "`", wrong);
        }
        assertThat(wrong).isEmpty();
    }

    private static void compare(SimBackend lab, String when, List<String> wrong) {
        LabState kept = lab.snapshot();
        List<String> names = new ArrayList<>(List.of(Backend.HOST, Backend.UPSTREAM));
        names.addAll(lab.namespaces());
        for (String name : names) {
            NamespaceState full = Snapshots.full(lab.internal(name).orElseThrow());
            NamespaceState mine = kept.namespace(name).orElseThrow();
            if (!mine.equals(full)) {
                wrong.add(when + ", " + name + ":\n  kept " + mine + "\n  full " + full);
            }
        }
    }
}
