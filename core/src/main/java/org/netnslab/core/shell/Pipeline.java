package org.netnslab.core.shell;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.ForwardingContext;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.sysctl.ProcSys;

/**
 * {@code a | b | c}, each command with its redirections: what one prints on stdout is what the next reads;
 * what it prints on stderr goes to the terminal. The pipeline's status is its last command's.
 *
 * <p>A tool's result is one text, its streams already merged; the lab takes a failed command's text for its
 * stderr and a successful one's for its stdout, which is what the tools of the lab print in all but a few
 * cases (a ping that got no reply prints its statistics on stdout and fails).
 */
record Pipeline(List<Stage> stages) implements Command {

    record Stage(Command command, List<Redirect> redirects) {}

    Pipeline {
        stages = List.copyOf(stages);
    }

    @Override
    public CommandResult run(Context context, String ns) {
        StringBuilder terminal = new StringBuilder();
        Optional<String> stdin = Optional.empty();
        CommandResult last = CommandResult.OK;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            Context piped = stdin.isEmpty() ? context : feeding(context, stdin.get());
            Streams s = run(stage, piped, ns);
            last = s.result;
            if (i == stages.size() - 1) {
                terminal.append(s.merged);
            } else {
                terminal.append(s.stderr);
                stdin = Optional.of(s.stdout);
            }
        }
        return new CommandResult(terminal.toString(), last.exitStatus(), last.ping(), last.segments());
    }

    /** @param merged both, in the order the command printed them, as a terminal shows them */
    private record Streams(String stdout, String stderr, String merged, CommandResult result) {

        Streams(String stdout, String stderr, CommandResult result) {
            this(stdout, stderr, stderr + stdout, result);
        }
    }

    private static Streams run(Stage stage, Context context, String ns) {
        for (Redirect r : stage.redirects) {
            if (r.target().isEmpty() || r.target().equals("/dev/null")) {
                continue;
            }
            switch (ProcSys.find(context, ns, r.target())) {
                case NO_SUCH_FILE -> {
                    return failed("bash: " + r.target() + ": No such file or directory");
                }
                case DIRECTORY -> {
                    return failed("bash: " + r.target() + ": Is a directory");
                }
                case NOT_MODELLED -> {
                    CommandResult u = new Unsupported("writing to " + r.target(), List.of()).run(context, ns);
                    return new Streams("", u.output(), u);
                }
                case FILE -> { }
            }
        }
        CommandResult result = AndOrList.runOne(stage.command, redirected(context, stage.redirects), ns);
        String stdout = result.ok() ? result.output() : "";
        String stderr = result.ok() ? "" : result.output();
        if (result.stdout().isPresent() && result.output().contains(result.stdout().get())) {
            String out = result.stdout().get();
            int at = result.output().indexOf(out);
            stdout = out;
            stderr = result.output().substring(0, at) + result.output().substring(at + out.length());
        }
        if (stage.redirects.isEmpty()) {
            return new Streams(stdout, stderr, result.output(), result);
        }
        int status = result.exitStatus();
        for (Redirect r : stage.redirects) {
            if (r.op().equals("2>&1")) {
                stdout = stdout + stderr;
                stderr = "";
                continue;
            }
            if (r.op().equals(">&2")) {
                stderr = stderr + stdout;
                stdout = "";
                continue;
            }
            String data = (r.stdout() ? stdout : "") + (r.stderr() ? stderr : "");
            if (r.stdout()) {
                stdout = "";
            }
            if (r.stderr()) {
                stderr = "";
            }
            if (r.target().equals("/dev/null") || data.isEmpty()) {
                continue;
            }
            Optional<String> refused = write(context, ns, r.target(), data);
            if (refused.isPresent()) {
                stderr = stderr + writer(stage.command) + ": write error: " + refused.get() + "\n";
                status = 1;
            }
        }
        return new Streams(stdout, stderr, new CommandResult(stdout + stderr, status, result.ping(),
                result.segments()));
    }

    private static Optional<String> write(Context context, String ns, String path, String data) {
        try {
            return ProcSys.write(context, ns, path, data);
        } catch (KernelException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Who bash names when a write fails: its builtin {@code echo} as {@code bash: echo}. */
    private static String writer(Command command) {
        return command instanceof Builtins.Echo ? "bash: echo" : "bash";
    }

    private static Streams failed(String line) {
        return new Streams("", line + "\n", CommandResult.of(line, 1));
    }

    /** The context of a command whose stdout or stderr goes to /dev/null, which it may need to know. */
    private static Context redirected(Context context, List<Redirect> redirects) {
        boolean out = false;
        boolean err = false;
        for (Redirect r : redirects) {
            if (r.target().equals("/dev/null")) {
                out |= r.stdout();
                err |= r.stderr();
            }
        }
        if (!out && !err) {
            return context;
        }
        boolean discardOut = out;
        boolean discardErr = err;
        return new ForwardingContext(context) {
            @Override
            public boolean discards(boolean stderr) {
                return (stderr ? discardErr : discardOut) || super.discards(stderr);
            }
        };
    }

    /** The context of a command that reads a pipe. */
    private static Context feeding(Context context, String stdin) {
        return new ForwardingContext(context) {
            @Override
            public Optional<String> stdin() {
                return Optional.of(stdin);
            }

            // what the writer of the pipe discards is not the reader's
            @Override
            public boolean discards(boolean stderr) {
                return false;
            }
        };
    }
}
