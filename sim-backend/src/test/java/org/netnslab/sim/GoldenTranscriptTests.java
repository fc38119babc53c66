package org.netnslab.sim;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.testkit.GoldenScenarios;

/**
 * Every golden transcript recorded on the real kernel, replayed on the simulator through the shared command
 * language: every command of every scenario prints exactly what the kernel's tools printed, after the
 * normalizations of design.md, with the same exit status. A failure names the scenario and the first
 * command that differs.
 */
class GoldenTranscriptTests {

    @TestFactory
    Stream<DynamicTest> simulatorMatchesTheKernel() {
        return GoldenScenarios.check(() -> {
            SimBackend backend = new SimBackend(42);
            try {
                LabWorld.build(backend);
            } catch (Exception e) {
                throw new IllegalStateException("the lab world could not be built", e);
            }
            return new Terminal(backend);
        });
    }
}
