package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.PingAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.netnslab.core.model.LabState;

/**
 * A thousand namespaces on one bridge work: they build, show, and ping across. Speed is not asserted here:
 * the times are printed, for the benchmark that will hold the simulator to the kernel side by side.
 */
class ScaleTests {

    private static final int N = 1000;

    @Test
    void aThousandNamespacesOnOneBridge() {
        long t0 = System.nanoTime();
        Lab lab = Labs.onOneBridge(N);
        long built = System.nanoTime();
        LabState all = lab.backend.snapshot();
        long snap = System.nanoTime();
        assertThat(all.namespaces()).hasSize(N);
        assertThat(all.namespace(HOST).orElseThrow().links()).hasSize(N + 3);

        String last = Labs.address(N - 1);
        assertThat(lab.ping("n0", last, 3)).reached(last).withTtl(64);
        long firstPing = System.nanoTime();
        assertThat(lab.ping("n0", last, 3)).reached(last);
        long secondPing = System.nanoTime();
        assertThat(lab.ping("n500", "10.0.0.1")).reached("10.0.0.1");
        LabState again = lab.backend.snapshot();
        long snapAgain = System.nanoTime();

        System.out.printf("scale: %d namespaces on one bridge: built in %d ms, snapshot %d ms, first ping (3 probes,"
                        + " ARP flooded to %d ports) %d ms, second ping %d ms, snapshot after pings %d ms%n",
                N, ms(built - t0), ms(snap - built), N, ms(firstPing - snap), ms(secondPing - firstPing),
                ms(snapAgain - secondPing));
        assertThat(again.all()).hasSize(N + 2);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
