package org.netnslab.sim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.SegmentJourney;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.wire.TcpSegment;

/**
 * One TCP socket ({@code struct tcp_sock}, with the fields a lab uses): a listener, or one end of a
 * connection with its sequence numbers, what it sent and was not acknowledged yet, what it received and the
 * application did not read yet, and its error. {@link Tcp} drives it.
 */
final class TcpSocket {

    /** {@code TCP_ESTABLISHED}... by the kernel's names. */
    enum State {
        LISTEN,
        SYN_SENT,
        SYN_RECV,
        ESTABLISHED,
        FIN_WAIT1,
        FIN_WAIT2,
        CLOSE_WAIT,
        CLOSING,
        LAST_ACK,
        TIME_WAIT,
        CLOSE
    }

    /** The four addresses of a connection, as the kernel's established hash keys it. */
    record Key(Ipv4Address local, int localPort, Ipv4Address remote, int remotePort) {}

    /** A segment this socket started (not an answer), with the trace of its journey. */
    record Sent(String segment, Trace trace) {
        SegmentJourney journey() {
            return new SegmentJourney(segment, trace.hops());
        }
    }

    final Namespace ns;
    final Ipv4Address localAddress;
    final int localPort;
    final Ipv4Address remoteAddress;
    final int remotePort;
    State state;

    /** Send sequence space: initial, oldest unacknowledged, next. */
    long iss;
    long sndUna;
    long sndNxt;
    /** What was sent and not acknowledged yet, oldest first: retransmitted as it was. */
    final Deque<TcpSegment> unacked = new ArrayDeque<>();
    /** Our FIN is out: {@link #sndNxt} counts it. */
    boolean finSent;
    Engine.Timer retransmitTimer;
    int retransmits;
    long rto = Tcp.RTO_INIT;

    /** Receive sequence space: the peer's initial number, and the next byte expected. */
    long irs;
    long rcvNxt;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean finReceived;
    /** The peer's last timestamp ({@code ts_recent}), echoed in ours. */
    long tsRecent;
    final long tsOffset;

    /** The application closed it ({@code close(fd)}): an orphan that finishes its shutdown on its own. */
    boolean closed;
    /** {@code sk_err}: what the next call reports, once the connection is over. */
    Errno error;
    /** {@code sk_err_soft}: an ICMP error that did not end the connection, reported if it times out. */
    Errno softError;
    /** When a TIME_WAIT socket, or an orphan, goes away; 0 for never. */
    long expiresAt;

    /** A listener's connections whose handshake is done, waiting for {@code accept}. */
    final Deque<TcpSocket> acceptQueue = new ArrayDeque<>();
    final int backlog;
    /** The listener a connection in SYN_RECV came to. */
    TcpSocket parent;

    final List<Sent> sent = new ArrayList<>();

    /** The socket's inode, as {@code sock_diag} reports it: the lab numbers its sockets as they are made. */
    long inode;

    TcpSocket(Namespace ns, Ipv4Address localAddress, int localPort, Ipv4Address remoteAddress, int remotePort,
            State state, long tsOffset, int backlog) {
        this.ns = ns;
        this.localAddress = localAddress;
        this.localPort = localPort;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        this.state = state;
        this.tsOffset = tsOffset;
        this.backlog = backlog;
    }

    Key key() {
        return new Key(localAddress, localPort, remoteAddress, remotePort);
    }

    /** Whether the connection can still carry data this way ({@code send} works). */
    boolean canSend() {
        return !closed && (state == State.ESTABLISHED || state == State.CLOSE_WAIT);
    }

    boolean over() {
        return state == State.CLOSE;
    }

    List<SegmentJourney> journeys() {
        return sent.stream().map(Sent::journey).toList();
    }

    @Override
    public String toString() {
        return localAddress + ":" + localPort + " > " + remoteAddress + ":" + remotePort + " " + state;
    }
}
