package org.netnslab.core.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lesson: a tutorial's commands as steps a learner takes one at a time, each with what to observe.
 * Texts are Markdown source, as the teacher wrote them: the web UI renders them, the CLI prints them.
 *
 * @param id how the lesson is named on the command line and in URLs ({@code 1}, or a file's name)
 * @param title the {@code # } heading, as plain text
 * @param summary the first paragraph under the title (Markdown)
 * @param tutorial the {@code Tutorial:} line, without that word (Markdown): where the lesson comes from
 * @param introduction any further Markdown before the first step (may be empty)
 * @param steps in order, at least one
 */
public record Lesson(
        String id, String title, String summary, Optional<String> tutorial, String introduction, List<Step> steps) {

    public Lesson {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(tutorial);
        Objects.requireNonNull(introduction);
        steps = List.copyOf(steps);
    }

    /** The step numbered as the learner sees it, from 1. */
    public Step step(int number) {
        if (number < 1 || number > steps.size()) {
            throw new IndexOutOfBoundsException("step " + number + " of " + steps.size());
        }
        return steps.get(number - 1);
    }

    /** How many expectations the whole lesson checks. */
    public int expectationCount() {
        return steps.stream().mapToInt(s -> s.expectations().size()).sum();
    }
}
