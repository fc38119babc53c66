package org.netnslab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.lesson.CommandOutput;
import org.netnslab.core.lesson.Exercise;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonRunner;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.model.LabState;
import org.netnslab.core.shell.Terminal;

/**
 * One learner's lab in the web app: a backend, a terminal on it, and the log that rebuilds it; for a lesson
 * the learner does themselves, the {@link Exercise} on that terminal. Every method is synchronized: two clicks
 * at once from the same browser run one after the other, never interleaved.
 */
final class LabSession implements AutoCloseable {

    /** What the console shows: a command as typed, the prompt it was typed at, and what it printed. */
    record ConsoleEntry(String prompt, String command, CommandResult result) {}

    private static final int CONSOLE_KEPT = 50;

    private final Supplier<Backend> backends;
    private final Optional<Lesson> lesson;
    private final boolean doItYourself;
    private Backend backend;
    private Terminal terminal;
    private LessonRunner runner;
    private Exercise exercise;
    private ExerciseSteps.Last last = ExerciseSteps.Last.NONE;
    private LabLog log = LabLog.empty();
    private final List<ConsoleEntry> console = new ArrayList<>();
    private Optional<StepResult> lastStep = Optional.empty();
    private LabState before;
    private LabState now;

    /** A lab that follows a lesson, or a free lab when there is none. */
    LabSession(Supplier<Backend> backends, Optional<Lesson> lesson) {
        this(backends, lesson, false);
    }

    /** A lab for a lesson the learner watches, or does themselves. */
    LabSession(Supplier<Backend> backends, Optional<Lesson> lesson, boolean doItYourself) {
        this.backends = backends;
        this.lesson = lesson;
        this.doItYourself = doItYourself && lesson.isPresent();
        fresh();
    }

    private void fresh() {
        if (backend != null) {
            backend.close();
        }
        backend = backends.get();
        terminal = new Terminal(backend);
        runner = lesson.map(l -> new LessonRunner(l, terminal)).orElse(null);
        exercise = doItYourself ? new Exercise(lesson.orElseThrow(), terminal) : null;
        last = ExerciseSteps.Last.NONE;
        log = LabLog.empty();
        console.clear();
        lastStep = Optional.empty();
        now = backend.snapshot();
        before = now;
    }

    private int stepCount() {
        return lesson.map(l -> l.steps().size()).orElse(0);
    }

    /** Rebuilds the lab from a log, as a reload after a restart does. */
    synchronized void replay(LabLog replayed) {
        fresh();
        for (LabLog.Entry e : replayed.entries()) {
            if (e.step()) {
                // a lesson done yourself has no Watch steps in its log
                if (exercise != null || e.stepNumber() != log.stepsApplied() + 1 || e.stepNumber() > stepCount()) {
                    break;
                }
                applyStep();
            } else if (e.kind() == LabLog.Kind.COMMAND) {
                type(e.text());
            } else if (exercise != null && !ExerciseSteps.replay(this, e)) {
                break;
            }
        }
        before = now;
        last = ExerciseSteps.Last.NONE;
    }

    /** Runs a line typed in the console. */
    synchronized CommandResult type(String line) {
        String prompt = terminal.prompt();
        CommandResult result;
        if (exercise != null) {
            CommandOutput typed = exercise.type(line);
            prompt = typed.prompt();
            result = typed.result();
            last = ExerciseSteps.Last.NONE;
        } else {
            result = terminal.run(line);
        }
        console.add(new ConsoleEntry(prompt, line, result));
        if (console.size() > CONSOLE_KEPT) {
            console.remove(0);
        }
        log = log.plus(LabLog.Entry.command(line));
        settle();
        return result;
    }

    /** Applies the next step of the lesson; false when there is none. */
    synchronized boolean next() {
        if (runner == null || !runner.hasNext() || log.full()) {
            return false;
        }
        applyStep();
        return true;
    }

    private void applyStep() {
        StepResult result = runner.next();
        lastStep = Optional.of(result);
        log = log.plus(LabLog.Entry.step(result.number()));
        settle();
    }

    /** Goes back one step: the lab is rebuilt from its log without the last step. */
    synchronized void previous() {
        LabLog back = log.beforeLastStep();
        LabState shown = now;
        replay(back);
        before = shown;
    }

    /**
     * Who can ping what, measured on a copy of this lab rebuilt from its log, so that the learner's own lab
     * is not touched (its neighbour caches, its NAT counters).
     */
    synchronized java.util.Map<String, Object> reachability() {
        try (LabSession copy = new LabSession(backends, lesson)) {
            copy.replay(log);
            return org.netnslab.web.view.Reachability.of(copy.backend);
        }
    }

    /** Checks the open step of the exercise; when it holds, the log says so. */
    synchronized void check() {
        if (exercise != null) {
            last = ExerciseSteps.check(this);
        }
    }

    /** The next hint of the open step, into the log. */
    synchronized void hint() {
        if (exercise != null) {
            ExerciseSteps.hint(this);
        }
    }

    /**
     * Show me: the lab goes back to where the open step began (what was typed since is left out), and the
     * step's commands run on it.
     */
    synchronized void show() {
        if (exercise != null && !exercise.finished()) {
            replay(log.atStepStart());
            last = ExerciseSteps.show(this);
            settle();
        }
    }

    /** Leaves out the open step: for the terminal's {@code skip}. */
    synchronized void skip() {
        if (exercise != null) {
            ExerciseSteps.skip(this);
        }
    }

    /** The lesson the learner does themselves, if this lab is one. */
    synchronized Optional<Exercise> exercise() {
        return Optional.ofNullable(exercise);
    }

    /** What the last Check or Show me found, until the learner types again. */
    synchronized ExerciseSteps.Last lastExercise() {
        return last;
    }

    /** Appends to the log: for {@link ExerciseSteps}, which keeps it in step with the exercise, under this lock. */
    void append(LabLog.Entry e) {
        log = log.plus(e);
    }

    /** Where the lab's page is: {@code /lab}, {@code /lessons/ID}, or {@code /lessons/ID/exercise}. */
    synchronized String path() {
        return lesson.map(l -> "/lessons/" + l.id() + (doItYourself ? "/exercise" : "")).orElse("/lab");
    }

    synchronized void reset() {
        fresh();
    }

    private void settle() {
        before = now;
        now = backend.snapshot();
    }

    synchronized int stepsApplied() {
        return log.stepsApplied();
    }

    synchronized LabLog log() {
        return log;
    }

    synchronized LabState state() {
        return now;
    }

    synchronized LabState previousState() {
        return before;
    }

    synchronized List<ConsoleEntry> console() {
        return List.copyOf(console);
    }

    /** The result of the step applied last, unless the learner went back since. */
    synchronized Optional<StepResult> lastStep() {
        return lastStep;
    }

    synchronized Optional<Lesson> lesson() {
        return lesson;
    }

    synchronized String prompt() {
        return terminal.prompt();
    }

    synchronized Backend backend() {
        return backend;
    }

    @Override
    public synchronized void close() {
        backend.close();
    }
}
