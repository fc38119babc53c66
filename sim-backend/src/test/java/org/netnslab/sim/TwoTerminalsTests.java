package org.netnslab.sim;

import org.junit.jupiter.api.Test;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.testkit.TwoTerminals;

/** Two terminals on one simulated lab chat over nc both ways. */
class TwoTerminalsTests {

    private static SimBackend lab() throws Exception {
        SimBackend backend = new SimBackend(42);
        LabWorld.build(backend);
        return backend;
    }

    @Test
    void chatBothWays() throws Exception {
        TwoTerminals.chatBothWays(lab());
    }

    @Test
    void ctrlCEndsTheHeldNc() throws Exception {
        TwoTerminals.ctrlCEndsTheHeldNc(lab());
    }
}
