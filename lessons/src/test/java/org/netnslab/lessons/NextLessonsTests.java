package org.netnslab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonRunner;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.lesson.Verdict;
import org.netnslab.core.testkit.ExerciseScenarios;
import org.netnslab.core.testkit.WithoutJourneys;
import org.netnslab.sim.SimBackend;

/**
 * Lessons 6 (Publish a port) and 7 (A firewall between containers), before they ship: in Watch, every
 * expectation of every step holds on the simulator; done by a learner, with and without journeys, every
 * scenario of {@link ExerciseScenarios} passes, as for the shipped lessons.
 */
class NextLessonsTests {

    private static Backend simulator() {
        SimBackend lab = new SimBackend(0x6e65746e73L);
        try {
            LabWorld.build(lab);
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
        return lab;
    }

    private static List<Lesson> lessons() {
        return Lessons.NEXT.stream().map(Lessons::read).toList();
    }

    @TestFactory
    Stream<DynamicNode> everyExpectationHoldsOnTheSimulator() {
        return lessons().stream().map(lesson -> DynamicContainer.dynamicContainer(lesson.id() + " " + lesson.title(),
                Stream.of(DynamicTest.dynamicTest("all steps", () -> assertThat(failures(lesson)).isEmpty()))));
    }

    @TestFactory
    Stream<DynamicNode> doneByALearner() {
        return lessons().stream().map(l -> DynamicContainer.dynamicContainer(l.id() + " " + l.title(),
                ExerciseScenarios.of(l, NextLessonsTests::simulator, true)));
    }

    @TestFactory
    Stream<DynamicNode> doneByALearnerWithoutJourneys() {
        return lessons().stream().map(l -> DynamicContainer.dynamicContainer(l.id() + " " + l.title(),
                ExerciseScenarios.of(l, () -> new WithoutJourneys(simulator()), false)));
    }

    @TestFactory
    Stream<DynamicNode> theirNumbersAndTitles() {
        return Stream.of(DynamicTest.dynamicTest("6 and 7", () -> {
            assertThat(lessons()).extracting(Lesson::id).containsExactly("6", "7");
            assertThat(lessons()).extracting(Lesson::title).containsExactly("Publish a port",
                    "A firewall between containers");
            assertThat(lessons()).allSatisfy(l -> assertThat(l.tutorial()).hasValueSatisfying(
                    t -> assertThat(t).contains("seed 0")));
        }));
    }

    private static List<String> failures(Lesson lesson) throws Exception {
        List<String> failures = new ArrayList<>();
        try (Backend lab = simulator()) {
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
