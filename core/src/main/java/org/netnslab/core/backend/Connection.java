package org.netnslab.core.backend;

import java.util.List;
import org.netnslab.core.net.Ipv4Address;

/**
 * One end of an established TCP connection: what {@code nc ADDR PORT} holds once it has connected, or what
 * {@code nc -l} holds once it has accepted. Made by {@link Backend#connect} or {@link Listener#accept}.
 *
 * <p>Sending and receiving never block. A lab runs one command at a time, so {@link #receive()} first lets
 * the lab settle: what the peer sent before the call has arrived by then, or never will (it was lost, and
 * TCP retransmits it as the kernel would).
 */
public interface Connection extends AutoCloseable {

    /** The lab's name of the namespace the socket lives in. */
    String namespace();

    /** The source address the kernel picked for the connection ({@code getsockname}). */
    Ipv4Address localAddress();

    int localPort();

    /** The peer ({@code getpeername}): for a connection behind NAT, the address the packets came from. */
    Ipv4Address remoteAddress();

    int remotePort();

    /**
     * Equivalent to: {@code send(fd, DATA, len, 0)}, as nc writes a line it read from its standard input.
     * Refused with {@link Errno#ECONNRESET} once the peer reset the connection, {@link Errno#ETIMEDOUT} once
     * TCP gave up retransmitting, {@link Errno#EPIPE} once this end was closed.
     */
    void send(byte[] data) throws KernelException;

    /**
     * Equivalent to: {@code recv(fd, buf, len, MSG_DONTWAIT)} until {@code EAGAIN}, once the lab has settled:
     * every byte the peer sent that has arrived and was not read yet, empty when there is none. Refused with
     * {@link Errno#ECONNRESET} when the peer reset the connection.
     */
    byte[] receive() throws KernelException;

    /** Whether the peer closed its side: its FIN arrived, and {@code recv} would return 0 once the data is read. */
    boolean peerClosed();

    /** Equivalent to: {@code close(fd)}: a FIN to the peer, or a RST when data arrived that was never read. */
    @Override
    void close();

    /**
     * The journeys of the segments this end sent and of the answers they got, oldest first, when the backend
     * can tell them (the simulator can; the kernel cannot, and returns none).
     */
    default List<SegmentJourney> journeys() {
        return List.of();
    }
}
