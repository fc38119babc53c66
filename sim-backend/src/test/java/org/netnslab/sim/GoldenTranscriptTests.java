package org.netnslab.sim;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Terminal;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.testkit.GoldenScenarios;

/** Every golden transcript recorded on the real kernel, replayed on the simulator: the output must be the same. */
class GoldenTranscriptTests {

    @TestFactory
    Stream<DynamicTest> simulatorMatchesTheKernel() {
        return GoldenScenarios.check(() -> {
            SimBackend backend = new SimBackend(42);
            try {
                LabWorld.build(backend);
            } catch (KernelException e) {
                throw new IllegalStateException(e);
            }
            return new Terminal(backend);
        });
    }
}
