package org.netnslab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark of issue 10, in one run and one table: the bridge lab on the simulator (JMH), on the kernel
 * backend and with the real {@code ip -batch} in a sandbox; pings across it; veth pairs on the kernel backend
 * and with {@code ip -batch}; learners stepping through lesson 5 on the web app; its start-up and its heap.
 * What cannot run here (not Linux, not root) is skipped with one line. Nothing here is asserted: it measures.
 *
 * <pre>java -jar bench/target/netns-lab-bench.jar [--small] [--only sim,kernel,web,startup] [--jar PATH] ...</pre>
 */
public final class Bench {

    /** The sizes of a run: the issue's, or small ones for CI, where the point is that the benchmark still runs. */
    record Sizes(int namespaces, int bigNamespaces, int pings, int pairs, int fewPairs, int learners,
            int fewLearners, int rounds, int warmupLearners, int startups, int jmhWarmups, int jmhRuns,
            int kernelTurns, long kernelDeadlineSeconds, long webDeadlineSeconds) {

        static Sizes issue() {
            return new Sizes(1000, 5000, 1000, 1000, 100, 200, 10, 3, 20, 5, 10, 10, 3, 300, 120);
        }

        static Sizes small() {
            return new Sizes(20, 100, 20, 20, 5, 4, 2, 1, 2, 1, 0, 1, 1, 60, 60);
        }
    }

    /** What the learners of the web figure ask for in all: the issue's 500 steps a second. */
    static final int WEB_STEPS_PER_SECOND = 500;
    /** Where {@code java -jar netns-lab.jar} alone serves. */
    private static final int DEFAULT_PORT = 7070;

    private final Sizes sizes;
    private final Set<String> only;
    private final Path jar;
    private final boolean jmhVerbose;
    private final PrintStream progress;
    private final Table table = new Table();

    Bench(Sizes sizes, Set<String> only, Path jar, boolean jmhVerbose, PrintStream progress) {
        this.sizes = sizes;
        this.only = only;
        this.jar = jar;
        this.jmhVerbose = jmhVerbose;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        Sizes sizes = Sizes.issue();
        Set<String> only = new LinkedHashSet<>(List.of("sim", "kernel", "web", "startup"));
        Path jar = Path.of(System.getProperty("netnslab.jar", "web/target/netns-lab.jar"));
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--small" -> sizes = Sizes.small();
                case "--only" -> only = new LinkedHashSet<>(List.of(args[++i].split(",")));
                case "--jar" -> jar = Path.of(args[++i]);
                case "--jmh-verbose" -> verbose = true;
                case "--namespaces" -> sizes = with(sizes, "namespaces", Integer.parseInt(args[++i]));
                case "--learners" -> sizes = with(sizes, "learners", Integer.parseInt(args[++i]));
                case "--pairs" -> sizes = with(sizes, "pairs", Integer.parseInt(args[++i]));
                case "-h", "--help" -> {
                    System.out.println("usage: java -jar bench/target/netns-lab-bench.jar [--small] "
                            + "[--only sim,kernel,web,startup] [--jar web/target/netns-lab.jar] [--namespaces N] "
                            + "[--pairs N] [--learners N] [--jmh-verbose]");
                    return;
                }
                default -> {
                    System.err.println("bench: unknown option " + args[i] + " (--help)");
                    System.exit(2);
                }
            }
        }
        System.out.print(new Bench(sizes, only, jar, verbose, System.err).run());
    }

    private static Sizes with(Sizes s, String what, int v) {
        return switch (what) {
            case "namespaces" -> new Sizes(v, v * 5, Math.min(v, s.pings()), s.pairs(), s.fewPairs(), s.learners(),
                    s.fewLearners(), s.rounds(), s.warmupLearners(), s.startups(), s.jmhWarmups(), s.jmhRuns(),
                    s.kernelTurns(), s.kernelDeadlineSeconds(), s.webDeadlineSeconds());
            case "learners" -> new Sizes(s.namespaces(), s.bigNamespaces(), s.pings(), s.pairs(), s.fewPairs(), v,
                    s.fewLearners(), s.rounds(), s.warmupLearners(), s.startups(), s.jmhWarmups(), s.jmhRuns(),
                    s.kernelTurns(), s.kernelDeadlineSeconds(), s.webDeadlineSeconds());
            default -> new Sizes(s.namespaces(), s.bigNamespaces(), s.pings(), v, Math.max(1, v / 10), s.learners(),
                    s.fewLearners(), s.rounds(), s.warmupLearners(), s.startups(), s.jmhWarmups(), s.jmhRuns(),
                    s.kernelTurns(), s.kernelDeadlineSeconds(), s.webDeadlineSeconds());
        };
    }

    /** Runs every part asked for and returns the machine's description and the table. */
    String run() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(machine()).append('\n');
        double simLab = Double.NaN;
        double simBig = Double.NaN;
        double simPing = Double.NaN;
        if (only.contains("sim")) {
            progress.println("bench: the bridge lab on the simulator, " + sizes.namespaces() + " and "
                    + sizes.bigNamespaces() + " namespaces (JMH)");
            simLab = jmh("buildLab", sizes.namespaces(), sizes.pings());
            simBig = jmh("buildLab", sizes.bigNamespaces(), sizes.pings());
            progress.println("bench: " + sizes.pings() + " pings across it (JMH)");
            simPing = jmh("pingAcross", sizes.namespaces(), sizes.pings()) / sizes.pings();
        }
        Optional<String> noRealIp = RealIp.unavailableReason();
        double realLab = Double.NaN;
        if (noRealIp.isPresent() && (only.contains("sim") || only.contains("kernel"))) {
            table.note("The real `ip -batch` is skipped here: " + noRealIp.get() + ".");
        } else if (only.contains("sim") || only.contains("kernel")) {
            progress.println("bench: the bridge lab with the real ip -batch, in a sandbox");
            Quiet.kernel();
            realLab = RealIp.bridgeLab(sizes.namespaces());
        }
        int n = sizes.namespaces();
        int commands = BridgeLab.terminalLines(n).size();
        if (only.contains("sim")) {
            table.add(String.format("%,d namespaces on one bridge (%,d commands): sim vs real `ip -batch` in a "
                            + "sandbox", n, commands),
                    Table.ms(simLab) + " (" + Table.us(simLab * 1000 / commands) + " a command)",
                    Table.ms(realLab), Double.isNaN(realLab) ? "-" : Table.times(realLab / simLab) + " faster",
                    "at least 50x faster", Double.isNaN(realLab) ? null : realLab / simLab >= 50);
            double perNs = simLab / n;
            double perNsBig = simBig / sizes.bigNamespaces();
            table.add(String.format("the same lab at %,d namespaces, sim: cost per namespace vs %,d",
                            sizes.bigNamespaces(), n),
                    Table.us(perNsBig * 1000) + " vs " + Table.us(perNs * 1000) + " a namespace", "",
                    Table.times(perNsBig / perNs), "within 1.2x (linear)", perNsBig / perNs <= 1.2);
            table.add(String.format("%,d pings across that lab, sim", sizes.pings()), Table.ms(simPing) + " a ping",
                    "", "", "under 0.5 ms", simPing < 0.5);
        }
        if (only.contains("kernel")) {
            kernel(noRealIp, realLab);
        }
        if (only.contains("web")) {
            web();
        }
        if (only.contains("startup")) {
            startup();
        }
        out.append(table.render());
        return out.toString();
    }

    /**
     * The kernel backend beside the real {@code ip -batch}: each pair of figures taken one after the other, in
     * turns, after the kernel finished tearing down the last run's namespaces, and the best of the turns kept
     * (the machine is shared; the best is the one least disturbed).
     */
    private void kernel(Optional<String> noRealIp, double realLab) throws Exception {
        Optional<String> why = KernelLab.unavailableReason();
        if (why.isPresent()) {
            table.note("The kernel backend is skipped here: " + why.get() + ".");
            return;
        }
        int pairs = sizes.pairs();
        int few = sizes.fewPairs();
        long limit = sizes.kernelDeadlineSeconds();
        progress.println("bench: the kernel backend warms up: " + few + " veth pairs through its port and typed");
        KernelLab.pairsThroughThePort(few, deadline(limit));
        KernelLab.pairsTyped(few, deadline(limit));
        double realPairs = Double.NaN;
        double realFew = Double.NaN;
        KernelLab.Run portFew = null;
        KernelLab.Run port = null;
        for (int turn = 1; turn <= sizes.kernelTurns(); turn++) {
            progress.println("bench: " + few + " and " + pairs + " veth pairs, with the real ip -batch in a sandbox "
                    + "and on the kernel backend through its port (turn " + turn + " of " + sizes.kernelTurns() + ")");
            if (noRealIp.isEmpty()) {
                Quiet.kernel();
                realFew = Math.min(nanIsMax(realFew), RealIp.vethPairs(few));
                Quiet.kernel();
                realPairs = Math.min(nanIsMax(realPairs), RealIp.vethPairs(pairs));
            }
            Quiet.kernel();
            portFew = best(portFew, KernelLab.pairsThroughThePort(few, deadline(limit)));
            Quiet.kernel();
            port = best(port, KernelLab.pairsThroughThePort(pairs, deadline(limit)));
        }
        kernelRow(String.format("kernel backend: %,d veth pairs + address + up + route, through the port, vs "
                + "`ip -batch`", pairs), port, realPairs);
        kernelLinear("the same, cost per pair at %,d vs %,d pairs", port, portFew, realPairs / pairs, realFew / few);
        progress.println("bench: " + few + " and " + pairs + " veth pairs typed into a kernel lab's terminal");
        Quiet.kernel();
        KernelLab.Run typedFew = KernelLab.pairsTyped(few, deadline(limit));
        Quiet.kernel();
        KernelLab.Run typed = KernelLab.pairsTyped(pairs, deadline(limit));
        kernelRow(String.format("kernel backend: the same %,d pairs typed into the lab's terminal, vs `ip -batch`",
                pairs), typed, realPairs);
        kernelLinear("the same typed, cost per pair at %,d vs %,d pairs", typed, typedFew, realPairs / pairs,
                realFew / few);
        progress.println("bench: the bridge lab of " + sizes.namespaces() + " namespaces typed into a kernel lab");
        Quiet.kernel();
        KernelLab.Run lab = KernelLab.bridgeLabTyped(sizes.namespaces(), deadline(limit));
        kernelRow(String.format("kernel backend: the %,d-namespace bridge lab typed, vs `ip -batch`",
                sizes.namespaces()), lab, realLab);
    }

    private static double nanIsMax(double v) {
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }

    /** The run that went further, or as far in less time. */
    private static KernelLab.Run best(KernelLab.Run a, KernelLab.Run b) {
        if (a == null) {
            return b;
        }
        if (a.done() != b.done()) {
            return a.done() > b.done() ? a : b;
        }
        return a.ms() <= b.ms() ? a : b;
    }

    private void kernelRow(String measure, KernelLab.Run run, double real) {
        if (!run.finished()) {
            table.add(measure, String.format("did not finish in %s: %,d of %,d", Table.ms(run.ms()), run.done(),
                    run.of()), Table.ms(real), "-", "at most 1.5x `ip -batch`", false);
            return;
        }
        table.add(measure, Table.ms(run.ms()), Table.ms(real),
                Double.isNaN(real) ? "-" : Table.times(run.ms() / real) + " the time", "at most 1.5x `ip -batch`",
                Double.isNaN(real) ? null : run.ms() / real <= 1.5);
    }

    /** Per pair at the two sizes, beside what {@code ip -batch} costs per pair at each, which the kernel's own work sets. */
    private void kernelLinear(String format, KernelLab.Run big, KernelLab.Run few, double realBig, double realFew) {
        String measure = String.format(format, big.of(), few.of());
        if (!big.finished() || !few.finished()) {
            table.add(measure, "did not finish", "", "-", "within 1.2x (linear)", false);
            return;
        }
        double perBig = big.ms() / big.of();
        double perFew = few.ms() / few.of();
        double growth = perBig / perFew;
        if (Double.isNaN(realBig)) {
            table.add(measure, Table.us(perBig * 1000) + " vs " + Table.us(perFew * 1000) + " a pair", "",
                    Table.times(growth), "within 1.2x (linear)", growth <= 1.2);
            return;
        }
        // the kernel's own work a pair grows with the namespace's links; what counts is what the backend adds
        double realGrowth = realBig / realFew;
        table.add(measure, Table.us(perBig * 1000) + " vs " + Table.us(perFew * 1000) + " a pair ("
                        + Table.times(growth) + ")", "`ip -batch`: " + Table.us(realBig * 1000) + " vs "
                        + Table.us(realFew * 1000) + " (" + Table.times(realGrowth) + ")",
                Table.times(growth / realGrowth) + " the growth of `ip -batch`",
                "within 1.2x of `ip -batch`'s growth (linear)", growth / realGrowth <= 1.2);
    }

    private void web() throws Exception {
        if (!Files.isRegularFile(jar)) {
            table.note("The web app is skipped: there is no " + jar + " (mvn -q package -DskipTests builds it).");
            return;
        }
        Lesson five = Lessons.find("5").orElseThrow();
        int steps = five.steps().size();
        Quiet.machine();
        try (WebServer server = WebServer.start(jar)) {
            progress.println("bench: the web app warms up: " + sizes.warmupLearners() + " learners through lesson 5");
            WebLoad.run(server.port(), "5", steps, sizes.warmupLearners(), 2, 0, deadline(sizes.webDeadlineSeconds()));
            progress.println("bench: " + sizes.fewLearners() + " learners step through lesson 5 as fast as they can");
            WebLoad.Result few = WebLoad.run(server.port(), "5", steps, sizes.fewLearners(), 5, 0,
                    deadline(sizes.webDeadlineSeconds()));
            webRow(String.format("web, %,d learners stepping through lesson 5 at once, each as fast as the pages "
                    + "come", few.learners()), few, "p99 under 50 ms", few.percentileMillis(99) < 50);
            Optional<Long> before = server.heapUsedKb();
            long period = Math.round(1e9 * sizes.learners() / WEB_STEPS_PER_SECOND);
            progress.println("bench: " + sizes.learners() + " learners step through lesson 5 at once, each every "
                    + period / 1_000_000 + " ms");
            WebLoad.Result paced = WebLoad.run(server.port(), "5", steps, sizes.learners(), sizes.rounds(), period,
                    deadline(sizes.webDeadlineSeconds()));
            webRow(String.format("web, %,d learners stepping through lesson 5 at once, each clicking every %,d ms "
                            + "(%,d steps/s asked)", paced.learners(), period / 1_000_000, WEB_STEPS_PER_SECOND),
                    paced, "p99 under 50 ms, at least 500 steps/s",
                    paced.percentileMillis(99) < 50 && paced.stepsPerSecond() >= 0.98 * WEB_STEPS_PER_SECOND);
            Optional<Long> after = server.heapUsedKb();
            if (before.isPresent() && after.isPresent()) {
                double perSession = (after.get() - before.get()) / (double) sizes.learners();
                table.add(String.format("heap per learner session after lesson 5 (%,d sessions)", sizes.learners()),
                        String.format("%.0f KB", perSession), "", "", "under 100 KB", perSession < 100);
            } else {
                table.note("The heap per session is skipped: jcmd cannot read the web app's heap here.");
            }
            progress.println("bench: " + sizes.learners() + " learners step through lesson 5 as fast as they can");
            WebLoad.Result closed = WebLoad.run(server.port(), "5", steps, sizes.learners(), sizes.rounds(), 0,
                    deadline(sizes.webDeadlineSeconds()));
            webRow(String.format("web, the same %,d learners each as fast as the pages come (what the server can "
                    + "do)", closed.learners()), closed, "", null);
        }
    }

    private void webRow(String measure, WebLoad.Result r, String target, Boolean reached) {
        String failures = r.failures() == 0 ? "" : String.format(" (%d learners failed: %s)", r.failures(),
                r.firstFailure());
        table.add(measure, String.format("%,.0f steps/s in all, p50 %s, p99 %s%s", r.stepsPerSecond(),
                        Table.ms(r.percentileMillis(50)), Table.ms(r.percentileMillis(99)), failures), "", "",
                target, reached == null ? null : reached && r.failures() == 0);
    }

    private void startup() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            table.note("The start-up is skipped: there is no " + jar + " (mvn -q package -DskipTests builds it).");
            return;
        }
        // the command of the README, which serves on 7070; elsewhere when something else listens there
        boolean asTyped = WebServer.free(DEFAULT_PORT);
        String command = asTyped ? "java -jar " + jar : "java -jar " + jar + " web --port PORT";
        progress.println("bench: " + command + " to its first page, " + sizes.startups() + " times");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < sizes.startups(); i++) {
            Quiet.machine();
            try (WebServer s = asTyped ? WebServer.start(jar, List.of(), DEFAULT_PORT) : WebServer.start(jar)) {
                times.add(s.startupMillis());
            }
            // the port comes free once the last server is gone
            for (int wait = 0; asTyped && wait < 100 && !WebServer.free(DEFAULT_PORT); wait++) {
                Thread.sleep(50);
            }
        }
        times.sort(null);
        double median = times.get(times.size() / 2);
        double jvm = WebServer.jvmAloneMillis();
        table.add("`" + command.replace(jar.toString(), "web/target/netns-lab.jar") + "` to the first page (median of "
                + times.size() + ")", Table.ms(median) + " (the JVM alone: " + Table.ms(jvm) + ")", "", "",
                "under 1.5 s", median < 1500);
    }

    /** A JMH single-shot figure in milliseconds: a whole lab built, or every ping sent, each time. */
    private double jmh(String benchmark, int namespaces, int pings) throws RunnerException {
        boolean big = namespaces > sizes.namespaces();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(SimBenchmarks.class.getName() + "." + benchmark + "$")
                .param("namespaces", Integer.toString(namespaces))
                .param("pings", Integer.toString(pings))
                .mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                // a lab of 5,000 namespaces takes seconds: fewer of them, each long enough for the JIT to settle
                .warmupIterations(big ? Math.min(3, sizes.jmhWarmups()) : sizes.jmhWarmups())
                .measurementIterations(big ? Math.max(1, Math.min(3, sizes.jmhRuns())) : sizes.jmhRuns())
                .forks(1)
                .shouldFailOnError(true)
                .verbosity(jmhVerbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH ran no " + benchmark);
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }

    private static long deadline(long seconds) {
        return System.nanoTime() + seconds * 1_000_000_000L;
    }

    /** The machine the figures were measured on, as the README quotes it. */
    static String machine() {
        String cpu = procLine("/proc/cpuinfo", "model name").map(c -> " (" + c + ")").orElse("");
        String memory = procLine("/proc/meminfo", "MemTotal")
                .map(m -> String.format(", %.0f GB of memory", Long.parseLong(m.replaceAll("[^0-9]", "")) / 1e6))
                .orElse("");
        return String.format("Measured on %d cores%s%s, %s %s, Java %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException e) {
            // not Linux: the JVM's own description is enough
            return Optional.empty();
        }
    }
}
