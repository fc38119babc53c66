package org.netnslab.core.lesson;

import java.util.Objects;

/**
 * One goal of a step, checked on the learner's lab.
 *
 * @param goal the expectation in plain words ({@link Goals}), Markdown
 * @param detail for a goal that holds, what the lab showed ({@code reply from 10.0.0.1, ttl 64}); for one that
 *     does not, why, in Markdown ({@link Reasons})
 */
public record Finding(Expectation expectation, String goal, boolean passed, String detail) {

    public Finding {
        Objects.requireNonNull(expectation);
        Objects.requireNonNull(goal);
        Objects.requireNonNull(detail);
    }
}
