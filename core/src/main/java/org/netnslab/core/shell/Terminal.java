package org.netnslab.core.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.LabLimitException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.command.KernelErrors;
import org.netnslab.core.nc.Netcat;
import org.netnslab.core.shell.Bash.Exit;
import org.netnslab.core.shell.Bash.Shell;

/**
 * A learner's terminal on a lab: lines in, what the tools print out. It keeps the state a terminal has: the
 * stack of shells ({@code ip netns exec NS bash} opens a shell inside NS, and {@code exit} leaves it, as on a
 * real machine), and the netcats it started ({@link Netcat}): while nc chats, every line typed goes to it.
 * {@link #runIn} and {@link #type} are a second window: a lesson's chat types a command in one namespace's
 * shell, or a line into the nc that runs in a namespace, on either end of the chat.
 */
public final class Terminal {

    private final Backend backend;
    private final Context context = new TerminalContext();
    private final Map<Class<?>, Object> sessions = new HashMap<>();
    private final Netcat netcat;
    private final Deque<String> shells = new ArrayDeque<>();

    public Terminal(Backend backend) {
        this.backend = backend;
        this.netcat = context.session(Netcat.class, Netcat::new);
    }

    /**
     * Runs one line as typed: a command, or in a chat, a line for nc to send. A fault of netns-lab itself
     * inside the command is that command's error, in one line: the terminal, its lab and whoever serves
     * them go on.
     */
    public CommandResult run(String line) {
        try {
            return runLine(line);
        } catch (LabLimitException e) {
            return CommandResult.netnsLab(e.getMessage(), 1);
        } catch (RuntimeException | StackOverflowError e) {
            return fault(e);
        }
    }

    /** What a learner reads when netns-lab, not the command, failed: what broke, and that the lab goes on. */
    static CommandResult fault(Throwable e) {
        StackTraceElement[] where = e.getStackTrace();
        String at = where.length == 0 ? "" : " at " + where[0].getClassName().replaceAll(".*\\.", "") + "."
                + where[0].getMethodName();
        return CommandResult.netnsLab("this command met a fault of netns-lab (" + e.getClass().getSimpleName() + at
                + "), not of the lab; the lab goes on, but please report it", 1);
    }

    private CommandResult runLine(String line) {
        if (netcat.holdsConnection()) {
            return netcat.sendHeld(line);
        }
        Optional<Netcat.Chat> chat = netcat.chat();
        if (chat.isPresent()) {
            return netcat.type(chat.get().client(), line);
        }
        Command command = Bash.parse(line);
        String here = namespace();
        if (command instanceof Exit) {
            if (!shells.isEmpty()) {
                shells.pop();
            }
            return CommandResult.OK;
        }
        if (command instanceof Shell) {
            shells.push(here);
            return CommandResult.OK;
        }
        if (command instanceof InNamespace in && in.command() instanceof Shell) {
            CommandResult checked = execute(command, here);
            if (checked.ok()) {
                shells.push(in.target());
            }
            return checked;
        }
        if (command instanceof Nsenter n && n.inner() instanceof Shell) {
            CommandResult checked = execute(command, here);
            if (checked.ok()) {
                shells.push(n.namespace(context, here).orElseThrow());
            }
            return checked;
        }
        CommandResult result = execute(command, here);
        sweep();
        return result;
    }

    /**
     * Runs one line as typed in another window, whose shell is in {@code ns} ({@link Backend#HOST} for the
     * host): a lesson's chat, which has two. The shells of this terminal do not change.
     */
    public CommandResult runIn(String ns, String line) {
        if (!Backend.HOST.equals(ns) && !backend.namespaces().contains(ns)) {
            return CommandResult.of("Cannot open network namespace \"" + ns + "\": No such file or directory", 255);
        }
        if (netcat.chatsIn(ns)) {
            return CommandResult.netnsLab("the terminal in " + JourneyFormat.namespace(ns) + " runs nc: type into"
                    + " it with " + JourneyFormat.namespace(ns) + "> TEXT", 1);
        }
        Command command = Bash.parse(line);
        if (command instanceof Exit || command instanceof Shell) {
            return CommandResult.OK;
        }
        CommandResult result = execute(command, ns);
        sweep();
        return result;
    }

    /**
     * A line typed into the nc that chats in {@code ns}: sent to the other end with its newline; what the
     * other end printed comes back. {@code exit} ends the chat. When both ends are in {@code ns} (a chat over
     * its own {@code lo}), the line is the client's.
     */
    public CommandResult type(String ns, String line) {
        return netcat.type(ns, line);
    }

    /**
     * The end of the input: a chat ends as {@code exit} ends it; the terminal is otherwise unchanged. Returns
     * what {@code exit} would print, for a caller that shows it.
     */
    public CommandResult endOfInput() {
        return netcat.endOfInput();
    }

    /** Stops every nc of this terminal, as Ctrl-C in each window would: the chat, and the listeners. */
    public void stopAll() {
        netcat.stopAll();
    }

    /**
     * Ctrl-C: what holds the terminal stops, as SIGINT stops it. A chat ends (the client closes, and the nc
     * that listened exits); else the nc that listens in the background stops. Returns what the terminal shows
     * after {@code ^C}: nothing of the tools' own, as both die silently of SIGINT, and a line of netns-lab's
     * saying what stopped, when something did.
     */
    public CommandResult interrupt() {
        if (netcat.chat().isPresent()) {
            return netcat.endOfInput();
        }
        return netcat.stopListening();
    }

    /**
     * What arrived for this terminal's nc while other terminals typed: see {@link Netcat#poll}. A lab with
     * several terminals looks after every line typed in any of them, so that a log replays the same.
     */
    public CommandResult poll() {
        return netcat.poll();
    }

    /** Whether a program holds the terminal, which Ctrl-C would stop: nc chatting, or listening. */
    public boolean holding() {
        return netcat.chat().isPresent() || netcat.listening() || netcat.holdsConnection();
    }

    /** The chat the terminal carries, if any: then every line typed goes to nc. */
    public Optional<Netcat.Chat> chat() {
        return netcat.chat();
    }

    /** Every line an nc of this terminal received and printed, oldest first. */
    public List<Netcat.Message> messages() {
        return netcat.messages();
    }

    /** The namespace commands run in now: {@link Backend#HOST} unless a shell was opened inside another. */
    public String namespace() {
        return shells.isEmpty() ? Backend.HOST : shells.peek();
    }

    /**
     * The prompt a learner sees: {@code root@host:~# }, or with the namespace they are in; in a chat, where a
     * real terminal shows nothing, {@code nc 10.0.0.1 8080> }.
     */
    public String prompt() {
        Optional<Integer> held = netcat.heldPort();
        if (held.isPresent()) {
            return "nc -l -p " + held.get() + "> ";
        }
        Optional<Netcat.Chat> chat = netcat.chat();
        if (chat.isPresent()) {
            return "nc " + chat.get().address() + " " + chat.get().port() + "> ";
        }
        String ns = namespace();
        return Backend.HOST.equals(ns) ? "root@host:~# " : "root@host:~# (netns " + ns + ") ";
    }

    /** The namespace a {@link #prompt} was shown in; {@link Backend#HOST} for the host's, and in a chat. */
    public static String namespaceOfPrompt(String prompt) {
        String inside = "root@host:~# (netns ";
        return prompt.startsWith(inside) && prompt.endsWith(") ")
                ? prompt.substring(inside.length(), prompt.length() - 2) : Backend.HOST;
    }

    public Backend backend() {
        return backend;
    }

    /** Runs a command in {@code ns}; a refusal of the kernel that the tool did not word is iproute2's. */
    private CommandResult execute(Command command, String ns) {
        try {
            return command.run(context, ns);
        } catch (KernelException e) {
            return KernelErrors.rtnetlink(e);
        }
    }

    /**
     * What the last command left behind: a shell or an nc whose namespace was deleted under it has nowhere to
     * be. (On a real machine a running nc would keep the deleted namespace alive, links and all; the lab
     * stops it instead.)
     */
    private void sweep() {
        while (!shells.isEmpty() && !Backend.HOST.equals(shells.peek())
                && !backend.namespaces().contains(shells.peek())) {
            shells.pop();
        }
        netcat.sweep();
    }

    /** The lab as the commands typed in this terminal see it: its backend, and this terminal's sessions. */
    private final class TerminalContext implements Context {

        @Override
        public Backend backend() {
            return backend;
        }

        @Override
        public <T> T session(Class<T> kind, Function<Backend, T> start) {
            return kind.cast(sessions.computeIfAbsent(kind, k -> start.apply(backend)));
        }
    }
}
