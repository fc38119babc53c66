package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.lesson.LessonRunner;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.testkit.GoldenScenarios;
import org.netnslab.lessons.Lessons;
import org.netnslab.sim.SimBackend;

/**
 * The simulator held to the kernel: every golden scenario and every lesson run on both backends, side by
 * side, with the same state after each command (or step) and the same fate for each ping. The kernel is the
 * oracle; a difference is the simulator's to explain.
 */
@Execution(ExecutionMode.CONCURRENT)
class DifferentialIT {

    @TestFactory
    Stream<DynamicTest> goldenScenariosGiveTheSameStateOnBothBackends() {
        KernelLabs.assumeKernel();
        String only = System.getProperty("golden", "");
        return KernelLabs.goldenScenarios().stream()
                .filter(s -> only.isEmpty() || s.name().matches(only))
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    try (KernelBackend kernel = KernelLabs.freshLab(); SimBackend sim = new SimBackend(42)) {
                        LabWorld.build(sim);
                        Terminal k = new Terminal(kernel);
                        Terminal m = new Terminal(sim);
                        assertThat(StateView.of(sim.snapshot())).as("the world").isEqualTo(StateView.of(kernel.snapshot()));
                        for (GoldenScenarios.Entry e : s.entries()) {
                            CommandResult kr = k.run(e.command());
                            CommandResult mr = m.run(e.command());
                            String where = s.name() + ", after: " + e.command();
                            assertThat(pings(mr)).as("pings, %s", where).isEqualTo(pings(kr));
                            assertThat(StateView.of(sim.snapshot())).as("state, %s", where)
                                    .isEqualTo(StateView.of(kernel.snapshot()));
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> lessonsPassOnTheKernelAndAgreeStepByStep() {
        KernelLabs.assumeKernel();
        return Lessons.all().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            try (KernelBackend kernel = KernelLabs.freshLab(); SimBackend sim = new SimBackend(42)) {
                LabWorld.build(sim);
                LessonRunner onKernel = new LessonRunner(lesson, kernel);
                LessonRunner onSim = new LessonRunner(lesson, sim);
                while (onKernel.hasNext()) {
                    StepResult k = onKernel.next();
                    StepResult m = onSim.next();
                    String where = lesson.id() + ", step " + k.number() + " (" + k.step().title() + ")";
                    assertThat(k.passed()).as("on the kernel, %s: %s", where, k.firstFailure()).isTrue();
                    assertThat(StateView.of(m.snapshot())).as("state, %s", where).isEqualTo(StateView.of(k.snapshot()));
                    assertThat(verdicts(m)).as("expectations, %s", where).isEqualTo(verdicts(k));
                }
            }
        }));
    }

    /** Each probe's fate: reply (from whom, with what TTL), error (which), or lost. */
    private static List<String> pings(CommandResult r) {
        Optional<PingResult> p = r.ping();
        if (p.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Probe probe : p.get().probes()) {
            out.add(probe.sequence() + " " + probe.outcome() + probe.from().map(f -> " from " + f).orElse("")
                    + (probe.outcome() == Probe.Outcome.REPLY ? " ttl " + probe.ttl() : "")
                    + probe.error().map(e -> " " + e).orElse(""));
        }
        return out;
    }

    private static String verdicts(StepResult r) {
        return r.verdicts().stream().map(v -> (v.passed() ? "pass " : "FAIL ") + v.expectation())
                .collect(Collectors.joining("\n"));
    }
}
