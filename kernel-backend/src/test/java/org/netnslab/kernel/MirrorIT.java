package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.testkit.RandomSessions;

/**
 * What the backend keeps of each namespace from the kernel's notifications (its mirrors) is what dumps of
 * everything show, after every command of random learner sessions: links, addresses, routes, forwarding, NAT.
 * A link looked up by its name alone is what the dump shows of it. (The ids are left out: a dump numbers namespaces, which is what it is compared to.)
 */
@Execution(ExecutionMode.CONCURRENT)
class MirrorIT {

    @TestFactory
    Stream<DynamicTest> theMirrorsAreWhatDumpsShowAfterEveryCommand() {
        KernelLabs.assumeKernel();
        int sessions = Integer.getInteger("sessions", 8);
        return LongStream.rangeClosed(101, 100 + sessions).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> {
                    List<String> wrong = new ArrayList<>();
                    try (KernelBackend kernel = KernelLabs.freshLab()) {
                        Terminal t = new Terminal(kernel);
                        for (String line : RandomSessions.session(seed)) {
                            t.run(line);
                            List<String> names = new ArrayList<>(List.of(Backend.HOST, Backend.UPSTREAM));
                            names.addAll(kernel.namespaces());
                            for (String ns : names) {
                                // a name looked up alone, before the view: what the dump shows of it
                                for (Link l : kernel.dumped(ns).links()) {
                                    Optional<Link> alone = kernel.link(ns, l.name());
                                    if (!alone.equals(Optional.of(l))) {
                                        wrong.add("after `" + line + "`, " + ns + " " + l.name() + " alone:\n  "
                                                + alone + "\n  dumped " + l);
                                    }
                                }
                                NamespaceState kept = kernel.namespace(ns).orElseThrow();
                                NamespaceState dumped = kernel.dumped(ns);
                                if (!same(kept, dumped)) {
                                    wrong.add("after `" + line + "`, " + ns + ":\n  kept   " + kept + "\n  dumped "
                                            + dumped);
                                }
                            }
                        }
                    }
                    assertThat(wrong).as("seed %d", seed).isEmpty();
                }));
    }

    private static boolean same(NamespaceState a, NamespaceState b) {
        return a.links().equals(b.links()) && a.addresses().equals(b.addresses()) && a.routes().equals(b.routes())
                && a.ipForward() == b.ipForward() && a.nat().rules().equals(b.nat().rules());
    }
}
