package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.testkit.Normalizer;
import org.netnslab.core.testkit.RandomSessions;
import org.netnslab.sim.SimBackend;

/**
 * Random learner sessions (the simulator's {@code RandomSessionTests} draw the same ones) run on the kernel
 * and on the simulator side by side: every command prints the same, after the normalizations of the
 * goldens. The kernel is the oracle. {@code -Dsessions=N} runs more of them.
 */
@Execution(ExecutionMode.CONCURRENT)
class RandomSessionIT {

    @TestFactory
    Stream<DynamicTest> theSimulatorPrintsWhatTheKernelPrints() {
        KernelLabs.assumeKernel();
        int sessions = Integer.getInteger("sessions", 12);
        return LongStream.rangeClosed(1, sessions).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            List<String> session = RandomSessions.session(seed);
            try (KernelBackend kernel = KernelLabs.freshLab(); SimBackend sim = new SimBackend(seed)) {
                LabWorld.build(sim);
                Terminal k = new Terminal(kernel);
                Terminal m = new Terminal(sim);
                StringBuilder before = new StringBuilder();
                for (String line : session) {
                    String kernelSays = Normalizer.normalize(Transcript.entry(line, k.run(line)));
                    String simSays = Normalizer.normalize(Transcript.entry(line, m.run(line)));
                    assertThat(simSays).as("seed %d, after:\n%s", seed, before).isEqualTo(kernelSays);
                    before.append(kernelSays);
                }
            }
        }));
    }
}
