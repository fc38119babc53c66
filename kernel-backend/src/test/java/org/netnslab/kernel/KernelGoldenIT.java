package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.netnslab.core.shell.Terminal;

/**
 * Every golden transcript, recorded with the real tools on the real kernel, replayed on the kernel backend,
 * each on a fresh lab. Labs are independent, so scenarios run side by side; {@code -Dgolden=REGEX} picks some.
 *
 * <p>A scenario that differs at a command the command language does not run yet (it is not the backend's:
 * no kernel operation is asked) is aborted with the command named, not failed; every other difference fails.
 */
@Execution(ExecutionMode.CONCURRENT)
class KernelGoldenIT {

    /** Commands that core's command language does not run like the real tool yet. */
    private static final List<Pattern> NOT_YET_IN_THE_COMMAND_LANGUAGE = List.of(
            Pattern.compile("command: (ip netns exec \\S+ )?nc "));

    private static final Queue<KernelBackend> LABS = new ConcurrentLinkedQueue<>();

    @TestFactory
    Stream<DynamicTest> everyGoldenTranscriptAgrees() {
        KernelLabs.assumeKernel();
        String only = System.getProperty("golden", "");
        return KernelLabs.goldenChecks(() -> {
            KernelBackend lab = KernelLabs.freshLab();
            LABS.add(lab);
            return new Terminal(lab);
        }).filter(t -> only.isEmpty() || t.getDisplayName().matches(only))
                .map(t -> DynamicTest.dynamicTest(t.getDisplayName(), () -> {
                    try {
                        t.getExecutable().execute();
                    } catch (AssertionError e) {
                        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                        if (NOT_YET_IN_THE_COMMAND_LANGUAGE.stream().anyMatch(p -> p.matcher(first).find())) {
                            Assumptions.abort("not the backend's: " + first.strip());
                        }
                        throw e;
                    }
                }));
    }

    /** The settled view never needed the bound: every change settled before the wait ran out. */
    @AfterAll
    static void everyChangeSettledInTime() {
        for (KernelBackend lab : LABS) {
            assertThat(lab.settleTimeouts()).as("changes that did not settle in time; the last: %s",
                    lab.lastUnsettled()).isZero();
        }
    }
}
