package org.netnslab.lessons;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.testkit.ExerciseScenarios;
import org.netnslab.core.testkit.WithoutJourneys;
import org.netnslab.sim.SimBackend;

/**
 * Every shipped lesson done by a learner ("Do it yourself") on the simulator: with the packets' journeys, and
 * without them, as on the kernel, where what a learner is told comes from the lab's tables. The kernel itself
 * runs the same scenarios in kernel-backend's {@code ShippedExercisesIT}.
 */
class ShippedExercisesTests {

    private static Backend simulator() {
        SimBackend lab = new SimBackend(0x6e65746e73L);
        try {
            LabWorld.build(lab);
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
        return lab;
    }

    @TestFactory
    Stream<DynamicNode> onTheSimulator() {
        return Lessons.all().stream().map(l -> DynamicContainer.dynamicContainer(l.id() + " " + l.title(),
                ExerciseScenarios.of(l, ShippedExercisesTests::simulator, true)));
    }

    @TestFactory
    Stream<DynamicNode> onTheSimulatorWithoutJourneys() {
        return Lessons.all().stream().map(l -> DynamicContainer.dynamicContainer(l.id() + " " + l.title(),
                ExerciseScenarios.of(l, () -> WithoutJourneys.of(simulator()), false)));
    }
}
