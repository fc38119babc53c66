package org.netnslab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonRunner;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.model.LabState;
import org.netnslab.core.shell.Terminal;

/**
 * One learner's lab in the web app: a backend, a terminal on it, and the log that rebuilds it. Every method
 * is synchronized: two clicks at once from the same browser run one after the other, never interleaved.
 */
final class LabSession implements AutoCloseable {

    /** What the console shows: a command as typed, the prompt it was typed at, and what it printed. */
    record ConsoleEntry(String prompt, String command, CommandResult result) {}

    private static final int CONSOLE_KEPT = 50;

    private final Supplier<Backend> backends;
    private final Optional<Lesson> lesson;
    private Backend backend;
    private Terminal terminal;
    private LessonRunner runner;
    private LabLog log = LabLog.empty();
    private final List<ConsoleEntry> console = new ArrayList<>();
    private Optional<StepResult> lastStep = Optional.empty();
    private LabState before;
    private LabState now;

    /** A lab that follows a lesson, or a free lab when there is none. */
    LabSession(Supplier<Backend> backends, Optional<Lesson> lesson) {
        this.backends = backends;
        this.lesson = lesson;
        fresh();
    }

    private void fresh() {
        if (backend != null) {
            backend.close();
        }
        backend = backends.get();
        terminal = new Terminal(backend);
        runner = lesson.map(l -> new LessonRunner(l, terminal)).orElse(null);
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
                if (e.stepNumber() != log.stepsApplied() + 1 || e.stepNumber() > stepCount()) {
                    break;
                }
                applyStep();
            } else {
                type(e.text());
            }
        }
        before = now;
    }

    /** Runs a line typed in the console. */
    synchronized CommandResult type(String line) {
        String prompt = terminal.prompt();
        CommandResult result = terminal.run(line);
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
