package org.netnslab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonRunner;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.lesson.Verdict;
import org.netnslab.sim.SimBackend;

/**
 * Every shipped lesson, run on the simulator: every expectation of every step holds. A failure names the
 * lesson, the step, the expectation with its line, and what the lab showed instead.
 *
 * <p>The same lessons on the kernel backend, step by step and compared with the simulator, belong in a
 * {@code ShippedLessonsOnKernelIT} once the kernel backend has landed (it needs Linux and root).
 */
class ShippedLessonsTests {

    private static Backend freshLab() throws Exception {
        Backend lab = new SimBackend(0x6e65746e73L);
        LabWorld.build(lab);
        return lab;
    }

    @TestFactory
    Stream<DynamicNode> everyExpectationHoldsOnTheSimulator() {
        return Lessons.all().stream().map(lesson -> DynamicContainer.dynamicContainer(
                lesson.id() + " " + lesson.title(), Stream.of(DynamicTest.dynamicTest("all steps", () -> {
                    assertThat(failures(lesson)).isEmpty();
                }))));
    }

    @Test
    void theReadmesExampleRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("~~~markdown\n") + "~~~markdown\n".length();
        Lesson example = LessonLoader.parse("example", readme.substring(start, readme.indexOf("~~~\n", start)));

        assertThat(example.steps()).hasSize(2);
        assertThat(failures(example)).isEmpty();
    }

    @Test
    void aCheckedPingLeavesNoTraceInTheTranscript() throws Exception {
        Lesson lesson = Lessons.find("1").orElseThrow();
        try (Backend lab = freshLab()) {
            List<StepResult> results = new LessonRunner(lesson, lab).runAll();

            for (StepResult r : results) {
                assertThat(r.outputs()).hasSameSizeAs(r.step().commands());
            }
            assertThat(results.get(4).verdicts().get(2).ping()).isPresent();
        }
    }

    private static List<String> failures(Lesson lesson) throws Exception {
        List<String> failures = new ArrayList<>();
        try (Backend lab = freshLab()) {
            for (StepResult r : new LessonRunner(lesson, lab).runAll()) {
                for (Verdict v : r.verdicts()) {
                    if (!v.passed()) {
                        failures.add("lesson " + lesson.id() + ", step " + r.number() + " (" + r.step().title()
                                + "), line " + r.step().lineOf(v.expectation()) + ": " + v.expectation().text()
                                + ": the lab shows " + v.observed() + "\n" + r.transcript());
                    }
                }
            }
        }
        return failures;
    }
}
