package org.netnslab.sim;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.TcpSocket.State;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;
import org.netnslab.sim.wire.TcpSegment;
import org.netnslab.sim.wire.WireFormatException;

/**
 * TCP, as small as a chat needs and as Linux does it: the three-way handshake, data with its
 * acknowledgments, FIN and RST, a RST for a segment that finds no socket ({@code tcp_v4_send_reset}),
 * retransmissions with exponential backoff until the kernel's limits ({@code tcp_syn_retries} 6,
 * {@code tcp_retries2} 15), ICMP errors ({@code tcp_v4_err}), TIME_WAIT. Segments travel as real bytes
 * through {@link IpOutput#localOut}, so they meet routing, ARP, bridges, forwarding and masquerade like any
 * packet.
 *
 * <p>What a lab does not need is left out, and said so: no congestion control, no window management (a
 * chat's lines are small), no out-of-order queue (a lab's links keep order; a segment that is not the next
 * one is acknowledged again and dropped), no delayed acknowledgments (Linux's quick-ack mode at the start of
 * a connection acknowledges every segment at once, and a chat never leaves it), no simultaneous open.
 *
 * <p>Every segment a socket starts (not an answer) begins a journey, as a ping's echo request does; the
 * answers it gets continue that journey.
 */
final class Tcp {

    /** {@code TCP_TIMEOUT_INIT}: the first retransmission timeout, before any round trip was measured. */
    static final long RTO_INIT = Engine.SECOND;
    /** {@code TCP_RTO_MIN}: what the timeout comes down to after a lab's microsecond round trips. */
    static final long RTO_MIN = 200 * Engine.MILLIS;
    /** {@code TCP_RTO_MAX}. */
    static final long RTO_MAX = 120 * Engine.SECOND;
    /** {@code net.ipv4.tcp_syn_retries}: a connect gives up 127 seconds after its first SYN. */
    static final int SYN_RETRIES = 6;
    /** {@code net.ipv4.tcp_synack_retries}. */
    static final int SYNACK_RETRIES = 5;
    /** {@code net.ipv4.tcp_retries2}. */
    static final int RETRIES2 = 15;
    /** {@code TCP_TIMEWAIT_LEN}. */
    static final long TIME_WAIT_LEN = 60 * Engine.SECOND;
    /** {@code net.ipv4.tcp_fin_timeout}: how long an orphan waits in FIN_WAIT2 for the peer's FIN. */
    static final long FIN_TIMEOUT = 60 * Engine.SECOND;
    /** {@code net.ipv4.ip_local_port_range}. */
    static final int EPHEMERAL_LOW = 32768;
    static final int EPHEMERAL_HIGH = 60999;
    /** The window of a SYN and of a SYN-ACK (ten segments of a veth's MSS, rounded as Linux does), then scaled. */
    private static final int SYN_WINDOW = 64240;
    private static final int SYNACK_WINDOW = 65160;
    private static final int WINDOW = 502;
    private static final int WINDOW_SCALE = 7;
    private static final byte[] NONE = new byte[0];

    private final Engine engine;
    private final IpOutput ipOutput;
    private final Random random;
    private int nextPort;
    /** The inode the next socket gets ({@code get_next_ino}): counted per lab, from a number a machine could have. */
    private long nextInode = 31000;

    Tcp(Engine engine, IpOutput ipOutput, Random random) {
        this.engine = engine;
        this.ipOutput = ipOutput;
        this.random = random;
        this.nextPort = EPHEMERAL_LOW + random.nextInt(EPHEMERAL_HIGH - EPHEMERAL_LOW + 1);
    }

    // ================================================================================= the application's calls

    /** {@code listen}: the caller checked that the port is free. */
    TcpSocket listen(Namespace ns, int port, int backlog) {
        TcpSocket s = new TcpSocket(ns, Ipv4Address.ANY, port, Ipv4Address.ANY, 0, State.LISTEN, 0, backlog);
        s.inode = nextInode++;
        ns.tcp.addListener(s);
        return s;
    }

    /** {@code tcp_v4_connect}: a source port, an initial sequence number, and the SYN, on the route given. */
    TcpSocket connect(Namespace ns, Routing.Route route, Ipv4Address destination, int port) {
        Ipv4Address source = route.source().orElse(Ipv4Address.ANY);
        TcpSocket s = new TcpSocket(ns, source, ephemeralPort(ns), destination, port, State.SYN_SENT,
                random.nextInt() & 0xffffffffL, 0);
        s.inode = nextInode++;
        s.iss = random.nextInt() & 0xffffffffL;
        s.sndUna = s.iss;
        s.sndNxt = s.iss + 1;
        ns.tcp.add(s);
        TcpSegment syn = new TcpSegment(s.localPort, s.remotePort, s.iss, 0, TcpSegment.SYN, SYN_WINDOW,
                synOptions(s, route.dev().mtu()), NONE);
        s.unacked.add(syn);
        start(s, syn, "");
        arm(s);
        return s;
    }

    /** The next free port of the range, counting on from where the last connect took one. */
    private int ephemeralPort(Namespace ns) {
        int range = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
        for (int i = 0; i < range; i++) {
            int port = nextPort;
            nextPort = nextPort >= EPHEMERAL_HIGH ? EPHEMERAL_LOW : nextPort + 1;
            if (!ns.tcp.portInUse(port, engine.now())) {
                return port;
            }
        }
        return nextPort;
    }

    /** {@code tcp_sendmsg}: the data in segments of at most an MSS, each pushed, each kept until acknowledged. */
    void send(TcpSocket s, byte[] data) {
        int mss = 1460;
        for (int at = 0; at < data.length; at += mss) {
            byte[] chunk = Arrays.copyOfRange(data, at, Math.min(data.length, at + mss));
            TcpSegment seg = new TcpSegment(s.localPort, s.remotePort, s.sndNxt, s.rcvNxt,
                    TcpSegment.PSH | TcpSegment.ACK, WINDOW, timestamps(s), chunk);
            s.sndNxt = (s.sndNxt + chunk.length) & 0xffffffffL;
            s.unacked.add(seg);
            start(s, seg, "");
        }
        if (s.retransmitTimer == null) {
            arm(s);
        }
    }

    /** What the application has not read yet: all of it, now read. */
    byte[] read(TcpSocket s) {
        byte[] data = s.received.toByteArray();
        s.received.reset();
        return data;
    }

    /**
     * {@code tcp_close}: a FIN after what was sent, and the socket finishes its shutdown on its own; a RST
     * instead when data arrived that the application never read ({@code tcp_send_active_reset}).
     */
    void close(TcpSocket s) {
        if (s.closed) {
            return;
        }
        s.closed = true;
        switch (s.state) {
            case LISTEN -> closeListener(s);
            case SYN_SENT, SYN_RECV -> done(s);
            case ESTABLISHED, CLOSE_WAIT -> {
                if (s.received.size() > 0) {
                    TcpSegment rst = new TcpSegment(s.localPort, s.remotePort, s.sndNxt, s.rcvNxt,
                            TcpSegment.RST | TcpSegment.ACK, 0, NONE, NONE);
                    start(s, rst, " (closed with unread data)");
                    done(s);
                    return;
                }
                TcpSegment fin = new TcpSegment(s.localPort, s.remotePort, s.sndNxt, s.rcvNxt,
                        TcpSegment.FIN | TcpSegment.ACK, WINDOW, timestamps(s), NONE);
                s.sndNxt = (s.sndNxt + 1) & 0xffffffffL;
                s.finSent = true;
                s.state = s.state == State.ESTABLISHED ? State.FIN_WAIT1 : State.LAST_ACK;
                s.unacked.add(fin);
                start(s, fin, "");
                if (s.retransmitTimer == null) {
                    arm(s);
                }
            }
            default -> { }
        }
    }

    /** {@code inet_csk_listen_stop}: the port is free; connections that were never accepted are reset. */
    private void closeListener(TcpSocket l) {
        l.ns.tcp.removeListener(l);
        l.state = State.CLOSE;
        List<TcpSocket> orphans = new ArrayList<>(l.acceptQueue);
        l.acceptQueue.clear();
        for (TcpSocket s : l.ns.tcp.all()) {
            if (s.parent == l && s.state == State.SYN_RECV) {
                orphans.add(s);
            }
        }
        for (TcpSocket s : orphans) {
            if (s.over()) {
                continue;
            }
            s.closed = true;
            TcpSegment rst = new TcpSegment(s.localPort, s.remotePort, s.sndNxt, s.rcvNxt,
                    TcpSegment.RST | TcpSegment.ACK, 0, NONE, NONE);
            start(s, rst, " (the listener closed before accepting it)");
            done(s);
        }
    }

    /** A namespace that goes away takes its sockets with it, without a word on the wire. */
    void namespaceGone(Namespace ns) {
        for (TcpSocket s : ns.tcp.all()) {
            engine.cancel(s.retransmitTimer);
            s.retransmitTimer = null;
            if (s.error == null && !s.over()) {
                s.error = Errno.ENOTCONN;
            }
            s.state = State.CLOSE;
        }
        ns.tcp.clear();
    }

    // ================================================================================= output

    /** A segment this socket starts: a journey of its own. */
    private void start(TcpSocket s, TcpSegment seg, String note) {
        Trace trace = Trace.start();
        s.sent.add(new TcpSocket.Sent(describe(s, seg) + note, trace));
        output(s, seg, trace);
    }

    /** {@code ip_queue_xmit}: the socket's route, then out as an IPv4 datagram with DF set. */
    private void output(TcpSocket s, TcpSegment seg, Trace trace) {
        Namespace ns = s.ns;
        Ipv4Packet p = new Ipv4Packet(0, ns.nextIpIdent(), Ipv4Packet.DONT_FRAGMENT, IpOutput.DEFAULT_TTL,
                Ipv4Packet.PROTO_TCP, s.localAddress, s.remoteAddress,
                seg.toBytes(s.localAddress, s.remoteAddress));
        route(ns, p, seg, describe(s, seg), trace).ifPresent(r -> ipOutput.localOut(ns, p, r, trace));
    }

    private Optional<Routing.Route> route(Namespace ns, Ipv4Packet p, TcpSegment seg, String what, Trace trace) {
        Routing.Route route;
        try {
            route = Routing.output(ns, p.destination(), Optional.of(p.source()).filter(a -> !a.isAny()),
                    Optional.empty());
        } catch (KernelException e) {
            trace.drop(ns, "", what + ": no route to " + p.destination() + " any more [IP_OUTNOROUTES]");
            return Optional.empty();
        }
        trace.pass(ns, route.type() == RouteType.LOCAL ? "lo" : route.dev().name, what + " sent");
        return Optional.of(route);
    }

    /** A segment in answer to one that found no socket, or a socket that will not have it. */
    void reset(Namespace ns, Ipv4Packet in, TcpSegment seg, Trace trace) {
        TcpSegment rst = seg.has(TcpSegment.ACK)
                ? new TcpSegment(seg.destinationPort(), seg.sourcePort(), seg.acknowledgment(), 0, TcpSegment.RST, 0,
                        NONE, NONE)
                : new TcpSegment(seg.destinationPort(), seg.sourcePort(), 0, seg.sequence() + seg.sequenceLength(),
                        TcpSegment.RST | TcpSegment.ACK, 0, NONE, NONE);
        Ipv4Packet p = new Ipv4Packet(0, 0, Ipv4Packet.DONT_FRAGMENT, IpOutput.DEFAULT_TTL, Ipv4Packet.PROTO_TCP,
                in.destination(), in.source(), rst.toBytes(in.destination(), in.source()));
        // tcpdump numbers a conversation from its SYN: the answer to a SYN acknowledges "1"
        String what = "TCP " + in.destination() + "." + rst.sourcePort() + " > " + in.source() + "."
                + rst.destinationPort() + ": "
                + (seg.has(TcpSegment.ACK) ? rst.summary() : rst.summary(0, seg.sequence()));
        route(ns, p, rst, what, trace).ifPresent(r -> ipOutput.localOut(ns, p, r, trace));
    }

    private void sendAck(TcpSocket s, Trace trace) {
        output(s, new TcpSegment(s.localPort, s.remotePort, s.sndNxt, s.rcvNxt, TcpSegment.ACK, WINDOW,
                timestamps(s), NONE), trace);
    }

    private static String describe(TcpSocket s, TcpSegment seg) {
        return "TCP " + s.localAddress + "." + s.localPort + " > " + s.remoteAddress + "." + s.remotePort + ": "
                + seg.summary(s.iss, s.irs);
    }

    // ================================================================================= retransmission

    private void arm(TcpSocket s) {
        engine.cancel(s.retransmitTimer);
        s.retransmitTimer = engine.after(s.rto, Engine.TIMER, () -> retransmit(s));
    }

    private void disarm(TcpSocket s) {
        engine.cancel(s.retransmitTimer);
        s.retransmitTimer = null;
    }

    /** {@code tcp_retransmit_timer}: the oldest unacknowledged segment again, the timeout doubled; or give up. */
    private void retransmit(TcpSocket s) {
        s.retransmitTimer = null;
        if (s.over() || s.unacked.isEmpty()) {
            return;
        }
        int limit = switch (s.state) {
            case SYN_SENT -> SYN_RETRIES;
            case SYN_RECV -> SYNACK_RETRIES;
            default -> RETRIES2;
        };
        if (s.retransmits >= limit) {
            // tcp_write_err: the soft error if an ICMP error said why, else a timeout; nothing goes on the wire
            s.error = s.softError != null ? s.softError : Errno.ETIMEDOUT;
            done(s);
            return;
        }
        s.retransmits++;
        s.rto = Math.min(s.rto * 2, RTO_MAX);
        TcpSegment first = s.unacked.peekFirst();
        TcpSegment again = first.has(TcpSegment.ACK) && !first.has(TcpSegment.SYN)
                ? new TcpSegment(first.sourcePort(), first.destinationPort(), first.sequence(), s.rcvNxt,
                        first.flags(), first.window(), timestamps(s), first.payload())
                : first;
        start(s, again, " (retransmission " + s.retransmits + ")");
        arm(s);
    }

    /** {@code tcp_done}: the connection is over; the socket leaves the tables. */
    private void done(TcpSocket s) {
        disarm(s);
        s.unacked.clear();
        s.state = State.CLOSE;
        s.ns.tcp.remove(s);
    }

    private void fail(TcpSocket s, Errno errno) {
        s.error = errno;
        done(s);
    }

    // ================================================================================= input

    /** {@code tcp_v4_rcv}: the segment goes to its connection, or to a listener, or is answered with a RST. */
    void receive(Device in, Ipv4Packet p, Trace trace) {
        Namespace ns = in.ns;
        TcpSegment seg;
        try {
            seg = TcpSegment.parse(p.payload(), p.source(), p.destination());
        } catch (WireFormatException e) {
            trace.drop(ns, in.name, "malformed TCP segment: " + e.getMessage() + " [TCP_CSUM]");
            return;
        }
        TcpSocket.Key key = new TcpSocket.Key(p.destination(), seg.destinationPort(), p.source(), seg.sourcePort());
        Optional<TcpSocket> s = ns.tcp.connection(key, engine.now());
        if (s.isPresent()) {
            TcpSocket socket = s.get();
            tsVal(seg).ifPresent(v -> socket.tsRecent = v);
            switch (socket.state) {
                case SYN_SENT -> synSent(socket, p, seg, in, trace);
                case SYN_RECV -> synReceived(socket, p, seg, in, trace);
                case TIME_WAIT -> timeWait(socket, seg, in, trace);
                default -> connected(socket, p, seg, in, trace);
            }
            return;
        }
        Optional<TcpSocket> listener = ns.tcp.listener(seg.destinationPort());
        if (listener.isPresent()) {
            listening(listener.get(), p, seg, in, trace);
            return;
        }
        String what = "TCP " + seg.flagText() + " for " + p.destination() + " port " + seg.destinationPort();
        if (seg.has(TcpSegment.RST)) {
            trace.drop(ns, in.name, what + ": no socket, and a reset is not answered [NO_SOCKET]");
            return;
        }
        trace.drop(ns, in.name, what + ": nothing listens on port " + seg.destinationPort()
                + ", answered with a reset [NO_SOCKET]");
        reset(ns, p, seg, trace);
    }

    /** A listening socket: a SYN makes a connection in SYN_RECV and gets a SYN-ACK ({@code tcp_conn_request}). */
    private void listening(TcpSocket l, Ipv4Packet p, TcpSegment seg, Device in, Trace trace) {
        Namespace ns = l.ns;
        String what = "TCP " + seg.flagText() + " for port " + l.localPort;
        if (seg.has(TcpSegment.RST)) {
            trace.drop(ns, in.name, what + ": a reset for a listening socket is ignored");
            return;
        }
        if (seg.has(TcpSegment.ACK)) {
            trace.drop(ns, in.name, what + ": no connection in the making for it, answered with a reset");
            reset(ns, p, seg, trace);
            return;
        }
        if (!seg.has(TcpSegment.SYN)) {
            trace.drop(ns, in.name, what + ": neither SYN nor ACK");
            return;
        }
        if (l.acceptQueue.size() > l.backlog) {
            trace.drop(ns, in.name, what + ": the listener's accept queue is full (backlog " + l.backlog
                    + ") [TCP_LISTEN_OVERFLOW]");
            return;
        }
        TcpSocket c = new TcpSocket(ns, p.destination(), l.localPort, p.source(), seg.sourcePort(), State.SYN_RECV,
                random.nextInt() & 0xffffffffL, 0);
        c.parent = l;
        c.inode = nextInode++;
        c.irs = seg.sequence();
        c.rcvNxt = (seg.sequence() + 1) & 0xffffffffL;
        c.iss = random.nextInt() & 0xffffffffL;
        c.sndUna = c.iss;
        c.sndNxt = (c.iss + 1) & 0xffffffffL;
        tsVal(seg).ifPresent(v -> c.tsRecent = v);
        ns.tcp.add(c);
        TcpSegment synAck = new TcpSegment(c.localPort, c.remotePort, c.iss, c.rcvNxt,
                TcpSegment.SYN | TcpSegment.ACK, SYNACK_WINDOW, synOptions(c, in.mtu()), NONE);
        c.unacked.add(synAck);
        trace.pass(ns, in.name, "TCP [S] for port " + l.localPort + ": a socket listens; SYN-ACK in answer");
        output(c, synAck, trace);
        arm(c);
    }

    /** SYN_SENT: a SYN-ACK establishes the connection; a RST refuses it ({@code tcp_rcv_synsent_state_process}). */
    private void synSent(TcpSocket s, Ipv4Packet p, TcpSegment seg, Device in, Trace trace) {
        Namespace ns = s.ns;
        if (seg.has(TcpSegment.ACK) && seg.acknowledgment() != s.sndNxt) {
            if (seg.has(TcpSegment.RST)) {
                trace.drop(ns, in.name, "TCP [R] acknowledging something never sent: ignored");
            } else {
                trace.drop(ns, in.name, "TCP " + seg.flagText() + " acknowledging something never sent:"
                        + " answered with a reset");
                reset(ns, p, seg, trace);
            }
            return;
        }
        if (seg.has(TcpSegment.RST)) {
            if (!seg.has(TcpSegment.ACK)) {
                trace.drop(ns, in.name, "TCP [R] without ACK while connecting: ignored");
                return;
            }
            trace.pass(ns, in.name, "TCP [R.] delivered: connect fails, Connection refused");
            fail(s, Errno.ECONNREFUSED);
            return;
        }
        if (!seg.has(TcpSegment.SYN) || !seg.has(TcpSegment.ACK)) {
            trace.drop(ns, in.name, "TCP " + seg.flagText() + " while connecting: not a SYN-ACK (a lab does"
                    + " not simulate a simultaneous open)");
            return;
        }
        s.irs = seg.sequence();
        s.rcvNxt = (seg.sequence() + 1) & 0xffffffffL;
        acknowledge(s, seg.acknowledgment());
        s.state = State.ESTABLISHED;
        s.rto = RTO_MIN;
        s.retransmits = 0;
        trace.pass(ns, in.name, "TCP [S.] delivered: connection established; ACK in answer");
        sendAck(s, trace);
    }

    /** SYN_RECV: the client's ACK completes the handshake, and the connection waits for {@code accept}. */
    private void synReceived(TcpSocket s, Ipv4Packet p, TcpSegment seg, Device in, Trace trace) {
        Namespace ns = s.ns;
        if (seg.has(TcpSegment.RST)) {
            trace.pass(ns, in.name, "TCP [R] delivered: the connection in the making goes");
            s.closed = true;
            done(s);
            return;
        }
        if (seg.has(TcpSegment.SYN) && seg.sequence() == s.irs) {
            trace.pass(ns, in.name, "TCP [S] again: the SYN-ACK is sent again");
            output(s, s.unacked.isEmpty() ? new TcpSegment(s.localPort, s.remotePort, s.iss, s.rcvNxt,
                    TcpSegment.SYN | TcpSegment.ACK, SYNACK_WINDOW, synOptions(s, in.mtu()), NONE)
                    : s.unacked.peekFirst(), trace);
            return;
        }
        if (!seg.has(TcpSegment.ACK) || seg.acknowledgment() != s.sndNxt) {
            trace.drop(ns, in.name, "TCP " + seg.flagText() + " does not complete the handshake: answered with a"
                    + " reset");
            reset(ns, p, seg, trace);
            return;
        }
        acknowledge(s, seg.acknowledgment());
        s.state = State.ESTABLISHED;
        s.rto = RTO_MIN;
        s.retransmits = 0;
        TcpSocket l = s.parent;
        if (l == null || l.over()) {
            trace.drop(ns, in.name, "TCP [.]: the listener closed meanwhile, answered with a reset");
            s.closed = true;
            reset(ns, p, seg, trace);
            done(s);
            return;
        }
        l.acceptQueue.add(s);
        trace.pass(ns, in.name, "TCP [.] delivered: connection established, waiting for accept on port "
                + l.localPort);
        if (seg.payload().length > 0 || seg.has(TcpSegment.FIN)) {
            connected(s, p, seg, in, trace);
        }
    }

    /** ESTABLISHED and the closing states ({@code tcp_rcv_established}, {@code tcp_rcv_state_process}). */
    private void connected(TcpSocket s, Ipv4Packet p, TcpSegment seg, Device in, Trace trace) {
        Namespace ns = s.ns;
        String what = "TCP " + seg.summary(s.irs, s.iss).substring("Flags ".length());
        if (seg.has(TcpSegment.RST)) {
            if (seg.sequence() != s.rcvNxt) {
                trace.drop(ns, in.name, what + ": a reset outside the window is ignored");
                return;
            }
            // tcp_reset
            Errno e = s.state == State.CLOSE_WAIT ? Errno.EPIPE : Errno.ECONNRESET;
            trace.pass(ns, in.name, what + " delivered: the peer reset the connection");
            fail(s, e);
            return;
        }
        if (seg.has(TcpSegment.SYN)) {
            trace.drop(ns, in.name, what + ": a SYN on a connection, answered with an ACK (RFC 5961)");
            sendAck(s, trace);
            return;
        }
        if (!seg.has(TcpSegment.ACK)) {
            trace.drop(ns, in.name, what + ": no ACK flag");
            return;
        }
        if (after(seg.acknowledgment(), s.sndNxt)) {
            trace.drop(ns, in.name, what + ": acknowledges what was never sent, answered with an ACK");
            sendAck(s, trace);
            return;
        }
        acknowledge(s, seg.acknowledgment());
        boolean finAcked = s.finSent && s.sndUna == s.sndNxt;
        if (finAcked && s.state == State.LAST_ACK) {
            trace.pass(ns, in.name, what + " delivered: our FIN is acknowledged, the connection is closed");
            done(s);
            return;
        }
        if (finAcked && s.state == State.FIN_WAIT1) {
            s.state = State.FIN_WAIT2;
            if (s.closed) {
                s.expiresAt = engine.now() + FIN_TIMEOUT;
            }
        } else if (finAcked && s.state == State.CLOSING) {
            timeWait(s);
        }
        int length = seg.payload().length;
        boolean answer = false;
        List<String> events = new ArrayList<>();
        if (length > 0) {
            boolean open = s.state == State.ESTABLISHED || s.state == State.FIN_WAIT1 || s.state == State.FIN_WAIT2;
            if (open && s.closed) {
                // tcp_rcv_state_process: data for a socket the application closed aborts the connection
                trace.drop(ns, in.name, what + ": data for a socket its application closed, answered with a reset");
                reset(ns, p, seg, trace);
                done(s);
                return;
            }
            if (!open) {
                events.add("data after the peer's FIN, ignored");
            } else if (seg.sequence() == s.rcvNxt) {
                s.received.writeBytes(seg.payload());
                s.rcvNxt = (s.rcvNxt + length) & 0xffffffffL;
                events.add(length + " byte" + (length == 1 ? "" : "s") + " delivered to the socket");
            } else {
                events.add("not the next bytes expected (a retransmission), acknowledged again");
            }
            answer = true;
        }
        if (seg.has(TcpSegment.FIN)) {
            long finSeq = (seg.sequence() + length) & 0xffffffffL;
            if (finSeq == s.rcvNxt && !s.finReceived) {
                s.finReceived = true;
                s.rcvNxt = (s.rcvNxt + 1) & 0xffffffffL;
                switch (s.state) {
                    case ESTABLISHED -> s.state = State.CLOSE_WAIT;
                    case FIN_WAIT1 -> s.state = State.CLOSING;
                    case FIN_WAIT2 -> timeWait(s);
                    default -> { }
                }
                events.add("FIN: the peer has no more to send (" + s.state + ")");
            } else {
                events.add("FIN again, acknowledged again");
            }
            answer = true;
        }
        if (events.isEmpty()) {
            trace.pass(ns, in.name, what + " delivered" + (finAcked ? ": our FIN is acknowledged" : ""));
            return;
        }
        trace.pass(ns, in.name, what + " delivered: " + String.join("; ", events) + (answer ? "; ACK in answer" : ""));
        if (answer) {
            sendAck(s, trace);
        }
    }

    /** TIME_WAIT: a FIN sent again is acknowledged again; the rest is dropped ({@code tcp_timewait_state_process}). */
    private void timeWait(TcpSocket s, TcpSegment seg, Device in, Trace trace) {
        if (seg.has(TcpSegment.RST)) {
            trace.pass(s.ns, in.name, "TCP [R] for a connection in TIME_WAIT: it goes");
            done(s);
        } else if (seg.has(TcpSegment.FIN)) {
            trace.pass(s.ns, in.name, "TCP " + seg.flagText() + " again in TIME_WAIT: acknowledged again");
            sendAck(s, trace);
        } else {
            trace.drop(s.ns, in.name, "TCP " + seg.flagText() + " for a connection in TIME_WAIT: dropped");
        }
    }

    private void timeWait(TcpSocket s) {
        s.state = State.TIME_WAIT;
        s.expiresAt = engine.now() + TIME_WAIT_LEN;
        disarm(s);
        s.unacked.clear();
    }

    /** {@code tcp_ack}: what is acknowledged leaves the retransmission queue; the timer restarts for the rest. */
    private void acknowledge(TcpSocket s, long ack) {
        if (!after(ack, s.sndUna)) {
            return;
        }
        s.sndUna = ack;
        while (!s.unacked.isEmpty()) {
            TcpSegment first = s.unacked.peekFirst();
            long end = (first.sequence() + first.sequenceLength()) & 0xffffffffL;
            if (after(end, ack)) {
                break;
            }
            s.unacked.removeFirst();
        }
        s.retransmits = 0;
        if (s.unacked.isEmpty()) {
            disarm(s);
        } else {
            arm(s);
        }
    }

    /**
     * {@code tcp_v4_err}: an ICMP error about a segment of ours. While connecting it ends the connect with
     * the error's errno; on an established connection it is only noted, and TCP retransmits.
     */
    void icmpError(Device in, Ipv4Packet error, IcmpPacket.QuotedDatagram q, String text, Errno errno,
            Trace trace) {
        Namespace ns = in.ns;
        TcpSocket.Key key = new TcpSocket.Key(q.source(), q.sourcePort(), q.destination(), q.destinationPort());
        Optional<TcpSocket> found = ns.tcp.connection(key, engine.now());
        if (found.isEmpty()) {
            trace.drop(ns, in.name, text + " from " + error.source() + ": no socket waits for it any more");
            return;
        }
        TcpSocket s = found.get();
        if (!between(q.tcpSequence(), s.sndUna, s.sndNxt)) {
            trace.drop(ns, in.name, text + " from " + error.source() + " about a segment acknowledged already");
            return;
        }
        if (s.state == State.SYN_SENT || s.state == State.SYN_RECV) {
            trace.pass(ns, in.name, text + " from " + error.source() + " delivered: connect fails, "
                    + errno.message());
            fail(s, errno);
            return;
        }
        s.softError = errno;
        trace.pass(ns, in.name, text + " from " + error.source() + " delivered: noted ("
                + errno.message() + "), TCP retransmits");
    }

    // ================================================================================= options and numbers

    /** MSS, SACK permitted, timestamps, NOP, window scale: the options of a Linux SYN, in its order. */
    private byte[] synOptions(TcpSocket s, int mtu) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.put((byte) 2).put((byte) 4).putShort((short) Math.min(0xffff, mtu - 40));
        b.put((byte) 4).put((byte) 2);
        b.put((byte) 8).put((byte) 10).putInt((int) tsNow(s)).putInt((int) s.tsRecent);
        b.put((byte) 1);
        b.put((byte) 3).put((byte) 3).put((byte) WINDOW_SCALE);
        return b.array();
    }

    /** NOP, NOP, timestamps: the options of every other segment. */
    private byte[] timestamps(TcpSocket s) {
        ByteBuffer b = ByteBuffer.allocate(12);
        b.put((byte) 1).put((byte) 1).put((byte) 8).put((byte) 10).putInt((int) tsNow(s)).putInt((int) s.tsRecent);
        return b.array();
    }

    /** {@code tcp_time_stamp}: milliseconds, from an offset of the socket's own. */
    private long tsNow(TcpSocket s) {
        return (engine.now() / Engine.MILLIS + s.tsOffset) & 0xffffffffL;
    }

    /** The timestamp value of a segment's options, if it has one. */
    static Optional<Long> tsVal(TcpSegment seg) {
        byte[] o = seg.options();
        int i = 0;
        while (i < o.length) {
            int kind = o[i] & 0xff;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (i + 1 >= o.length) {
                break;
            }
            int len = o[i + 1] & 0xff;
            if (len < 2 || i + len > o.length) {
                break;
            }
            if (kind == 8 && len == 10) {
                return Optional.of(ByteBuffer.wrap(o, i + 2, 4).getInt() & 0xffffffffL);
            }
            i += len;
        }
        return Optional.empty();
    }

    /** {@code after(a, b)}: a comes later than b in the 32-bit sequence space. */
    static boolean after(long a, long b) {
        return (int) (a - b) > 0;
    }

    /** {@code between(x, low, high)}, both ends included. */
    static boolean between(long x, long low, long high) {
        return ((high - low) & 0xffffffffL) >= ((x - low) & 0xffffffffL);
    }
}
