package org.netnslab.web;

import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.kernel.KernelBackend;
import org.netnslab.sim.SimBackend;

/** The one place that picks a backend and builds the lab world on it. */
final class Backends {

    /** The simulator's seed: labs are deterministic, so every learner's MACs are the same from run to run. */
    static final long SEED = 0x6e65746e73L;

    private Backends() {}

    /** A fresh lab on the named backend, the world built. */
    static Backend open(String name) throws UnavailableBackendException {
        return switch (name) {
            case "sim" -> simulator();
            // a kernel lab builds its world as it makes its namespaces
            case "kernel" -> kernel();
            default -> throw new UnavailableBackendException(
                    "netns-lab: unknown backend \"" + name + "\" (sim or kernel)");
        };
    }

    private static Backend simulator() throws UnavailableBackendException {
        SimBackend backend = new SimBackend(SEED);
        try {
            LabWorld.build(backend);
        } catch (KernelException e) {
            backend.close();
            throw new UnavailableBackendException("netns-lab: could not build the lab world: " + e.getMessage());
        }
        return backend;
    }

    private static Backend kernel() throws UnavailableBackendException {
        var why = KernelBackend.unavailableReason();
        if (why.isPresent()) {
            throw new UnavailableBackendException("netns-lab: kernel mode is not available here: " + why.get()
                    + " (the simulator is: --backend sim)");
        }
        try {
            return new KernelBackend();
        } catch (KernelException | RuntimeException e) {
            throw new UnavailableBackendException("netns-lab: kernel mode could not start: " + e.getMessage());
        }
    }

    /** {@link #open}, for a backend known to work here (the web app checks it once at start). */
    static Backend openUnchecked(String name) {
        try {
            return open(name);
        } catch (UnavailableBackendException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A backend that cannot run here, with the one line that says why. */
    static final class UnavailableBackendException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableBackendException(String message) {
            super(message);
        }
    }
}
