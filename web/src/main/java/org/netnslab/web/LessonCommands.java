package org.netnslab.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.lesson.CommandOutput;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonFormatException;
import org.netnslab.core.lesson.LessonRunner;
import org.netnslab.core.lesson.StateDiffFormat;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.lesson.Verdict;
import org.netnslab.lessons.LessonLoader;
import org.netnslab.lessons.Lessons;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netns-lab lessons}, {@code run} and {@code check}: the lessons on the command line. */
final class LessonCommands {

    /** Exit status when a lesson cannot be found, read, or run on the backend. */
    static final int UNUSABLE = 2;
    /** Exit status when an expectation does not hold. */
    static final int FAILED = 1;

    private LessonCommands() {}

    @Command(name = "lessons", mixinStandardHelpOptions = true,
            description = {"Lists the lessons: id, title and number of steps.",
                "Take one with 'netns-lab run ID'."})
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--lessons", paramLabel = "DIR", description = "Lists a teacher's lessons too: DIR's *.md files.")
        Path lessons;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Lesson> all = new ArrayList<>(Lessons.all());
            List<LessonFolder.Entry> broken = List.of();
            if (lessons != null) {
                LessonFolder folder = new LessonFolder(lessons);
                if (!folder.readable()) {
                    spec.commandLine().getErr().println("netns-lab: --lessons " + lessons
                            + ": not a folder this user can read");
                    spec.commandLine().getErr().flush();
                    return UNUSABLE;
                }
                FolderCatalog catalog = new FolderCatalog(Lessons::all, folder, true);
                all = catalog.lessons();
                broken = catalog.broken();
            }
            int width = Math.max("TITLE".length(), all.stream().mapToInt(l -> l.title().length()).max().orElse(0));
            int idWidth = Math.max(3, all.stream().mapToInt(l -> l.id().length() + 1).max().orElse(0));
            out.printf("%-" + idWidth + "s %-" + width + "s %s%n", "ID", "TITLE", "STEPS");
            for (Lesson l : all) {
                out.printf("%-" + idWidth + "s %-" + width + "s %d%n", l.id(), l.title(), l.steps().size());
            }
            for (LessonFolder.Entry e : broken) {
                out.println(e.id() + ": " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                        + ": see 'netns-lab check " + e.file() + "'");
            }
            out.println();
            out.println("Take one with 'netns-lab run ID' (add --step to go a step at a time).");
            out.flush();
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Takes you through a lesson on a fresh lab, a step at a time.",
                "For each step: its explanation, its commands with what they printed, what changed in the lab,",
                "and what you should observe. With --exercise, you type the commands yourself."})
    static final class RunCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "LESSON",
                description = "A lesson's id (see 'netns-lab lessons') or the path of a lesson's Markdown file.")
        String lesson;

        @CommandLine.Mixin
        Main.BackendMixin backend;

        @Option(names = "--lessons", paramLabel = "DIR", description = "A teacher's lessons: LESSON may be one of DIR's.")
        Path lessons;

        @Option(names = "--check",
                description = "Exit with status 1 at the first expectation that does not hold, naming it.")
        boolean check;

        @Option(names = "--step", description = "Wait for Enter before each step after the first.")
        boolean step;

        @Option(names = "--exercise", description = {"Do it yourself: each step shows its goal, not its commands;",
            "you type them, and answer " + ExerciseTerminal.WORDS + ".",
            "Exit status 1 unless every step was done."})
        boolean exercise;

        private final InputStream in;

        RunCommand() {
            this(System.in);
        }

        RunCommand(InputStream in) {
            this.in = in;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Lesson l;
            try {
                l = open(lesson, Optional.ofNullable(lessons), err);
            } catch (Unusable e) {
                return UNUSABLE;
            }
            if (exercise) {
                return exercise(l, out, err);
            }
            try (Backend lab = Backends.open(backend.backend)) {
                BufferedReader keys = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                LessonRunner runner = new LessonRunner(l, lab);
                printHeader(out, l, lab);
                while (runner.hasNext()) {
                    if (step && runner.stepsDone() > 0) {
                        out.print("[Enter for step " + (runner.stepsDone() + 1) + " of " + l.steps().size() + "] ");
                        out.flush();
                        if (keys.readLine() == null) {
                            out.println();
                        }
                    }
                    StepResult result = runner.next();
                    printStep(out, l, result);
                    out.flush();
                    if (check && !result.passed()) {
                        Verdict v = result.firstFailure().orElseThrow();
                        err.println("netns-lab: " + where(lesson, l, result.step(), v) + "step " + result.number()
                                + " (" + result.step().title() + "): expected: " + v.expectation().text()
                                + "; the " + labName(lab) + " shows: " + v.observed());
                        err.flush();
                        return FAILED;
                    }
                }
                out.println("End of the lesson: " + l.title() + ".");
                out.flush();
                return 0;
            } catch (Backends.UnavailableBackendException e) {
                err.println(e.getMessage());
                return UNUSABLE;
            } catch (IOException e) {
                err.println("netns-lab: cannot read the terminal: " + e.getMessage());
                return UNUSABLE;
            }
        }

        /** The lesson done yourself, on a lab that a Show me can rebuild from its log. */
        private int exercise(Lesson l, PrintWriter out, PrintWriter err) {
            if (check || step) {
                err.println("netns-lab: --exercise goes alone: it checks each step when you type check");
                return UNUSABLE;
            }
            String name = backend.backend;
            AtomicReference<Backend> first = new AtomicReference<>();
            try {
                first.set(Backends.open(name));
            } catch (Backends.UnavailableBackendException e) {
                err.println(e.getMessage());
                return UNUSABLE;
            }
            Backend firstLab = first.get();
            Supplier<Backend> labs = () -> Optional.ofNullable(first.getAndSet(null))
                    .orElseGet(() -> Backends.openUnchecked(name));
            try (LabSession lab = new LabSession(labs, Optional.of(l), true, Optional.empty())) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return new ExerciseTerminal(lab, out).run(lines, firstLab) ? 0 : FAILED;
            } catch (IOException e) {
                err.println("netns-lab: cannot read the terminal: " + e.getMessage());
                return UNUSABLE;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks a teacher's lesson file: it reads, the lab knows its commands, its expectations hold.",
                "The expectations are checked on the simulator. Each problem names its line."})
    static final class CheckCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The lesson's Markdown file (or a shipped lesson's id).")
        String file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Lesson l;
            try {
                l = open(file, err);
            } catch (Unusable e) {
                return FAILED;
            }
            List<String> problems = new ArrayList<>();
            try (Backend lab = Backends.open("sim")) {
                LessonRunner runner = new LessonRunner(l, lab);
                while (runner.hasNext()) {
                    StepResult result = runner.next();
                    for (Verdict v : result.verdicts()) {
                        if (!v.passed()) {
                            problems.add(where(file, l, result.step(), v) + "expected: " + v.expectation().text()
                                    + "; the simulator shows: " + v.observed());
                        }
                    }
                }
            } catch (Backends.UnavailableBackendException e) {
                err.println(e.getMessage());
                return UNUSABLE;
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("netns-lab: " + p));
                err.flush();
                return FAILED;
            }
            int commands = l.steps().stream().mapToInt(s -> s.commands().size()).sum();
            out.println(file + ": ok: " + l.steps().size() + " steps, " + commands + " commands, "
                    + l.expectationCount() + " expectations that hold on the simulator");
            out.flush();
            return 0;
        }
    }

    /** The lesson could not be opened; what was wrong has been said. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** A lesson of the teacher's folder by its id, else what {@link #open(String, PrintWriter)} finds. */
    private static Lesson open(String name, Optional<Path> folder, PrintWriter err) throws Unusable {
        if (folder.isPresent() && Lessons.find(name).isEmpty()) {
            Optional<LessonFolder.Entry> entry = new LessonFolder(folder.get()).entry(name);
            if (entry.isPresent()) {
                if (entry.get().lesson().isPresent()) {
                    return entry.get().lesson().get();
                }
                String file = entry.get().file().toString();
                entry.get().problems().forEach(p -> err.println("netns-lab: " + file + (p.line() > 0 ? ":" + p.line()
                        : "") + ": " + p.message()));
                err.flush();
                throw new Unusable();
            }
        }
        return open(name, err);
    }

    private static Lesson open(String name, PrintWriter err) throws Unusable {
        try {
            return Lessons.open(name);
        } catch (LessonFormatException e) {
            e.problems().forEach(p -> err.println("netns-lab: " + name + (p.line() > 0 ? ":" + p.line() : "") + ": "
                    + p.message()));
        } catch (Lessons.NoSuchLessonException e) {
            err.println("netns-lab: " + e.getMessage());
        } catch (IOException e) {
            err.println("netns-lab: cannot read " + name + ": " + e.getMessage());
        }
        err.flush();
        throw new Unusable();
    }

    /** {@code FILE:LINE: } for a lesson from a file, {@code lesson ID, line LINE: } for a shipped one. */
    private static String where(String given, Lesson l, Step step, Verdict v) {
        int line = step.lineOf(v.expectation());
        boolean file = Lessons.find(given).isEmpty() && Files.isRegularFile(Path.of(given));
        if (file) {
            return given + (line > 0 ? ":" + line : "") + ": ";
        }
        return "lesson " + l.id() + (line > 0 ? ", line " + line : "") + ": ";
    }

    static void printHeader(PrintWriter out, Lesson l, Backend lab) {
        out.println("# " + l.title());
        out.println();
        out.println(l.summary());
        l.tutorial().ifPresent(t -> {
            out.println();
            out.println(LessonLoader.TUTORIAL + " " + t);
        });
        if (!l.introduction().isEmpty()) {
            out.println();
            out.println(l.introduction());
        }
        out.println();
        out.println("(" + l.steps().size() + " steps, on the " + labName(lab) + ")");
        out.println();
    }

    private static String labName(Backend lab) {
        return lab.name().equals("sim") ? "simulator" : "kernel";
    }

    static void printStep(PrintWriter out, Lesson l, StepResult r) {
        out.println("## Step " + r.number() + " of " + l.steps().size() + ": " + r.step().title());
        out.println();
        if (!r.step().explanation().isEmpty()) {
            out.println(r.step().explanation());
            out.println();
        }
        for (CommandOutput o : r.outputs()) {
            out.print(o.transcript());
        }
        out.println();
        String diff = StateDiffFormat.text(r.diff());
        if (diff.isEmpty()) {
            out.println("What changed: nothing.");
        } else {
            out.println("What changed:");
            diff.lines().forEach(line -> out.println("  " + line));
        }
        if (!r.verdicts().isEmpty()) {
            out.println();
            out.println("What you should see:");
            for (Verdict v : r.verdicts()) {
                // what a ping met on its way is worth reading even when it is what was expected
                boolean tell = !v.passed() || v.ping().isPresent() || v.observed().startsWith("connect: ");
                out.println("  " + (v.passed() ? "[ok]   " : "[FAIL] ") + v.expectation().text()
                        + (tell ? ": " + v.observed() : ""));
            }
        }
        out.println();
    }
}
