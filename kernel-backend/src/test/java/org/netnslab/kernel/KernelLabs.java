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
