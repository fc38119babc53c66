package org.netnslab.core.nc;

import static org.netnslab.core.command.CommandResult.netnsLab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.backend.SegmentJourney;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.command.Services;
import org.netnslab.core.net.Ipv4Address;

/**
 * The netcats of one terminal, which outlive the {@code nc} commands that started them (a session of the
 * terminal's {@link org.netnslab.core.command.Context}). In a terminal that runs one command at a time:
 * <ul>
 *   <li>{@code nc -l -p PORT} (or {@code nc -l PORT}) listens in the background of the lab, where a real nc
 *       would hold the terminal until a client connects; the terminal says so in one line that starts with
 *       {@code netns-lab:}, which is not nc's.
 *   <li>{@code nc ADDR PORT} connects as nc does, silently, or fails as nc does, silently with exit status 1.
 *       Once connected the terminal is in a chat: every line typed is sent to the other end with its newline,
 *       as nc sends the lines of its standard input, and what the listening nc printed is shown. {@code exit}
 *       ends the chat as Ctrl-C would: the client closes its connection, and the listening nc, seeing the end,
 *       exits. {@link #endOfInput()} ends it too.
 *   <li>{@link #type} is a second window: a lesson's chat types a line into the nc that runs in a namespace,
 *       on either end of the chat.
 * </ul>
 */
public final class Netcat {

    /**
     * The chat the terminal carries.
     *
     * @param client the namespace of {@code nc ADDR PORT}
     * @param listener the namespace of the {@code nc -l} that accepted the connection, when it is one of this
     *     terminal's
     */
    public record Chat(String client, Ipv4Address address, int port, Optional<String> listener) {}

    /** A line one nc received and printed: in namespace {@code to}, sent from namespace {@code from}. */
    public record Message(String from, String to, String text) {}

    /** An nc listening in the background. */
    /** @param input what a pipe fed it ({@code echo hi | nc -l -p 8080 &}), which it sends to its client */
    private record Background(String namespace, int port, Listener socket, Optional<String> input) {}

    private final Backend backend;
    private final List<Background> listening = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private Chat chat;
    private Connection clientEnd;
    private Connection listenerEnd;
    private Background listenerOfChat;
    /**
     * The connection one of this terminal's listeners accepted from a client in another terminal: the nc that
     * listened holds this terminal now, and every line typed goes to its peer.
     */
    private Connection held;
    private Background heldListener;
    /**
     * Whether {@code nc -l} holds its terminal from the start, as in a real one: in a lab with several
     * terminals, where another terminal runs the client. With one terminal it listens in the background.
     */
    private boolean foreground;
    /** The listener that holds the terminal until a client comes, and the lines typed into it meanwhile. */
    private Background waiting;
    private final List<String> typedAhead = new ArrayList<>();

    public Netcat(Backend backend) {
        this.backend = backend;
    }

    /**
     * A line typed into the nc that chats in {@code ns}: sent to the other end with its newline; what the
     * other end printed comes back. {@code exit} ends the chat. When both ends are in {@code ns} (a chat over
     * its own {@code lo}), the line is the client's.
     */
    public CommandResult type(String ns, String line) {
        if (chat == null) {
            return netnsLab("no nc chats in " + JourneyFormat.namespace(ns) + ": start one with nc -l -p PORT"
                    + " in one namespace and nc ADDRESS PORT in another", 1);
        }
        boolean fromClient = ns.equals(chat.client());
        if (!fromClient && !chat.listener().map(ns::equals).orElse(false)) {
            return netnsLab("no nc chats in " + JourneyFormat.namespace(ns) + ": this chat is between "
                    + JourneyFormat.namespace(chat.client()) + chat.listener().map(l -> " and "
                            + JourneyFormat.namespace(l)).orElse(" and a listener outside this terminal"), 1);
        }
        if (line.strip().equals("exit")) {
            return endChat();
        }
        Connection from = fromClient ? clientEnd : listenerEnd;
        Connection to = fromClient ? listenerEnd : clientEnd;
        String toNs = fromClient ? chat.listener().orElse("") : chat.client();
        int sent = from.journeys().size();
        try {
            from.send((line + "\n").getBytes(StandardCharsets.UTF_8));
            String printed = to == null ? "" : new String(to.receive(), StandardCharsets.UTF_8);
            if (!printed.isEmpty()) {
                messages.add(new Message(ns, toNs, printed));
            }
            return new CommandResult(printed, 0).withSegments(since(from, sent));
        } catch (KernelException e) {
            String why = e.errno().message();
            hangUp();
            return netnsLab("the connection is gone (" + why + "): the chat is over", 1);
        }
    }

    /**
     * The end of the input: a chat ends as {@code exit} ends it. Returns what {@code exit} would print, for a
     * caller that shows it.
     */
    public CommandResult endOfInput() {
        return chat == null ? CommandResult.OK : endChat();
    }

    /** Stops every nc of this terminal, as Ctrl-C in each window would: the chat, and the listeners. */
    public void stopAll() {
        if (chat != null) {
            endChat();
        }
        if (held != null) {
            dropHeld();
        }
        waiting = null;
        typedAhead.clear();
        for (Background b : listening) {
            b.socket().close();
        }
        listening.clear();
    }

    /** From now on {@code nc -l} holds its terminal, as in a real one: the lab has another terminal. */
    public void holdForeground() {
        foreground = true;
    }

    /** Whether an {@code nc -l} holds this terminal, waiting for its client. */
    public boolean waitingForClient() {
        return waiting != null;
    }

    /**
     * A line typed into the nc that waits for its client: kept, as nc's standard input keeps it, and sent once
     * the client came; {@code exit} stops it, as Ctrl-C would.
     */
    public CommandResult typeAhead(String line) {
        if (line.strip().equals("exit")) {
            return new CommandResult(stopListening().output(), 0);
        }
        typedAhead.add(line);
        return CommandResult.OK;
    }

    /**
     * What arrived for this terminal's nc since the last look, as nc prints it: a listener accepts the client
     * that another terminal connected (and then holds this terminal), and prints what that client sent; a
     * client whose listener is another terminal's prints what the listener sent. An nc whose peer closed the
     * connection exits, silently as nc does.
     */
    public CommandResult poll() {
        StringBuilder out = new StringBuilder();
        if (held == null && chat == null) {
            for (Background b : listening) {
                Optional<Connection> accepted;
                try {
                    accepted = b.socket().accept();
                } catch (KernelException e) {
                    accepted = Optional.empty();
                }
                if (accepted.isPresent()) {
                    held = accepted.get();
                    heldListener = b;
                    listening.remove(b);
                    waiting = null;
                    for (String line : typedAhead) {
                        try {
                            held.send((line + "\n").getBytes(StandardCharsets.UTF_8));
                        } catch (KernelException e) {
                            break;
                        }
                    }
                    typedAhead.clear();
                    break;
                }
            }
        }
        if (held != null) {
            out.append(arrived(held));
            if (held != null && held.peerClosed()) {
                dropHeld();
            }
        }
        if (chat != null && chat.listener().isEmpty() && clientEnd != null) {
            out.append(arrived(clientEnd));
            if (chat != null && clientEnd.peerClosed()) {
                hangUp();
            }
        }
        return new CommandResult(out.toString(), 0);
    }

    /** What a connection received, as nc prints it; a reset connection is gone, and so is its nc. */
    private String arrived(Connection c) {
        try {
            String text = new String(c.receive(), StandardCharsets.UTF_8);
            if (!text.isEmpty()) {
                messages.add(new Message("", c.namespace(), text));
            }
            return text;
        } catch (KernelException e) {
            if (c == held) {
                dropHeld();
            } else {
                hangUp();
            }
            return "";
        }
    }

    private void dropHeld() {
        held.close();
        heldListener.socket().close();
        held = null;
        heldListener = null;
    }

    /** Whether the nc that listened in this terminal accepted a client of another, and so holds it. */
    public boolean holdsConnection() {
        return held != null;
    }

    /** The port of the nc that holds this terminal, waiting for a client or having accepted one. */
    public Optional<Integer> heldPort() {
        if (waiting != null) {
            return Optional.of(waiting.port());
        }
        return held == null ? Optional.empty() : Optional.of(heldListener.port());
    }

    /**
     * A line typed into the nc that holds this terminal: sent to its client with its newline, as nc sends
     * the lines of its standard input; {@code exit} stops it, as Ctrl-C would.
     */
    public CommandResult sendHeld(String line) {
        if (line.strip().equals("exit")) {
            dropHeld();
            return CommandResult.OK;
        }
        int sent = held.journeys().size();
        try {
            held.send((line + "\n").getBytes(StandardCharsets.UTF_8));
            return CommandResult.OK.withSegments(since(held, sent));
        } catch (KernelException e) {
            String why = e.errno().message();
            dropHeld();
            return netnsLab("the connection is gone (" + why + "): nc exited", 1);
        }
    }

    /** Ctrl-C for the listeners: each nc listening in the background stops, and says so in a netns-lab line. */
    public CommandResult stopListening() {
        StringBuilder said = new StringBuilder();
        if (held != null) {
            said.append("port ").append(heldListener.port()).append(' ').append(where(heldListener.namespace()))
                    .append(", and its connection closed");
            dropHeld();
        }
        if (listening.isEmpty() && said.length() == 0) {
            return CommandResult.OK;
        }
        for (Background b : listening) {
            b.socket().close();
            said.append(said.length() == 0 ? "" : "; ").append("port ").append(b.port()).append(' ')
                    .append(where(b.namespace()));
        }
        listening.clear();
        waiting = null;
        typedAhead.clear();
        return netnsLab("the nc that listened stopped, as at Ctrl-C: " + said, 130);
    }

    /** The chat the terminal carries, if any: then every line typed goes to nc. */
    public Optional<Chat> chat() {
        return Optional.ofNullable(chat);
    }

    /** Whether an nc of this terminal listens in the background. */
    public boolean listening() {
        return !listening.isEmpty();
    }

    /** Whether an end of the chat runs in {@code ns}, whose window then types into nc. */
    public boolean chatsIn(String ns) {
        return chat != null && (ns.equals(chat.client()) || chat.listener().map(ns::equals).orElse(false));
    }

    /** Every line an nc of this terminal received and printed, oldest first. */
    public List<Message> messages() {
        return Collections.unmodifiableList(messages);
    }

    CommandResult listen(String ns, int port) {
        return listen(ns, port, Optional.empty());
    }

    CommandResult listen(String ns, int port, Optional<String> input) {
        String where = where(ns);
        try {
            listening.add(new Background(ns, port, backend.listen(ns, port), input));
            if (foreground && chat == null && held == null && waiting == null) {
                // nc -l says nothing: it holds the terminal until a client comes
                waiting = listening.get(listening.size() - 1);
                return CommandResult.OK;
            }
        } catch (KernelException e) {
            if (e.errno() == Errno.EADDRINUSE) {
                return netnsLab("an nc listens on port " + port + " " + where + " already. A real nc would listen"
                        + " beside it (netcat-openbsd sets SO_REUSEPORT); the lab keeps one", 1);
            }
            return failure(e);
        }
        return netnsLab("this nc listens on port " + port + " " + where + " in the background, where a real one"
                + " would hold the terminal; nc ADDRESS " + port + " from another namespace starts a chat,"
                + " exit ends it", 0);
    }

    CommandResult connect(String ns, Ipv4Address address, int port) {
        if (chat != null) {
            return netnsLab("the lab carries one chat at a time: end this one with exit first", 1);
        }
        Connection client;
        try {
            client = backend.connect(ns, address, port);
        } catch (KernelException e) {
            // without -v, nc says nothing of a connect that fails
            return e.errno() == Errno.EOPNOTSUPP ? failure(e) : new CommandResult("", 1).withSegments(e.journeys());
        }
        Optional<String> listener = Optional.empty();
        for (Background b : listening) {
            Optional<Connection> accepted;
            try {
                accepted = b.socket().accept();
            } catch (KernelException e) {
                accepted = Optional.empty();
            }
            if (accepted.isPresent()) {
                listenerEnd = accepted.get();
                listenerOfChat = b;
                listener = Optional.of(b.namespace());
                break;
            }
        }
        if (listenerOfChat != null) {
            listening.remove(listenerOfChat);
        }
        clientEnd = client;
        chat = new Chat(ns, address, port, listener);
        return CommandResult.OK.withSegments(client.journeys());
    }

    /**
     * {@code nc -z [-v] ADDR PORT}: connect, and close at once, sending nothing; with {@code -v} say how it went,
     * in netcat's words ({@code Connection to ADDR PORT port [tcp/SERVICE] succeeded!}, or {@code nc: connect to ADDR
     * port PORT (tcp) failed: ERROR}). An nc of this terminal that listened in the background and got the connection
     * does what the real one does: it accepts, sends what its pipe fed it, sees the end, and exits.
     */
    CommandResult scan(String ns, Ipv4Address address, int port, boolean verbose) {
        Connection client;
        try {
            client = backend.connect(ns, address, port);
        } catch (KernelException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                return failure(e);
            }
            return CommandResult.of(verbose ? connectFailed(address, port, e) : "", 1).withSegments(e.journeys());
        }
        List<SegmentJourney> segments = new ArrayList<>(client.journeys());
        int sent = segments.size();
        client.close();
        segments.addAll(since(client, sent));
        serveScanned();
        return CommandResult.of(verbose ? succeeded(address, port) : "", 0).withSegments(segments);
    }

    /** {@code nc -v ADDR PORT}: as {@code nc ADDR PORT}, saying first how the connect went. */
    CommandResult connectVerbose(String ns, Ipv4Address address, int port) {
        CommandResult r = connect(ns, address, port);
        if (chat != null && r.ok()) {
            return new CommandResult(succeeded(address, port) + r.output(), 0).withSegments(r.segments());
        }
        return r;
    }

    /** What netcat's {@code warn} says of a connect that failed, with {@code -v}. */
    static String connectFailed(Ipv4Address address, int port, KernelException e) {
        return "nc: connect to " + address + " port " + port + " (tcp) failed: " + e.errno().message() + "\n";
    }

    /** What netcat's {@code report_sock} says of a connect that succeeded, with {@code -v}. */
    static String succeeded(Ipv4Address address, int port) {
        return "Connection to " + address + " " + port + " port [tcp/" + Services.tcp(port).orElse("*")
                + "] succeeded!\n";
    }

    /** The background listeners that a scan reached: each accepts, sends its input, sees the end and exits. */
    private void serveScanned() {
        for (Background b : new ArrayList<>(listening)) {
            Optional<Connection> accepted;
            try {
                accepted = b.socket().accept();
            } catch (KernelException e) {
                accepted = Optional.empty();
            }
            if (accepted.isEmpty()) {
                continue;
            }
            Connection c = accepted.get();
            if (b.input().isPresent() && !b.input().get().isEmpty()) {
                try {
                    c.send(b.input().get().getBytes(StandardCharsets.UTF_8));
                } catch (KernelException e) {
                    // the scanner is gone already: what nc writes meets a reset
                }
            }
            c.close();
            b.socket().close();
            listening.remove(b);
            if (b == waiting) {
                waiting = null;
                typedAhead.clear();
            }
        }
    }

    private static List<SegmentJourney> since(Connection c, int count) {
        List<SegmentJourney> all = c.journeys();
        return count >= all.size() ? List.of() : List.copyOf(all.subList(count, all.size()));
    }

    /** {@code exit} in a chat: the client closes; the listener sees the end of the connection and exits. */
    private CommandResult endChat() {
        String client = JourneyFormat.namespace(chat.client());
        Optional<String> listener = chat.listener().map(JourneyFormat::namespace);
        Connection a = clientEnd;
        Connection b = listenerEnd;
        int sentA = a.journeys().size();
        int sentB = b == null ? 0 : b.journeys().size();
        hangUp();
        List<SegmentJourney> fins = new ArrayList<>(since(a, sentA));
        if (b != null) {
            fins.addAll(since(b, sentB));
        }
        return netnsLab("the chat is over, as at Ctrl-C: nc in " + client + " closed the connection"
                + listener.map(l -> ", and the nc that listened in " + l + " exited").orElse(""), 0)
                .withSegments(fins);
    }

    private void hangUp() {
        if (clientEnd != null) {
            clientEnd.close();
        }
        if (listenerEnd != null) {
            listenerEnd.close();
        }
        if (listenerOfChat != null) {
            listenerOfChat.socket().close();
        }
        chat = null;
        clientEnd = null;
        listenerEnd = null;
        listenerOfChat = null;
    }

    private CommandResult failure(KernelException e) {
        if (e.errno() == Errno.EOPNOTSUPP) {
            return netnsLab("the " + backend.name() + " backend cannot run nc yet", 1);
        }
        return CommandResult.of("nc: " + e.errno().message(), 1);
    }

    private static String where(String ns) {
        return Backend.HOST.equals(ns) ? "on the host" : "in " + JourneyFormat.namespace(ns);
    }

    /**
     * A listener whose namespace was deleted under it has nowhere to be. (On a real machine a running nc would
     * keep the deleted namespace alive, links and all; the lab stops it instead.)
     */
    public void sweep() {
        for (Iterator<Background> it = listening.iterator(); it.hasNext();) {
            Background b = it.next();
            if (!Backend.HOST.equals(b.namespace()) && !backend.namespaces().contains(b.namespace())) {
                b.socket().close();
                it.remove();
                if (b == waiting) {
                    waiting = null;
                    typedAhead.clear();
                }
            }
        }
    }
}
