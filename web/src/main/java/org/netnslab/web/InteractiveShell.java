package org.netnslab.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Completion;
import org.netnslab.core.shell.History;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;

/**
 * {@code netns-lab shell} on a terminal: JLine's line editing, the history in the user's home
 * ({@code ~/.netns-lab_history}), Tab completion from the lab's grammar and state ({@link Completion}), and
 * Ctrl-C and Ctrl-D as bash has them: Ctrl-C stops what holds the terminal (a chat, a listening nc), or at an
 * empty prompt gives a new one; Ctrl-D leaves the shell that {@code ip netns exec NS bash} opened, or netns-lab.
 */
final class InteractiveShell {

    /** Where the history is kept, as bash keeps ~/.bash_history. */
    static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, ".netns-lab_history");
    }

    private final org.jline.terminal.Terminal tty;
    private final Terminal lab;
    private final Path history;
    private final boolean trace;

    InteractiveShell(org.jline.terminal.Terminal tty, Terminal lab, Path history, boolean trace) {
        this.tty = tty;
        this.lab = lab;
        this.history = history;
        this.trace = trace;
    }

    /** Reads and runs lines until {@code exit} at the host, or Ctrl-D there; returns the exit status. */
    int run() throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(tty)
                .appName("netns-lab")
                .completer(completer())
                .history(new BashHistory())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, History.MAX)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_MENU, false)
                .build();
        PrintWriter out = tty.writer();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(lab.prompt());
                } catch (UserInterruptException e) {
                    // bash's ^C: what runs stops; at the prompt, the line is dropped for a new one
                    CommandResult stopped = lab.interrupt();
                    out.print(stopped.output());
                    out.flush();
                    continue;
                } catch (EndOfFileException e) {
                    if (lab.chat().isPresent()) {
                        out.print(lab.endOfInput().output());
                        continue;
                    }
                    out.println("exit");
                    out.flush();
                    if (Backend.HOST.equals(lab.namespace())) {
                        return 0;
                    }
                    lab.run("exit");
                    continue;
                }
                String trimmed = line.strip();
                if (lab.chat().isEmpty() && trimmed.equals("clear")) {
                    reader.callWidget(LineReader.CLEAR_SCREEN);
                    continue;
                }
                if (!Transcript.isCommand(trimmed) && lab.chat().isEmpty()) {
                    continue;
                }
                boolean atHost = Backend.HOST.equals(lab.namespace()) && lab.chat().isEmpty();
                if (atHost && (trimmed.equals("exit") || trimmed.equals("logout"))) {
                    return 0;
                }
                CommandResult result = lab.run(lab.chat().isPresent() ? line : trimmed);
                out.print(result.output());
                if (trace) {
                    Main.trace(out, result);
                }
                out.flush();
            }
        } finally {
            reader.getHistory().save();
        }
    }

    private Completer completer() {
        return (reader, parsed, candidates) -> {
            if (lab.chat().isPresent()) {
                return;
            }
            Completion.Lab state = Completion.Lab.of(lab.backend().snapshot());
            Completion.Candidates found = Completion.complete(parsed.line(), parsed.cursor(), state,
                    lab.namespace());
            for (String word : found.words()) {
                candidates.add(new Candidate(word, word, null, null, null, null, true));
            }
        };
    }

    /** JLine's history, keeping what bash keeps ({@link History#keeps}). */
    private static final class BashHistory extends DefaultHistory {

        @Override
        public void add(Instant time, String line) {
            String last = isEmpty() ? "" : get(last());
            if (History.keeps(last, line)) {
                super.add(time, line);
            }
        }
    }
}
