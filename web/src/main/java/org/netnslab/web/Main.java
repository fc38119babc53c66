package org.netnslab.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netns-lab}: the command line. */
@Command(
        name = "netns-lab",
        mixinStandardHelpOptions = true,
        version = "netns-lab 0.1.0",
        description = {
            "Learn how containers get their network: network namespaces, veth pairs, routing, bridges and NAT.",
            "Type the tutorials' real commands on a simulator (any machine) or on the real Linux kernel."
        },
        subcommands = {Main.Web.class, Main.Script.class, Main.Shell.class, LessonCommands.ListCommand.class,
            LessonCommands.RunCommand.class, LessonCommands.CheckCommand.class, ExportCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0) {
            // the command a learner types first: served at once, without reading every command's options
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(Web.simulatorOnThisMachine().serve(out, err));
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        return cl;
    }

    /** With no command: the web UI on the simulator, on 127.0.0.1:7070. */
    @Override
    public Integer call() {
        return Web.simulatorOnThisMachine().serve(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Command(name = "web", mixinStandardHelpOptions = true,
            description = {"Serves the web UI: the lessons, a stepper for each, a console on your own lab.",
                "Each browser session has its own labs. With no command, netns-lab serves the simulator on",
                "http://127.0.0.1:7070/."})
    static final class Web implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        BackendMixin backend;

        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only).")
        String host;

        @Option(names = "--port", defaultValue = "7070", description = "The port (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--max-labs", defaultValue = "2000", hidden = true)
        int maxLabs = 2000;

        @Option(names = "--lessons", paramLabel = "DIR",
                description = {"Also serves a teacher's lessons: every *.md file of DIR, read again when it changes;",
                    "a file with problems is shown as its problems, at their lines."})
        Path lessons;

        @Option(names = "--max-namespaces", defaultValue = "32", paramLabel = "N",
                description = "Namespaces one learner's lab may have (default ${DEFAULT-VALUE}).")
        int maxNamespaces = 32;

        @Option(names = "--max-links", defaultValue = "128", paramLabel = "N",
                description = "Links in all of one lab's namespaces, lo and the world's too (default ${DEFAULT-VALUE}).")
        int maxLinks = 128;

        @Option(names = "--max-routes", defaultValue = "256", paramLabel = "N",
                description = "Routes in all of one lab's namespaces, connected ones too (default ${DEFAULT-VALUE}).")
        int maxRoutes = 256;

        @Option(names = "--max-rules", defaultValue = "64", paramLabel = "N",
                description = "Firewall rules one lab may add (default ${DEFAULT-VALUE}).")
        int maxRules = 64;

        @Option(names = "--max-pings", defaultValue = "100", paramLabel = "N",
                description = "Echo requests one command may send, ping -c N (default ${DEFAULT-VALUE}).")
        int maxPings = 100;

        @Option(names = "--max-commands", defaultValue = "400", paramLabel = "N",
                description = "Commands one lab may run before a reset (default and at most ${DEFAULT-VALUE}).")
        int maxCommands = 400;

        @Option(names = "--max-labs-per-session", defaultValue = "12", paramLabel = "N",
                description = "Labs one browser may hold at once; its least recently used is closed first (default "
                        + "${DEFAULT-VALUE}).")
        int maxLabsPerSession = 12;

        @Option(names = "--idle-minutes", defaultValue = "30", paramLabel = "M",
                description = {"A kernel lab unused for M minutes is closed and its namespaces freed; its learner is",
                    "told when they come back, and the lab is made again from its log (default ${DEFAULT-VALUE};",
                    "0: never)."})
        int idleMinutes = 30;

        @Option(names = "--no-shipped-lessons",
                description = "With --lessons: serves DIR's lessons instead of the shipped ones.")
        boolean noShippedLessons;

        /** What {@code netns-lab} alone serves: the simulator, on 127.0.0.1:7070. */
        static Web simulatorOnThisMachine() {
            Web web = new Web();
            web.backend = new BackendMixin();
            web.backend.backend = "sim";
            web.host = "127.0.0.1";
            web.port = 7070;
            return web;
        }

        @Override
        public Integer call() {
            return serve(spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        int serve(PrintWriter out, PrintWriter err) {
            String name = backend.backend;
            // the simulator runs anywhere: only another backend is tried before the app starts
            if (!"sim".equals(name)) {
                try (Backend probe = Backends.open(name)) {
                    probe.snapshot();
                } catch (Backends.UnavailableBackendException e) {
                    err.println(e.getMessage());
                    return 2;
                }
            }
            // read while the server starts: the first page lists them
            Catalog catalog = ShippedCatalog.loading();
            if (lessons != null) {
                LessonFolder folder = new LessonFolder(lessons);
                if (!folder.readable()) {
                    err.println("netns-lab: --lessons " + lessons + ": not a folder this user can read");
                    return 2;
                }
                catalog = new FolderCatalog(catalog, folder, !noShippedLessons);
            } else if (noShippedLessons) {
                err.println("netns-lab: --no-shipped-lessons goes with --lessons DIR: there would be no lesson");
                return 2;
            }
            LabLimits limits;
            try {
                limits = new LabLimits(maxNamespaces, maxLinks, maxRoutes, maxRules, maxPings, maxCommands,
                        maxLabsPerSession, java.time.Duration.ofMinutes(idleMinutes));
            } catch (IllegalArgumentException e) {
                err.println("netns-lab: " + e.getMessage());
                return 2;
            }
            LabStore labs = new LabStore(maxLabs, limits.labsPerSession(), System::nanoTime);
            java.util.function.Supplier<Backend> backends = () -> Backends.openUnchecked(name);
            WebApp app = new WebApp(catalog, labs, backends, name, new Metrics(labs),
                    "sim".equals(name) ? Health.serving() : Health.ofBackend(backends), limits);
            if (!"sim".equals(name) && !limits.idleKernelLab().isZero()) {
                IdleLabs.sweep(labs, limits.idleKernelLab());
            }
            io.javalin.Javalin server;
            try {
                server = app.create().start(host, port);
            } catch (RuntimeException e) {
                err.println("netns-lab: cannot serve on " + host + ":" + port + ": " + rootMessage(e));
                labs.close();
                return 2;
            }
            out.println("netns-lab serves " + ("sim".equals(name) ? "the simulator" : "the real kernel")
                    + " on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                    + "/  (Ctrl-C stops it)");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                labs.close();
                stopped.countDown();
            }, "netns-lab-shutdown"));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage();
        }
    }

    @Command(name = "script", mixinStandardHelpOptions = true,
            description = {"Runs a script of commands on a fresh lab and prints its transcript.",
                "Each line of FILE is run as typed (blank lines and # comments are skipped); the transcript",
                "shows '$ command', what it printed, and '[rc=N]', as the real tools' recorder does."})
    static final class Script implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "One command a line, as a learner would type it.")
        Path file;

        @CommandLine.Mixin
        BackendMixin backend;

        @Option(names = "--trace", description = "After each ping, show each packet's journey hop by hop.")
        boolean trace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> lines;
            try {
                lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
            } catch (NoSuchFileException e) {
                err.println("netns-lab: " + file + ": No such file or directory");
                return 2;
            } catch (IOException e) {
                err.println("netns-lab: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            try (Backend lab = Backends.open(backend.backend)) {
                Terminal terminal = new Terminal(lab);
                for (String raw : lines) {
                    String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
                    if (!Transcript.isCommand(line)) {
                        continue;
                    }
                    CommandResult result = terminal.run(line);
                    out.print(Transcript.entry(line, result));
                    if (trace) {
                        trace(out, result);
                    }
                    // each command's transcript as it goes: what came before is never lost to what comes after
                    out.flush();
                }
                return 0;
            } catch (Backends.UnavailableBackendException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "shell", mixinStandardHelpOptions = true,
            description = {"An interactive prompt on a fresh lab: type the tutorials' commands.",
                "'ip netns exec NS bash' enters a namespace, 'exit' leaves it (or the shell)."})
    static final class Shell implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        BackendMixin backend;

        @Option(names = "--trace", description = "After each ping, show each packet's journey hop by hop.")
        boolean trace;

        static void greet(PrintWriter out, Backend lab) {
            out.println("netns-lab shell on the " + (lab.name().equals("sim") ? "simulator" : "kernel")
                    + ". The host has eth0 203.0.113.2/24 and a way to the internet (198.51.100.8).");
            out.println("Type the tutorials' commands; help says what the lab knows, Tab completes, 'exit' leaves.");
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Backend lab = Backends.open(backend.backend)) {
                Terminal terminal = new Terminal(lab);
                if (System.console() != null) {
                    // a terminal: line editing, history, completion; a pipe or a file is read as before
                    try (org.jline.terminal.Terminal tty = org.jline.terminal.TerminalBuilder.builder()
                            .system(true).nativeSignals(true)
                            .signalHandler(org.jline.terminal.Terminal.SignalHandler.SIG_IGN).build()) {
                        PrintWriter screen = tty.writer();
                        greet(screen, lab);
                        screen.flush();
                        return new InteractiveShell(tty, terminal, InteractiveShell.historyFile(), trace).run();
                    }
                }
                out.println("netns-lab shell on the " + (lab.name().equals("sim") ? "simulator" : "kernel")
                        + ". The host has eth0 203.0.113.2/24 and a way to the internet (198.51.100.8).");
                out.println("Type the tutorials' commands; 'exit' leaves.");
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (true) {
                    out.print(terminal.prompt());
                    out.flush();
                    String line = in.readLine();
                    if (line == null) {
                        out.println();
                        return 0;
                    }
                    String trimmed = line.strip();
                    if (!Transcript.isCommand(trimmed)) {
                        continue;
                    }
                    boolean atHost = Backend.HOST.equals(terminal.namespace()) && terminal.chat().isEmpty();
                    if (atHost && (trimmed.equals("exit") || trimmed.equals("logout"))) {
                        return 0;
                    }
                    CommandResult result = terminal.run(trimmed);
                    out.print(result.output());
                    if (trace) {
                        trace(out, result);
                    }
                    out.flush();
                }
            } catch (Backends.UnavailableBackendException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
    }

    /** Each packet's journey: a ping's probes, an nc's segments. */
    static void trace(PrintWriter out, CommandResult result) {
        result.ping().ifPresent(p -> out.print(JourneyFormat.trace(p)));
        if (!result.segments().isEmpty()) {
            out.print(JourneyFormat.trace(result.segments()));
        }
    }

    /** {@code --backend sim|kernel}. */
    static final class BackendMixin {
        @Option(names = "--backend", defaultValue = "sim", paramLabel = "sim|kernel",
                description = "Where the lab runs: the simulator (default) or the real kernel (Linux, root).")
        String backend;
    }
}
