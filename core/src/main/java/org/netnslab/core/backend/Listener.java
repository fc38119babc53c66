package org.netnslab.core.backend;

import java.util.Optional;

/**
 * A TCP socket listening on a port of every address of one namespace: what {@code nc -l -p PORT} holds
 * while it waits for a client. Made by {@link Backend#listen}.
 *
 * <p>The kernel completes a client's handshake on its own, before any {@code accept}: a connection is
 * established as soon as the client's {@code connect} returns, and waits in this socket's queue until it is
 * accepted.
 */
public interface Listener extends AutoCloseable {

    /** The lab's name of the namespace the socket lives in. */
    String namespace();

    /** The port it listens on. */
    int port();

    /**
     * Equivalent to: {@code accept4(fd, ..., SOCK_NONBLOCK)} on a socket that does not block: the oldest
     * connection whose handshake is complete, or empty when none waits ({@code EAGAIN}).
     */
    Optional<Connection> accept() throws KernelException;

    /**
     * Equivalent to: {@code close(fd)}: the port is free again; connections still waiting to be accepted are
     * reset, as {@code inet_csk_listen_stop} does. Connections already accepted live on.
     */
    @Override
    void close();
}
