package org.netnslab.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Transcript;
import org.netnslab.core.lesson.CheckResult;
import org.netnslab.core.lesson.CommandOutput;
import org.netnslab.core.lesson.Exercise;
import org.netnslab.core.lesson.Finding;
import org.netnslab.core.lesson.Goals;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.lesson.StepOutcome;

/**
 * {@code netns-lab run LESSON --exercise}: a lesson done yourself in a terminal. Each step prints its title,
 * its explanation and its goal; the learner types the commands, and four words are the exercise's own:
 * {@code check}, {@code hint}, {@code show} and {@code skip}. The lab is a {@link LabSession}, as in the
 * browser, so Show me rebuilds the lab as the step began in the same way.
 */
final class ExerciseTerminal {

    static final String WORDS = "check (is the goal reached?), hint (one more hint), show (the step's commands,"
            + " typed for you), skip (leave the step out)";

    private final LabSession lab;
    private final PrintWriter out;

    ExerciseTerminal(LabSession lab, PrintWriter out) {
        this.lab = lab;
        this.out = out;
    }

    /** The lab's exercise: a new one each time Show me rebuilds the lab. */
    private Exercise exercise() {
        return lab.exercise().orElseThrow();
    }

    /** Reads lines until every step is behind the learner, or the input ends; true when every step was done. */
    boolean run(BufferedReader in, Backend first) throws IOException {
        Lesson l = exercise().lesson();
        LessonCommands.printHeader(out, l, first);
        out.println("Do it yourself: each step says what to reach; type the commands that get there. Besides the"
                + " lab's commands: " + WORDS + ". 'exit' at the host's prompt ends.");
        out.println();
        printStep();
        while (!exercise().finished()) {
            out.print(lab.prompt());
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                break;
            }
            String typed = line.strip();
            if (!Transcript.isCommand(typed)) {
                continue;
            }
            boolean atHost = Backend.HOST.equals(exercise().terminal().namespace()) && exercise().terminal().chat()
                    .isEmpty();
            if (atHost && (typed.equals("exit") || typed.equals("logout"))) {
                break;
            }
            switch (typed) {
                case "check" -> check();
                case "hint" -> hint();
                case "show" -> show();
                case "skip" -> skip();
                default -> out.print(lab.type(typed).or(() -> lab.view().notice().map(LabSession.ConsoleEntry::result))
                        .map(CommandResult::output).orElse(""));
            }
            out.flush();
        }
        summary();
        return exercise().doneCount() == l.steps().size();
    }

    private void printStep() {
        Optional<Step> open = exercise().openStep();
        if (open.isEmpty()) {
            return;
        }
        Step step = open.get();
        out.println("## Step " + exercise().stepNumber() + " of " + exercise().lesson().steps().size() + ": "
                + step.title());
        out.println();
        if (!step.explanation().isEmpty()) {
            out.println(step.explanation());
            out.println();
        }
        List<String> goals = Goals.of(step);
        out.println(goals.isEmpty() ? "Goal: none to check; do what the step says, then check." : "Goal:");
        goals.forEach(g -> out.println("  - " + g));
        Goals.notes(step).forEach(n -> out.println("  (" + n + ")"));
        out.println();
        out.flush();
    }

    private void check() {
        int step = exercise().stepNumber();
        lab.check();
        printFindings(lab.lastExercise().check().orElseThrow());
        if (exercise().stepNumber() > step) {
            out.println("Step " + step + " done" + (exercise().outcome(step).orElseThrow() == StepOutcome.WITH_HINTS
                    ? ", with hints." : ", alone.") + " " + ExerciseView.progress(exercise()) + ".");
            out.println();
            printStep();
        } else {
            out.println("Not yet: type more, then check again (or hint, show, skip).");
        }
    }

    private void hint() {
        int before = exercise().hintsTaken().size();
        lab.hint();
        List<String> taken = exercise().hintsTaken();
        if (taken.size() == before) {
            out.println("No more hints: show types the step's commands for you.");
            return;
        }
        out.println("Hint " + taken.size() + " of " + exercise().hintCount() + ":");
        out.println(plain(taken.get(taken.size() - 1)));
    }

    private void show() {
        int step = exercise().stepNumber();
        lab.show();
        Exercise.Shown shown = lab.lastExercise().shown().orElseThrow();
        out.println("Shown: the lab went back to where step " + step + " began, and its commands ran:");
        for (CommandOutput o : shown.outputs()) {
            out.print(o.transcript());
        }
        printFindings(shown.check());
        out.println("Step " + step + " shown. " + ExerciseView.progress(exercise()) + ".");
        out.println();
        printStep();
    }

    private void skip() {
        int step = exercise().stepNumber();
        lab.skip();
        out.println("Step " + step + " skipped.");
        out.println();
        printStep();
    }

    private void printFindings(CheckResult r) {
        for (Finding f : r.findings()) {
            out.println("  " + (f.passed() ? "[ok]   " : "[FAIL] ") + f.goal() + (f.passed() ? "" : ": " + f.detail()));
        }
    }

    private void summary() {
        int total = exercise().lesson().steps().size();
        out.println((exercise().doneCount() == total ? "Every step behind you: " : "")
                + ExerciseView.progress(exercise()) + ": " + exercise().count(StepOutcome.ALONE) + " alone, "
                + exercise().count(StepOutcome.WITH_HINTS) + " with hints, " + exercise().count(StepOutcome.SHOWN)
                + " shown, " + exercise().count(StepOutcome.SKIPPED) + " skipped"
                + (exercise().doneCount() == total ? "." : "; 'netns-lab run " + exercise().lesson().id()
                        + " --exercise' starts again."));
        out.flush();
    }

    /** A hint's Markdown for a terminal: its code blocks indented, without their fences. */
    static String plain(String markdown) {
        StringBuilder sb = new StringBuilder();
        boolean code = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            sb.append(code ? "    " : "").append(line).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
