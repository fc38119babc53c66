package org.netnslab.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.netnslab.core.backend.Backend;

/**
 * What {@code /health} answers: whether this server can serve a lab. The simulator always can; the kernel can
 * while it lets the process make network namespaces, which a probe tries at most every few seconds (a lab of
 * its own, opened and closed), so that a kubelet's probes cost the kernel little.
 */
final class Health {

    private static final long KEPT_NANOS = 5_000_000_000L;

    private final Supplier<Optional<String>> probe;
    private Optional<String> last = Optional.empty();
    private long probedAt;
    private boolean probed;

    private Health(Supplier<Optional<String>> probe) {
        this.probe = probe;
    }

    /** A server of the simulator: healthy while it serves. */
    static Health serving() {
        return new Health(Optional::empty);
    }

    /** A server whose labs the backends make: healthy while one can be made and read. */
    static Health ofBackend(Supplier<Backend> backends) {
        return new Health(() -> {
            try (Backend lab = backends.get()) {
                lab.snapshot();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
    }

    /** Empty when healthy; else what is wrong, in one line. */
    synchronized Optional<String> problem() {
        long now = System.nanoTime();
        if (!probed || now - probedAt > KEPT_NANOS) {
            last = probe.get();
            probedAt = now;
            probed = true;
        }
        return last;
    }
}
