package org.netnslab.web;

import java.util.Optional;
import org.netnslab.core.lesson.CheckResult;
import org.netnslab.core.lesson.Exercise;

/**
 * Keeps a lab's exercise and its log in step: a Check that holds, a hint, Show me and skip are each an entry
 * of the log, and a replay of the log does each again, so that a reload or a restart brings back the
 * learner's progress with their lab. Called by {@link LabSession}, under its lock.
 */
final class ExerciseSteps {

    /**
     * What the last Check or Show me found, shown until the learner types again.
     *
     * @param step the step it was about
     */
    record Last(int step, Optional<CheckResult> check, Optional<Exercise.Shown> shown) {
        static final Last NONE = new Last(0, Optional.empty(), Optional.empty());
    }

    private ExerciseSteps() {}

    static Last check(LabSession lab) {
        Exercise x = lab.liveExercise();
        int step = x.stepNumber();
        CheckResult result = x.check();
        if (result.passed() && step <= x.lesson().steps().size()) {
            lab.append(LabLog.Entry.of(LabLog.Kind.DONE, step));
        }
        return new Last(step, Optional.of(result), Optional.empty());
    }

    static void hint(LabSession lab) {
        Exercise x = lab.liveExercise();
        int step = x.stepNumber();
        if (x.hint().isPresent()) {
            lab.append(LabLog.Entry.of(LabLog.Kind.HINT, step));
        }
    }

    static Last show(LabSession lab) {
        Exercise x = lab.liveExercise();
        int step = x.stepNumber();
        Exercise.Shown shown = x.show();
        lab.append(LabLog.Entry.of(LabLog.Kind.SHOWN, step));
        return new Last(step, Optional.empty(), Optional.of(shown));
    }

    static void skip(LabSession lab) {
        Exercise x = lab.liveExercise();
        int step = x.stepNumber();
        if (!x.finished()) {
            x.skip();
            lab.append(LabLog.Entry.of(LabLog.Kind.SKIPPED, step));
        }
    }

    /**
     * Does a logged entry again. A done step is taken as the log says, not checked again: the replayed lab is
     * the one that held. False when the entry does not fit the exercise (another step's, a Watch step): the
     * replay stops there, as it stops at a step out of order.
     */
    static boolean replay(LabSession lab, LabLog.Entry e) {
        Exercise x = lab.liveExercise();
        if (x.finished() || e.stepNumber() != x.stepNumber()) {
            return false;
        }
        switch (e.kind()) {
            case HINT -> {
                if (x.hint().isEmpty()) {
                    return false;
                }
            }
            case DONE -> x.accept();
            case SHOWN -> x.show();
            case SKIPPED -> x.skip();
            default -> {
                return false;
            }
        }
        lab.append(e);
        return true;
    }
}
