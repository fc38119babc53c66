package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.nc.Netcat;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.lesson.Expectation.OutputContains;
import org.netnslab.core.lesson.Expectation.Receives;
import org.netnslab.core.model.LabState;

/**
 * A lesson a learner does themselves ("Do it yourself"), on their own lab: each step shows its goals
 * ({@link Goals}) but not its commands; the learner types whatever they like into the terminal, and
 * {@link #check()} judges the lab as it is, however it got there. The next step opens once the open one holds.
 * Hints come one at a time ({@link Hints}); {@link #show()} applies the step's commands for a learner who is
 * stuck, and says so in the step's {@link StepOutcome}.
 *
 * <p>What the learner typed counts from the moment the step opened: {@code output contains} looks at
 * everything they typed since, {@code output does not contain} at the last command only (what the learner
 * sees now), and {@code receives} at what the terminal's ncs printed since.
 *
 * <p>Like a backend, an exercise serves one learner, one line at a time.
 */
public final class Exercise {

    private final Lesson lesson;
    private final Terminal terminal;
    private final Backend backend;
    private final StepOutcome[] outcomes;
    private int open = 1;
    private final List<CommandOutput> typed = new ArrayList<>();
    private int heard;
    private int hintsTaken;

    public Exercise(Lesson lesson, Terminal terminal) {
        this.lesson = lesson;
        this.terminal = terminal;
        this.backend = terminal.backend();
        this.outcomes = new StepOutcome[lesson.steps().size()];
        this.heard = terminal.messages().size();
    }

    public Lesson lesson() {
        return lesson;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** The number of the open step, from 1; one more than the lesson has once every step is behind. */
    public int stepNumber() {
        return open;
    }

    public boolean finished() {
        return open > lesson.steps().size();
    }

    /** The step the learner is on, unless the lesson is over. */
    public Optional<Step> openStep() {
        return finished() ? Optional.empty() : Optional.of(lesson.step(open));
    }

    /**
     * Runs a line the learner typed: a command at the terminal's prompt, or a line of a chat ({@code NS$ COMMAND}
     * in a second window whose shell is in NS, {@code NS> TEXT} into the nc that runs in NS), as a lesson's chat
     * writes them. What it printed counts for the open step's output goals.
     */
    public CommandOutput type(String line) {
        Optional<ChatLine> chat = ChatLine.parse(line);
        CommandOutput out;
        if (chat.isPresent()) {
            out = StepCommands.typeChat(terminal, chat.get());
        } else {
            String prompt = terminal.prompt();
            out = new CommandOutput(prompt, line, terminal.run(line));
        }
        typed.add(out);
        return out;
    }

    /** What the learner typed since the open step opened, oldest first. */
    public List<CommandOutput> typed() {
        return Collections.unmodifiableList(typed);
    }

    /**
     * Checks the open step's goals on the lab as it is now. When every one holds, the step is done (alone, or
     * with hints if any were taken) and the next one opens.
     */
    public CheckResult check() {
        if (finished()) {
            return new CheckResult(open, List.of());
        }
        CheckResult result = judge(lesson.step(open), typed, received());
        if (result.passed()) {
            close(hintsTaken > 0 ? StepOutcome.WITH_HINTS : StepOutcome.ALONE);
        }
        return result;
    }

    /**
     * The open step is done as a check found it when the log being replayed was written, and is not checked
     * again: a replay rebuilds the lab, and its checks' pings would only take their time once more.
     */
    public void accept() {
        if (!finished()) {
            close(hintsTaken > 0 ? StepOutcome.WITH_HINTS : StepOutcome.ALONE);
        }
    }

    /** The next hint of the open step, if any is left; it counts, and the step is then done with hints. */
    public Optional<String> hint() {
        List<String> all = hints();
        if (hintsTaken >= all.size()) {
            return Optional.empty();
        }
        return Optional.of(all.get(hintsTaken++));
    }

    /** The hints of the open step taken so far, in order. */
    public List<String> hintsTaken() {
        return hints().subList(0, hintsTaken);
    }

    /** How many hints the open step has in all. */
    public int hintCount() {
        return hints().size();
    }

    private List<String> hints() {
        return openStep().map(Hints::of).orElse(List.of());
    }

    /** The step's commands, applied by netns-lab for the learner, and its goals checked after them. */
    public record Shown(List<CommandOutput> outputs, CheckResult check) {}

    /**
     * Applies the open step's commands on the lab as it is, as {@code Watch} would, checks its goals, and
     * closes the step as {@link StepOutcome#SHOWN}, whatever the check says: the learner asked to be shown.
     * A caller that wants the step's commands on the lab as it was when the step opened rebuilds it first.
     */
    public Shown show() {
        if (finished()) {
            return new Shown(List.of(), new CheckResult(open, List.of()));
        }
        Step step = lesson.step(open);
        StepCommands.Run run = StepCommands.run(terminal, step.commands());
        CheckResult result = judge(step, run.outputs(), run.received());
        close(StepOutcome.SHOWN);
        return new Shown(run.outputs(), result);
    }

    /** Leaves the open step out: it is not done, and the next one opens. */
    public void skip() {
        if (!finished()) {
            close(StepOutcome.SKIPPED);
        }
    }

    /** How step {@code number} went, once it is behind the learner. */
    public Optional<StepOutcome> outcome(int number) {
        return Optional.ofNullable(outcomes[number - 1]);
    }

    /** How many steps are done (alone, with hints, or shown). */
    public int doneCount() {
        return (int) Arrays.stream(outcomes).filter(o -> o != null && o.done()).count();
    }

    /** How many steps went this way. */
    public int count(StepOutcome outcome) {
        return (int) Arrays.stream(outcomes).filter(o -> o == outcome).count();
    }

    private List<Netcat.Message> received() {
        List<Netcat.Message> all = terminal.messages();
        return List.copyOf(all.subList(Math.min(heard, all.size()), all.size()));
    }

    private void close(StepOutcome outcome) {
        Step step = lesson.step(open);
        outcomes[open - 1] = outcome;
        if (StepCommands.chats(step.commands())) {
            // as in the lesson, the next step starts without the chat's ncs
            terminal.stopAll();
        }
        open++;
        typed.clear();
        hintsTaken = 0;
        heard = terminal.messages().size();
    }

    /** The open step's goals, judged on the lab as it is. */
    private CheckResult judge(Step step, List<CommandOutput> outputs, List<Netcat.Message> received) {
        LabState state = backend.snapshot();
        List<Finding> findings = new ArrayList<>();
        Optional<CommandKind> judged = CommandKind.judged(step);
        for (Expectation e : step.expectations()) {
            List<CommandOutput> seen = outputs;
            if (e instanceof OutputContains c && !c.present()) {
                seen = CommandKind.last(outputs, judged).map(List::of).orElse(List.of());
            }
            Verdict v = Checks.check(backend, state, seen, received, e);
            boolean passed = v.passed() && !(seen.isEmpty() && isAboutOutput(e));
            String detail = passed ? v.observed() : Reasons.why(v, state, outputs, seen, judged);
            findings.add(new Finding(e, Goals.of(e, step), passed, detail));
        }
        return new CheckResult(open, findings);
    }

    /** A goal about what commands print holds only once the learner has typed one. */
    private static boolean isAboutOutput(Expectation e) {
        return e instanceof OutputContains || e instanceof Receives;
    }
}
