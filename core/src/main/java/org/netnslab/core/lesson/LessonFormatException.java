package org.netnslab.core.lesson;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A lesson's file is not a lesson: every problem found, each with its line, for the teacher to fix.
 */
public final class LessonFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One problem, at a line of the file (from 1; 0 when the file as a whole is at fault). */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + message : message;
        }
    }

    private final transient List<Problem> problems;

    public LessonFormatException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    public LessonFormatException(int line, String message) {
        this(List.of(new Problem(line, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
