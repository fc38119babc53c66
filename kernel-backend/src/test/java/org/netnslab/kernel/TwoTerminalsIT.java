package org.netnslab.kernel;

import org.junit.jupiter.api.Test;
import org.netnslab.core.testkit.TwoTerminals;

/** Two terminals on one kernel lab chat over nc both ways, on real sockets. */
class TwoTerminalsIT {

    @Test
    void chatBothWays() {
        try (KernelBackend lab = KernelLabs.freshLab()) {
            TwoTerminals.chatBothWays(lab);
        }
    }

    @Test
    void ctrlCEndsTheHeldNc() {
        try (KernelBackend lab = KernelLabs.freshLab()) {
            TwoTerminals.ctrlCEndsTheHeldNc(lab);
        }
    }
}
