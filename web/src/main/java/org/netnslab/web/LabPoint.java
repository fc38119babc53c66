package org.netnslab.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.model.LabState;

/**
 * What a lab's log leads to, as a page shows it: the state, the result of the last step, the console, the
 * prompt, the picture, and, once measured, who can ping what. Immutable once made, so that every learner at the
 * same point of the same lesson is shown the same one ({@link LabPoints}).
 */
final class LabPoint {

    private final LabLog log;
    private final LabState state;
    private final Optional<StepResult> lastStep;
    private final List<LabSession.ConsoleEntry> console;
    private final String prompt;
    /** Each terminal's screen, terminal 1 first. */
    private final List<Screen> screens;

    /**
     * What terminal N shows: its prompt, whether a program holds it (nc chats or listens, which Ctrl-C stops),
     * the last entries of its console, and how many it was ever given (where a screen was cleared).
     */
    record Screen(int number, String prompt, boolean holding, List<LabSession.ConsoleEntry> console, int total) {
        Screen {
            console = List.copyOf(console);
        }
    }
    /** The probes the log sent to get here, for the lab's budget ({@link LabSession#MAX_PROBES}). */
    private final int probes;
    private final String encodedLog;
    private volatile String topology;
    private volatile Map<String, Object> reachability;
    /** Pages rendered for this point, a few: learners get here from one point before, mostly. */
    private final Rendered[] pages = new Rendered[4];
    private int nextPage;

    /** A page as sent: whole or the fragment, after which state, with the matrix or waiting for it. */
    private record Rendered(boolean full, LabState before, boolean measured, byte[] html) {}

    LabPoint(LabLog log, LabState state, Optional<StepResult> lastStep, List<LabSession.ConsoleEntry> console,
            String prompt, int probes) {
        this(log, state, lastStep, console, prompt, List.of(new Screen(1, prompt, false, console, console.size())),
                probes);
    }

    LabPoint(LabLog log, LabState state, Optional<StepResult> lastStep, List<LabSession.ConsoleEntry> console,
            String prompt, List<Screen> screens, int probes) {
        this.screens = List.copyOf(screens);
        this.log = log;
        this.state = state;
        this.lastStep = lastStep;
        this.console = List.copyOf(console);
        this.prompt = prompt;
        this.probes = probes;
        this.encodedLog = log.encode();
    }

    LabLog log() {
        return log;
    }

    LabState state() {
        return state;
    }

    Optional<StepResult> lastStep() {
        return lastStep;
    }

    List<LabSession.ConsoleEntry> console() {
        return console;
    }

    String prompt() {
        return prompt;
    }

    List<Screen> screens() {
        return screens;
    }

    Optional<Screen> screen(int n) {
        return n >= 1 && n <= screens.size() ? Optional.of(screens.get(n - 1)) : Optional.empty();
    }

    int probes() {
        return probes;
    }

    String encodedLog() {
        return encodedLog;
    }

    /** The picture, drawn once. */
    String topology(Supplier<String> draw) {
        String t = topology;
        if (t == null) {
            t = draw.get();
            topology = t;
        }
        return t;
    }

    /**
     * The page of this point as it was rendered for a learner who came from {@code before} (the same object
     * for everyone who came from the same point), made by {@code render} the first time.
     */
    byte[] page(boolean full, LabState before, boolean measured, Supplier<byte[]> render) {
        synchronized (pages) {
            for (Rendered r : pages) {
                if (r != null && r.full() == full && r.before() == before && r.measured() == measured) {
                    return r.html();
                }
            }
        }
        byte[] html = render.get();
        synchronized (pages) {
            pages[nextPage] = new Rendered(full, before, measured, html);
            nextPage = (nextPage + 1) % pages.length;
        }
        return html;
    }

    /** Who can ping what, measured once, by the first learner to ask. */
    synchronized Map<String, Object> reachability(Supplier<Map<String, Object>> measure) {
        if (reachability == null) {
            reachability = measure.get();
        }
        return reachability;
    }

    /** Who can ping what, if someone measured it already. */
    Optional<Map<String, Object>> measuredReachability() {
        return Optional.ofNullable(reachability);
    }
}
