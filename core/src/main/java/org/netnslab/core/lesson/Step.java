package org.netnslab.core.lesson;

import java.util.List;
import java.util.Objects;

/**
 * One step of a lesson: a {@code ## } section of its Markdown file.
 *
 * @param title the heading, as plain text
 * @param explanation the section's Markdown without its {@code sh} and {@code expect} blocks: what the step
 *     is about and what to notice
 * @param commands one command a line, exactly as typed, run in order on the learner's terminal
 * @param expectations what the learner should observe once the commands have run, checked by the runner
 * @param hints the teacher's own hints for a learner who does the step alone (Markdown, one a paragraph of
 *     the step's {@code hint} block), in the order they are given; empty when the lesson has none, and
 *     {@link Hints} derives them from the commands
 * @param lines where each part is in the lesson's file, for errors that point at a line
 */
public record Step(String title, String explanation, List<String> commands, List<Expectation> expectations,
        List<String> hints, Lines lines) {

    public Step {
        Objects.requireNonNull(title);
        Objects.requireNonNull(explanation);
        commands = List.copyOf(commands);
        expectations = List.copyOf(expectations);
        hints = List.copyOf(hints);
        Objects.requireNonNull(lines);
    }

    /** A step without hints of its own. */
    public Step(String title, String explanation, List<String> commands, List<Expectation> expectations,
            Lines lines) {
        this(title, explanation, commands, expectations, List.of(), lines);
    }

    /** A step that comes from no file (built in code): its lines are unknown. */
    public Step(String title, String explanation, List<String> commands, List<Expectation> expectations) {
        this(title, explanation, commands, expectations, Lines.unknown(commands.size(), expectations.size()));
    }

    /**
     * Line numbers in the lesson's file, from 1; 0 where unknown.
     *
     * @param heading the {@code ## } line
     * @param commands one per command, in order
     * @param expectations one per expectation, in order
     */
    public record Lines(int heading, List<Integer> commands, List<Integer> expectations) {

        public Lines {
            commands = List.copyOf(commands);
            expectations = List.copyOf(expectations);
        }

        public static Lines unknown(int commands, int expectations) {
            return new Lines(0, java.util.Collections.nCopies(commands, 0),
                    java.util.Collections.nCopies(expectations, 0));
        }
    }

    /** The line of the expectation at this index (0 when unknown). */
    public int lineOf(Expectation expectation) {
        int i = expectations.indexOf(expectation);
        return i < 0 || i >= lines.expectations().size() ? 0 : lines.expectations().get(i);
    }
}
