package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;
import org.netnslab.kernel.KernelBackend;

/** The limits per learner on the real kernel: refused before a namespace or a probe is made. */
class KernelLimitsIT {

    @Test
    void aKernelLabIsHeldToItsLimits() {
        assumeTrue(KernelBackend.unavailableReason().isEmpty(), "kernel mode is not available here");
        LabLimits limits = new LabLimits(1, 999, 999, 9, 3, 400, 9, Duration.ZERO);
        try (Backend lab = LimitedBackend.of(Backends.openUnchecked("kernel"), limits)) {
            Terminal t = new Terminal(lab);
            assertThat(t.run("ip netns add a").exitStatus()).isZero();
            CommandResult refused = t.run("ip netns add b");
            assertThat(refused.output()).isEqualTo(
                    "netns-lab: this lab has 1 namespaces, as many as a lab may have here: this command was not run.\n");
            assertThat(t.run("ip netns list").output()).isEqualTo("a\n");
            assertThat(t.run("ping -c 4 203.0.113.1").output()).isEqualTo(
                    "netns-lab: a command may send 3 echo requests here, and this one would send 4: it was not run.\n");
            assertThat(t.run("ping -c 1 203.0.113.1").output()).contains("1 packets transmitted, 1 received");
        }
    }
}
