package org.netnslab.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.netnslab.core.backend.KernelException;

/** The test kit of the kernel tests: a fresh lab each time, or a clean skip with the reason. */
final class KernelLabs {

    private KernelLabs() {}

    /** Skips the calling test, saying why, when kernel mode cannot run here. */
    static void assumeKernel() {
        Optional<String> why = KernelBackend.unavailableReason();
        assumeTrue(why.isEmpty(), () -> "kernel tests skipped: " + why.orElse(""));
    }

    /**
     * The golden scenarios. Read under a lock: from core's test jar, {@code GoldenScenarios} opens a zip file
     * system that two test classes running side by side must not open at once.
     */
    static synchronized java.util.List<org.netnslab.core.testkit.GoldenScenarios.Scenario> goldenScenarios() {
        return org.netnslab.core.testkit.GoldenScenarios.all();
    }

    /** {@code GoldenScenarios.check}, under the same lock as {@link #goldenScenarios()}. */
    static synchronized java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> goldenChecks(
            java.util.function.Supplier<org.netnslab.core.shell.Terminal> freshLab) {
        return org.netnslab.core.testkit.GoldenScenarios.check(freshLab).toList().stream();
    }

    /** A lab with the world built, on fresh namespaces. */
    static KernelBackend freshLab() {
        assumeKernel();
        try {
            return new KernelBackend();
        } catch (KernelException e) {
            throw new AssertionError("the world could not be built: " + e.getMessage(), e);
        }
    }
}
