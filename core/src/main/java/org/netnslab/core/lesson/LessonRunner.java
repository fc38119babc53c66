package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.model.LabState;
import org.netnslab.core.nc.Netcat;
import org.netnslab.core.shell.Terminal;

/**
 * Takes a learner through a lesson on one lab, a step at a time: each step's commands run in order on the
 * learner's {@link Terminal} (so a shell opened with {@code ip netns exec NS bash} stays open into the next
 * step), then the lab's state is read, compared with the previous step's, and the step's expectations are
 * checked. Checking never types into the terminal: pings are sent through {@link Backend#ping} directly.
 *
 * <p>A step's chat lines ({@link ChatLine}) are the tutorial's second window: {@code NS$ COMMAND} runs in a
 * shell in NS, {@code NS> TEXT} is typed into the nc that runs in NS. Where a run of chat lines ends (a
 * {@code chat} block), every nc stops, as Ctrl-C in each window would.
 *
 * <p>The backend is a fresh lab with its world built ({@link org.netnslab.core.lab.LabWorld#build}); the
 * runner does not close it. Like a backend, a runner serves one learner, one step at a time.
 */
public final class LessonRunner {

    private final Lesson lesson;
    private final Backend backend;
    private final Terminal terminal;
    private final LabState initial;
    private final List<StepResult> results = new ArrayList<>();

    public LessonRunner(Lesson lesson, Backend backend) {
        this(lesson, new Terminal(backend));
    }

    /** A runner on a terminal the learner may also type into between steps (the web console). */
    public LessonRunner(Lesson lesson, Terminal terminal) {
        this.lesson = lesson;
        this.terminal = terminal;
        this.backend = terminal.backend();
        this.initial = backend.snapshot();
    }

    public Lesson lesson() {
        return lesson;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** The lab's state before the first step. */
    public LabState initialState() {
        return initial;
    }

    /** How many steps have been applied. */
    public int stepsDone() {
        return results.size();
    }

    public boolean hasNext() {
        return results.size() < lesson.steps().size();
    }

    /** Applies the next step. */
    public StepResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the lesson has " + lesson.steps().size() + " steps, all done");
        }
        int number = results.size() + 1;
        Step step = lesson.step(number);
        StepCommands.Run run = StepCommands.run(terminal, step.commands());
        List<CommandOutput> outputs = run.outputs();
        List<Netcat.Message> received = run.received();
        LabState after = backend.snapshot();
        LabState before = results.isEmpty() ? initial : results.get(results.size() - 1).snapshot();
        StateDiff diff = StateDiff.between(before, after);
        List<Verdict> verdicts = new ArrayList<>();
        for (Expectation e : step.expectations()) {
            verdicts.add(Checks.check(backend, after, outputs, received, e));
        }
        StepResult result = new StepResult(number, step, outputs, after, diff, verdicts);
        results.add(result);
        return result;
    }

    /** Applies steps until {@code stepNumber} is done (none when it is done already); returns the new results. */
    public List<StepResult> runTo(int stepNumber) {
        if (stepNumber < 0 || stepNumber > lesson.steps().size()) {
            throw new IndexOutOfBoundsException("step " + stepNumber + " of " + lesson.steps().size());
        }
        List<StepResult> out = new ArrayList<>();
        while (results.size() < stepNumber) {
            out.add(next());
        }
        return out;
    }

    /** Applies every remaining step. */
    public List<StepResult> runAll() {
        return runTo(lesson.steps().size());
    }

    /** Every step applied so far, in order. */
    public List<StepResult> results() {
        return Collections.unmodifiableList(results);
    }

    /**
     * Checks one expectation on the lab as it is now (say, after the learner typed more commands), against
     * these outputs for {@code output contains}.
     */
    public Verdict check(Expectation expectation, List<CommandOutput> outputs) {
        return Checks.check(backend, backend.snapshot(), outputs, terminal.messages(), expectation);
    }
}
