package org.netnslab.bench;

import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.kernel.KernelBackend;

/**
 * The kernel backend's figures: veth pairs made through the backend's port, as a lesson's runner asks, or
 * typed into a lab's terminal, as a learner does; and the bridge lab typed. Each on a lab of its own, which
 * holds its namespaces by descriptors: nothing is left behind, and the machine's own namespace is not touched.
 */
final class KernelLab {

    /** How far a run got before its deadline, and how long it took. */
    record Run(int done, int of, double ms) {
        boolean finished() {
            return done == of;
        }
    }

    private KernelLab() {}

    static Optional<String> unavailableReason() {
        return KernelBackend.unavailableReason();
    }

    /** Veth pairs through the port: add, address, up, route, each settled as the backend settles a change. */
    static Run pairsThroughThePort(int pairs, long deadlineNanos) throws KernelException {
        try (KernelBackend k = new KernelBackend()) {
            long start = System.nanoTime();
            int done = 0;
            for (int i = 0; i < pairs && System.nanoTime() < deadlineNanos; i++) {
                String a = "a" + i;
                k.addVeth(Backend.HOST, a, "b" + i, Optional.empty());
                k.addAddress(Backend.HOST, a, Ipv4Cidr.parse(BridgeLab.pairAddress(i) + "/24"));
                k.setLinkUp(Backend.HOST, a, true);
                k.addRoute(Backend.HOST, new RouteSpec(Ipv4Cidr.parse(BridgeLab.pairRoute(i)), Optional.empty(),
                        Optional.of(a)));
                done++;
            }
            return new Run(done, pairs, (System.nanoTime() - start) / 1e6);
        }
    }

    /** The same pairs typed into the lab's terminal: the command language checks before it asks the backend. */
    static Run pairsTyped(int pairs, long deadlineNanos) throws KernelException {
        try (KernelBackend k = new KernelBackend()) {
            Terminal t = new Terminal(k);
            long start = System.nanoTime();
            int done = 0;
            for (int i = 0; i < pairs && System.nanoTime() < deadlineNanos; i++) {
                for (String line : BridgeLab.vethPair(i)) {
                    check(t, "ip " + line);
                }
                done++;
            }
            return new Run(done, pairs, (System.nanoTime() - start) / 1e6);
        }
    }

    /** The bridge lab typed into a kernel lab's terminal, namespace by namespace. */
    static Run bridgeLabTyped(int n, long deadlineNanos) throws KernelException {
        try (KernelBackend k = new KernelBackend()) {
            Terminal t = new Terminal(k);
            long start = System.nanoTime();
            for (String l : BridgeLab.bridge()) {
                check(t, "ip " + l);
            }
            int done = 0;
            for (int i = 0; i < n && System.nanoTime() < deadlineNanos; i++) {
                for (String l : BridgeLab.hostSide(i)) {
                    check(t, "ip " + l);
                }
                for (String l : BridgeLab.insideSide(i)) {
                    check(t, "ip -n n" + i + " " + l);
                }
                done++;
            }
            return new Run(done, n, (System.nanoTime() - start) / 1e6);
        }
    }

    private static void check(Terminal t, String line) {
        CommandResult r = t.run(line);
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("'" + line + "' failed on the kernel (" + r.exitStatus() + "): "
                    + r.output());
        }
    }
}
