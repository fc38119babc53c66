package org.netnslab.kernel;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.netnslab.core.testkit.ExerciseScenarios;
import org.netnslab.lessons.Lessons;

/**
 * Every shipped lesson done by a learner ("Do it yourself") on the real kernel: the same scenarios as on the
 * simulator (lessons' {@code ShippedExercisesTests}), where the kernel tells no packet's journey, so a goal
 * that fails says what the lab's tables say.
 */
@Execution(ExecutionMode.CONCURRENT)
class ShippedExercisesIT {

    @TestFactory
    Stream<DynamicNode> onTheKernel() {
        KernelLabs.assumeKernel();
        return Lessons.all().stream().map(l -> DynamicContainer.dynamicContainer(l.id() + " " + l.title(),
                ExerciseScenarios.of(l, KernelLabs::freshLab, false)));
    }
}
