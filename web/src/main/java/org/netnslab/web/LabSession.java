package org.netnslab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.netnslab.core.shell.Completion;
import org.netnslab.core.shell.Terminal;
import org.netnslab.web.view.Reachability;

/**
 * One learner's lab in the web app: its log, and the point the log leads to ({@link LabPoint}). On the
 * simulator the points are shared ({@link LabPoints}): a learner who follows a lesson where others went before
 * is shown what was computed for them, and holds no lab of their own; a lab of their own (a backend, a terminal
 * on it) is made, from the log, only to go where no one went. On the kernel every session has its lab.
 *
 * <p>A lesson the learner does themselves has its {@link Exercise} on the lab's terminal, and its points are its
 * own: a Check, a hint, Show me and skip are entries of its log ({@link ExerciseSteps}), and the lab stays live.
 *
 * <p>A lab's log is bounded, in entries ({@link LabLog#MAX_ENTRIES}) and in the probes it sends
 * ({@link #MAX_PROBES}), so that no log, typed or forged, costs the server more than that to replay; what is
 * refused for it is said in one {@code netns-lab:} line in the console. Every method is synchronized: two clicks
 * at once from the same browser run one after the other, never interleaved.
 */
final class LabSession implements AutoCloseable {

    /** What the console shows: a command as typed, the prompt it was typed at, and what it printed. */
    record ConsoleEntry(String prompt, String command, CommandResult result) {}

    /** How many echo requests a lab's whole log may send: many lessons' worth, a fraction of a second to replay. */
    static final int MAX_PROBES = 5_000;

    private static final int CONSOLE_KEPT = 50;
    /** How many terminals a lab may have open at once. */
    static final int MAX_TERMINALS = 8;
    private static final String FREE_LAB = "lab";

    private final Supplier<Backend> backends;
    private final Optional<Lesson> lesson;
    private final boolean doItYourself;
    private final Optional<LabPoints> shared;
    private LabPoint point;
    private LabState before;
    /** The operator's limit on the commands of one lab's log ({@link LabLimits#commandsPerLab()}). */
    private int maxCommands = LabLog.MAX_ENTRIES;
    /** A line of netns-lab's own about the last action, shown once at the end of the console. */
    private Optional<ConsoleEntry> notice = Optional.empty();

    /** The lab itself, at {@link #liveLog}; on the simulator only while this learner goes where no one went. */
    private Backend backend;
    private Terminal terminal;
    private LessonRunner runner;
    private Exercise exercise;
    private ExerciseSteps.Last last = ExerciseSteps.Last.NONE;
    private LabLog liveLog;
    private final List<ConsoleEntry> liveConsole = new ArrayList<>();
    /** Terminals 2, 3, ... opened beside the first ({@code New terminal}), and what each shows. */
    private final List<Terminal> others = new ArrayList<>();
    private final List<List<ConsoleEntry>> otherConsoles = new ArrayList<>();
    /** How many entries each terminal's console was given, terminal 1 first: where a screen was cleared. */
    private final List<Integer> shownTotals = new ArrayList<>();
    private Optional<StepResult> liveLastStep = Optional.empty();
    private int liveProbes;
    /** The lab's history mark ({@link Backend#historyMark()}) when the open step began; 0 at the lab's start. */
    private long stepMark;

    /** A lab of its own, which follows a lesson, or a free lab when there is none. */
    LabSession(Supplier<Backend> backends, Optional<Lesson> lesson) {
        this(backends, lesson, false, Optional.empty());
    }

    /**
     * A lab for a lesson the learner watches, or does themselves; a watched lab's points are shared with every
     * other learner's of the same lesson ({@code shared}), an exercise's are its own.
     */
    LabSession(Supplier<Backend> backends, Optional<Lesson> lesson, boolean doItYourself,
            Optional<LabPoints> shared) {
        this.backends = backends;
        this.lesson = lesson;
        this.doItYourself = doItYourself && lesson.isPresent();
        this.shared = this.doItYourself ? Optional.empty() : shared;
        point = pointOf(LabLog.empty());
        before = point.state();
    }

    private int stepCount() {
        return lesson.map(l -> l.steps().size()).orElse(0);
    }

    private LabPoints.Key key(LabLog log) {
        // a teacher's edited lesson is another lesson under the same id: its points are its own
        return new LabPoints.Key(lesson.map(l -> l.id() + "@" + Integer.toHexString(l.hashCode())).orElse(FREE_LAB),
                log);
    }

    /** The lesson this lab follows, as it was when the lab was made. */
    Optional<Lesson> lesson() {
        return lesson;
    }

    /** Holds this lab to at most {@code commands} commands in its log (at most {@link LabLog#MAX_ENTRIES}). */
    synchronized LabSession limitCommands(int commands) {
        maxCommands = Math.min(commands, LabLog.MAX_ENTRIES);
        return this;
    }

    /** A line of netns-lab's own at the end of the console, until the learner's next action. */
    synchronized void tell(String sentence) {
        say(sentence);
    }

    // ------------------------------------------------------------------------------------------ what a learner does

    /**
     * Rebuilds the lab from a log, as a reload after a restart does: as far as its steps follow one another, and
     * as far as the lab's budget of probes goes.
     */
    synchronized void replay(LabLog replayed) {
        List<LabLog.Entry> kept = new ArrayList<>();
        int steps = 0;
        int commands = 0;
        boolean overCommands = false;
        for (LabLog.Entry e : replayed.entries()) {
            if (e.kind() == LabLog.Kind.COMMAND && ++commands > maxCommands) {
                overCommands = true;
                break;
            }
            if (e.step()) {
                // a lesson done yourself has no Watch steps in its log
                if (doItYourself || e.stepNumber() != steps + 1 || e.stepNumber() > stepCount()) {
                    break;
                }
                steps++;
            } else if (!e.typed() && e.kind() != LabLog.Kind.TERMINAL && !doItYourself) {
                continue;
            }
            kept.add(e);
        }
        LabLog wanted = new LabLog(kept);
        Optional<LabPoint> known = shared.flatMap(s -> s.peek(key(wanted)));
        if (known.isPresent()) {
            point = known.get();
        } else {
            int reached = live(wanted);
            point = fromLive();
            shared.ifPresent(s -> s.offer(key(point.log()), point));
            if (overCommands && reached == wanted.entries().size()) {
                say(String.format("the log this page carried back was replayed as far as its %,d first commands, as "
                        + "many as a lab may run here", maxCommands));
            }
            if (reached < wanted.entries().size()) {
                say(String.format("the log this page carried back was replayed as far as entry %,d of %,d: replaying "
                        + "more would send over %,d echo requests, more than a lab may", reached,
                        wanted.entries().size(), MAX_PROBES));
            }
        }
        before = point.state();
        last = ExerciseSteps.Last.NONE;
        dropStaleLab();
    }

    /** Runs a line typed in the console; nothing when the lab is full, which the console then says. */
    synchronized Optional<CommandResult> type(String line) {
        notice = Optional.empty();
        last = ExerciseSteps.Last.NONE;
        if (refusedAsFull(line, "this command was not run")) {
            return Optional.empty();
        }
        advance(LabLog.Entry.command(line));
        List<ConsoleEntry> shown = point.console();
        return Optional.of(shown.get(shown.size() - 1).result());
    }

    /** Ctrl-C in terminal N: what holds it stops; an entry of the log, as a line typed is. */
    synchronized void interrupt(int n) {
        notice = Optional.empty();
        last = ExerciseSteps.Last.NONE;
        Optional<LabPoint.Screen> screen = point.screen(n);
        if (screen.isEmpty() || !screen.get().holding() || refusedAsFull("^C", "Ctrl-C was not sent")) {
            return;
        }
        advance(LabLog.Entry.interrupt(n));
    }

    /** A line typed in terminal N, N from 2; nothing when there is no such terminal, or the lab is full. */
    synchronized void typeIn(int n, String line) {
        notice = Optional.empty();
        last = ExerciseSteps.Last.NONE;
        if (point.screen(n).isEmpty() || refusedAsFull(line, "this command was not run")) {
            return;
        }
        advance(LabLog.Entry.command(n, line));
    }

    /** New terminal: one more, on the same lab, at the host's prompt; as many as {@link #MAX_TERMINALS}. */
    synchronized void openTerminal() {
        notice = Optional.empty();
        int n = point.screens().size() + 1;
        if (n > MAX_TERMINALS) {
            say(String.format("a lab has %d terminals at most", MAX_TERMINALS));
            return;
        }
        if (refusedAsFull("", "no terminal was opened")) {
            return;
        }
        advance(LabLog.Entry.of(LabLog.Kind.TERMINAL, n));
    }

    /** Tab in terminal N: the candidates for the word at {@code cursor}, from the lab's grammar and state. */
    synchronized Completion.Candidates complete(int n, String line, int cursor) {
        String prompt = point.screen(n).map(LabPoint.Screen::prompt).orElse(point.prompt());
        return Completion.complete(line, cursor, Completion.Lab.of(point.state()),
                Terminal.namespaceOfPrompt(prompt));
    }

    /** Applies the next step of the lesson; false when there is none, or when the lab is full (then said). */
    synchronized boolean next() {
        notice = Optional.empty();
        if (lesson.isEmpty() || doItYourself || point.log().stepsApplied() >= stepCount()) {
            return false;
        }
        if (refusedAsFull("", "the next step was not applied")) {
            return false;
        }
        advance(LabLog.Entry.step(point.log().stepsApplied() + 1));
        return true;
    }

    /** Goes back one step: the lab as its log was without the last step. */
    synchronized void previous() {
        notice = Optional.empty();
        LabState shown = point.state();
        point = pointOf(point.log().beforeLastStep());
        before = shown;
        dropStaleLab();
    }

    synchronized void reset() {
        notice = Optional.empty();
        if (!shared.isPresent()) {
            closeLab();
        }
        point = pointOf(LabLog.empty());
        before = point.state();
        dropStaleLab();
    }

    /**
     * Who can ping what, measured once for this point on a copy of the lab rebuilt from its log, so that no
     * lab that learners see is touched (its neighbour caches, its NAT counters).
     */
    synchronized Map<String, Object> reachability() {
        LabLog log = point.log();
        return point.reachability(() -> {
            try (LabSession copy = new LabSession(backends, lesson, doItYourself, Optional.empty())) {
                copy.live(log);
                return Reachability.of(copy.backend);
            }
        });
    }

    /**
     * {@code Download capture (.pcap)}: link DEVICE of NS's packets since the lab began, or since the step
     * began (the lesson's last step applied, or the open step of an exercise), as a pcap file, taken from the
     * lab itself (on the simulator made again from the log when no one held it: the same packets); empty when
     * there is no such link.
     */
    synchronized Optional<byte[]> capture(String ns, String device, boolean sinceStep) {
        if (point.state().namespace(ns).flatMap(s -> s.link(device)).isEmpty()) {
            return Optional.empty();
        }
        live(point.log());
        return Optional.of(CaptureDownload.pcap(backend, ns, device, sinceStep ? stepMark : 0));
    }

    /** Whether the lab has steps, so that a capture can begin where the open (or last) one began. */
    boolean hasSteps() {
        return lesson.isPresent();
    }

    /** Checks the open step of the exercise; when it holds, the log says so. */
    synchronized void check() {
        exerciseAction(() -> last = ExerciseSteps.check(this));
    }

    /** The next hint of the open step, into the log. */
    synchronized void hint() {
        exerciseAction(() -> ExerciseSteps.hint(this));
    }

    /**
     * Show me: the lab goes back to where the open step began (what was typed since is left out), and the
     * step's commands run on it.
     */
    synchronized void show() {
        if (exercise().filter(x -> !x.finished()).isPresent()) {
            // what was typed since the step began is left out, not shown as deleted
            live(point.log().atStepStart());
            LabState began = backend.snapshot();
            last = ExerciseSteps.show(this);
            point = fromLive();
            before = began;
        }
    }

    /** Leaves out the open step: for the terminal's {@code skip}. */
    synchronized void skip() {
        exerciseAction(() -> ExerciseSteps.skip(this));
    }

    private void exerciseAction(Runnable action) {
        notice = Optional.empty();
        if (exercise().isPresent()) {
            LabState shown = point.state();
            action.run();
            point = fromLive();
            before = shown;
        }
    }

    /** The lesson the learner does themselves, if this lab is one; its lab is live. */
    synchronized Optional<Exercise> exercise() {
        if (!doItYourself) {
            return Optional.empty();
        }
        live(point.log());
        return Optional.of(exercise);
    }

    /** What the last Check or Show me found, until the learner types again. */
    synchronized ExerciseSteps.Last lastExercise() {
        return last;
    }

    /** The live lab's exercise, as it is: for {@link ExerciseSteps}, under this lock. */
    Exercise liveExercise() {
        return exercise;
    }

    /** Appends to the live lab's log: for {@link ExerciseSteps}, which keeps it in step with the exercise. */
    void append(LabLog.Entry e) {
        liveLog = liveLog.plus(e);
        if (e.kind().closesStep()) {
            stepMark = backend.historyMark(); // the next step opens
        }
    }

    /** Where the lab's page is: {@code /lab}, {@code /lessons/ID}, or {@code /lessons/ID/exercise}. */
    String path() {
        return lesson.map(l -> "/lessons/" + l.id() + (doItYourself ? "/exercise" : "")).orElse("/lab");
    }

    // ------------------------------------------------------------------------------------------ points and the lab

    /** The lab refuses what would make its log longer than a replay may be, and says why in the console. */
    private boolean refusedAsFull(String line, String refused) {
        LabLog log = point.log();
        String why = null;
        if (log.full()) {
            why = String.format("this lab keeps %,d commands and steps, and has as many: %s. Reset gives a fresh lab",
                    LabLog.MAX_ENTRIES, refused);
        } else if (!line.isEmpty() && maxCommands < LabLog.MAX_ENTRIES && commandsIn(log) >= maxCommands) {
            why = String.format("this lab has run %,d commands, as many as a lab may run here: %s. Reset gives a "
                    + "fresh lab", maxCommands, refused);
        } else if (point.probes() >= MAX_PROBES) {
            why = String.format("this lab has sent %,d echo requests, as many as a lab may: %s. Reset gives a fresh "
                    + "lab", point.probes(), refused);
        }
        if (why == null) {
            return false;
        }
        notice = Optional.of(new ConsoleEntry(point.prompt(), line, CommandResult.of("netns-lab: " + why + ".", 1)));
        return true;
    }

    private static long commandsIn(LabLog log) {
        return log.entries().stream().filter(e -> e.kind() == LabLog.Kind.COMMAND).count();
    }

    private void say(String sentence) {
        notice = Optional.of(new ConsoleEntry(point.prompt(), "", CommandResult.of("netns-lab: " + sentence + ".", 0)));
    }

    /** One more entry: the point it leads to, shared if someone went there, else computed on this lab. */
    private void advance(LabLog.Entry e) {
        LabLog from = point.log();
        LabLog to = from.plus(e);
        before = point.state();
        if (shared.isEmpty()) {
            apply(e);
            point = fromLive();
            return;
        }
        point = shared.get().get(key(to), () -> {
            live(from);
            apply(e);
            return fromLive();
        });
        dropStaleLab();
    }

    private LabPoint pointOf(LabLog log) {
        if (shared.isEmpty()) {
            live(log);
            return fromLive();
        }
        return shared.get().get(key(log), () -> {
            live(log);
            return fromLive();
        });
    }

    /**
     * Makes this session's lab be at {@code log}: as it is, or taken on from where it is, when the log goes on
     * from there; else a fresh lab with the log replayed. As far as the budget of probes goes.
     *
     * @return how many entries of the log the lab is at
     */
    private int live(LabLog log) {
        List<LabLog.Entry> wanted = log.entries();
        if (backend == null || !liveLog.isPrefixOf(log)) {
            closeLab();
            backend = backends.get();
            terminal = new Terminal(backend);
            runner = lesson.map(l -> new LessonRunner(l, terminal)).orElse(null);
            exercise = doItYourself ? new Exercise(lesson.orElseThrow(), terminal) : null;
            liveLog = LabLog.empty();
            liveConsole.clear();
            others.clear();
            otherConsoles.clear();
            shownTotals.clear();
            shownTotals.add(0);
            liveLastStep = Optional.empty();
            liveProbes = 0;
            stepMark = 0;
        }
        int done = liveLog.entries().size();
        while (done < wanted.size() && liveProbes < MAX_PROBES && apply(wanted.get(done))) {
            done++;
        }
        return done;
    }

    /**
     * Applies one entry to this session's lab, which is at the log the entry follows; false when an exercise's
     * entry does not fit it (another step's), where a replay stops.
     */
    private boolean apply(LabLog.Entry e) {
        if (e.kind() == LabLog.Kind.TERMINAL) {
            if (e.terminal() != others.size() + 2 || e.terminal() > MAX_TERMINALS) {
                return false;
            }
            others.add(new Terminal(backend));
            // with two terminals, nc -l holds its own from the start, as a real one does
            terminal.holdForeground();
            others.forEach(Terminal::holdForeground);
            otherConsoles.add(new ArrayList<>());
            shownTotals.add(0);
            liveLog = liveLog.plus(e);
            return true;
        }
        if (e.kind() == LabLog.Kind.INTERRUPT || e.kind() == LabLog.Kind.COMMAND_IN) {
            int n = e.terminal();
            if (n < 1 || n > others.size() + 1) {
                return false;
            }
            Terminal t = n == 1 ? terminal : others.get(n - 2);
            String prompt = t.prompt();
            boolean interrupt = e.kind() == LabLog.Kind.INTERRUPT;
            CommandResult result = interrupt ? t.interrupt() : t.run(e.line());
            liveProbes += probes(result);
            show(n, new ConsoleEntry(prompt, interrupt ? "^C" : e.line(), result));
            liveLog = liveLog.plus(e);
            pollAll();
            return true;
        }
        if (e.kind() != LabLog.Kind.COMMAND && !e.step()) {
            // appended by ExerciseSteps when it fits
            return exercise != null && ExerciseSteps.replay(this, e);
        }
        if (e.step()) {
            stepMark = backend.historyMark();
            StepResult result = runner.next();
            liveLastStep = Optional.of(result);
            for (CommandOutput o : result.outputs()) {
                liveProbes += probes(o.result());
            }
        } else {
            String prompt = terminal.prompt();
            CommandResult result;
            if (exercise != null) {
                CommandOutput typed = exercise.type(e.text());
                prompt = typed.prompt();
                result = typed.result();
            } else {
                result = terminal.run(e.text());
            }
            liveProbes += probes(result);
            show(1, new ConsoleEntry(prompt, e.text(), result));
        }
        liveLog = liveLog.plus(e);
        pollAll();
        return true;
    }

    /** One more entry on terminal N's screen, of which the last {@link #CONSOLE_KEPT} are kept. */
    private void show(int n, ConsoleEntry entry) {
        List<ConsoleEntry> console = n == 1 ? liveConsole : otherConsoles.get(n - 2);
        console.add(entry);
        if (console.size() > CONSOLE_KEPT) {
            console.remove(0);
        }
        shownTotals.set(n - 1, shownTotals.get(n - 1) + 1);
    }

    /**
     * With several terminals, what arrived for each one's nc after the last line typed in any of them (see
     * {@link Terminal#poll}), shown on its screen as nc prints it: looked at after every entry, so that a
     * replayed log shows the same.
     */
    private void pollAll() {
        if (others.isEmpty()) {
            return;
        }
        for (int n = 1; n <= others.size() + 1; n++) {
            CommandResult arrived = (n == 1 ? terminal : others.get(n - 2)).poll();
            if (!arrived.output().isEmpty()) {
                show(n, new ConsoleEntry("", "", arrived));
            }
        }
    }

    private static int probes(CommandResult r) {
        return r.ping().map(p -> p.probes().size()).orElse(0);
    }

    private LabPoint fromLive() {
        List<LabPoint.Screen> screens = new ArrayList<>();
        screens.add(new LabPoint.Screen(1, terminal.prompt(), terminal.holding(), liveConsole, shownTotals.get(0)));
        for (int i = 0; i < others.size(); i++) {
            screens.add(new LabPoint.Screen(i + 2, others.get(i).prompt(), others.get(i).holding(),
                    otherConsoles.get(i), shownTotals.get(i + 1)));
        }
        return new LabPoint(liveLog, backend.snapshot(), liveLastStep, liveConsole, terminal.prompt(), screens,
                liveProbes);
    }

    /** On the simulator a lab that is not where its learner is any more is only memory: it goes. */
    private void dropStaleLab() {
        if (shared.isPresent() && backend != null && !liveLog.equals(point.log())) {
            closeLab();
        }
    }

    private void closeLab() {
        if (backend != null) {
            backend.close();
            backend = null;
            terminal = null;
            runner = null;
            exercise = null;
            liveLog = null;
        }
    }

    // ------------------------------------------------------------------------------------------ what a page shows

    synchronized LabLog log() {
        return point.log();
    }

    synchronized LabPoint point() {
        return point;
    }

    synchronized LabState state() {
        return point.state();
    }

    synchronized LabState previousState() {
        return before;
    }

    /**
     * What a page shows of this session, read at once: its point, the state before, netns-lab's own line; for a
     * lesson done yourself, its exercise and what the last Check or Show me found.
     */
    record View(LabPoint point, LabState before, Optional<ConsoleEntry> notice, String path,
            Optional<Exercise> exercise, ExerciseSteps.Last last) {
        List<ConsoleEntry> console() {
            if (notice.isEmpty()) {
                return point.console();
            }
            List<ConsoleEntry> out = new ArrayList<>(point.console());
            out.add(notice.get());
            return out;
        }
    }

    synchronized View view() {
        return new View(point, before, notice, path(), exercise(), last);
    }

    synchronized String prompt() {
        return point.prompt();
    }

    @Override
    public synchronized void close() {
        closeLab();
    }
}
