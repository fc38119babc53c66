package org.netnslab.core.lesson;

/** How a learner got through a step of a lesson they do themselves. */
public enum StepOutcome {
    /** Its goal held at a check, with no hint taken. */
    ALONE,
    /** Its goal held at a check, after one hint or more. */
    WITH_HINTS,
    /** netns-lab applied the step's commands for the learner ({@code Show me}). */
    SHOWN,
    /** Left out, in a terminal ({@code skip}): not done. */
    SKIPPED;

    /** Alone, with hints or shown: the step is behind the learner. */
    public boolean done() {
        return this != SKIPPED;
    }
}
