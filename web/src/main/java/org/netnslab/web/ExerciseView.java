package org.netnslab.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.netnslab.core.lesson.CheckResult;
import org.netnslab.core.lesson.CommandOutput;
import org.netnslab.core.lesson.Exercise;
import org.netnslab.core.lesson.Finding;
import org.netnslab.core.lesson.Goals;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.lesson.StepOutcome;

/** The model of {@code exercise.ftl}: a lesson the learner does themselves, where they are, how it went. */
final class ExerciseView {

    private ExerciseView() {}

    /**
     * @param md renders Markdown blocks
     * @param inline renders one line of Markdown, without its paragraph
     */
    static Map<String, Object> of(Exercise x, ExerciseSteps.Last last, UnaryOperator<String> md,
            UnaryOperator<String> inline) {
        Lesson lesson = x.lesson();
        Map<String, Object> m = new LinkedHashMap<>();
        int total = lesson.steps().size();
        m.put("number", Math.min(x.stepNumber(), total));
        m.put("total", total);
        m.put("finished", x.finished());
        m.put("progress", progress(x));
        m.put("alone", x.count(StepOutcome.ALONE));
        m.put("withHints", x.count(StepOutcome.WITH_HINTS));
        m.put("shown", x.count(StepOutcome.SHOWN));
        m.put("steps", steps(x));
        x.openStep().ifPresent(step -> m.put("step", open(x, step, last, md, inline)));
        if (last.step() > 0 && last.step() < x.stepNumber()) {
            // the step the learner just got behind them: what held, or what Show me ran
            Map<String, Object> behind = new LinkedHashMap<>();
            behind.put("number", last.step());
            behind.put("title", lesson.step(last.step()).title());
            behind.put("shown", last.shown().isPresent());
            behind.put("outputs", last.shown().map(s -> s.outputs().stream().map(ExerciseView::entry).toList())
                    .orElse(List.of()));
            Optional<CheckResult> check = last.check().or(() -> last.shown().map(Exercise.Shown::check));
            behind.put("findings", check.map(c -> findings(c, inline)).orElse(List.of()));
            m.put("behind", behind);
        }
        return m;
    }

    /** {@code 3 of 9 done}: what the lesson list says. */
    static String progress(Exercise x) {
        return x.doneCount() + " of " + x.lesson().steps().size() + " done";
    }

    private static List<Map<String, Object>> steps(Exercise x) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int n = 1; n <= x.lesson().steps().size(); n++) {
            Optional<StepOutcome> o = x.outcome(n);
            String status = o.map(ExerciseView::status).orElse(n == x.stepNumber() ? "open" : "locked");
            out.add(Map.of("number", n, "title", x.lesson().step(n).title(), "status", status,
                    "label", o.map(ExerciseView::label).orElse(n == x.stepNumber() ? "open now" : "not yet")));
        }
        return out;
    }

    private static String status(StepOutcome o) {
        return switch (o) {
            case ALONE -> "alone";
            case WITH_HINTS -> "hints";
            case SHOWN -> "shown";
            case SKIPPED -> "skipped";
        };
    }

    private static String label(StepOutcome o) {
        return switch (o) {
            case ALONE -> "done alone";
            case WITH_HINTS -> "done with hints";
            case SHOWN -> "shown";
            case SKIPPED -> "skipped";
        };
    }

    private static Map<String, Object> open(Exercise x, Step step, ExerciseSteps.Last last, UnaryOperator<String> md,
            UnaryOperator<String> inline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", x.stepNumber());
        m.put("title", step.title());
        m.put("explanation", md.apply(step.explanation()));
        Optional<CheckResult> checked = last.step() == x.stepNumber() ? last.check() : Optional.empty();
        List<Map<String, Object>> goals = new ArrayList<>();
        List<String> texts = Goals.of(step);
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("text", inline.apply(texts.get(i)));
            int at = i;
            checked.ifPresent(c -> {
                Finding f = c.findings().get(at);
                g.put("passed", f.passed());
                g.put("detail", inline.apply(f.passed() ? f.detail() : sentence(f.detail())));
            });
            goals.add(g);
        }
        m.put("goals", goals);
        m.put("checked", checked.isPresent());
        m.put("notes", Goals.notes(step).stream().map(inline).toList());
        m.put("hints", x.hintsTaken().stream().map(md).toList());
        m.put("hintCount", x.hintCount());
        m.put("typed", x.typed().size());
        return m;
    }

    /** A reason as a sentence of its own: its first letter a capital. */
    private static String sentence(String reason) {
        return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }

    private static List<Map<String, Object>> findings(CheckResult c, UnaryOperator<String> inline) {
        return c.findings().stream().map(f -> Map.<String, Object>of("text", inline.apply(f.goal()), "passed",
                f.passed(), "detail", inline.apply(f.detail()))).toList();
    }

    private static Map<String, Object> entry(CommandOutput o) {
        return Map.of("prompt", o.prompt(), "command", o.command(), "output", o.result().output(), "rc",
                o.result().exitStatus());
    }
}
