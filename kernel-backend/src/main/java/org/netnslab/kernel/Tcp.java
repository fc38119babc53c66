package org.netnslab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.kernel.sys.Namespaces;
import org.netnslab.kernel.sys.SyscallException;
import org.netnslab.kernel.sys.TcpSocket;

/**
 * nc's TCP on the real kernel: each socket is made inside its lab namespace, on a thread of its own (see
 * {@link Namespaces}), and kept by that namespace, which closes it with the lab. The kernel does the rest.
 *
 * <p>Settling, so that what the learner sees does not depend on timing: a send returns once the peer has
 * acknowledged the bytes (they are in its receive queue then), a close once the peer has acknowledged the
 * FIN, and a receive, an accept or a look at the peer's FIN first waits {@link #SETTLE_MILLIS} at most for
 * something to come. Every wait is bounded.
 */
final class Tcp {

    /** nc's own backlog: {@code listen(s, 1)} in netcat-openbsd. */
    static final int NC_BACKLOG = 1;

    /**
     * How long connect waits for the handshake. Here the lab departs from the real nc: the kernel gives up
     * on a SYN nobody answers after 127 seconds ({@code tcp_syn_retries} = 6), which would hang a learner's
     * web request; the lab gives up after this and reports the same {@code ETIMEDOUT}. A RST
     * ({@code ECONNREFUSED}) or an ICMP error comes well within it: an unanswered ARP gives
     * {@code EHOSTUNREACH} after three seconds, as for the real nc.
     */
    static final long CONNECT_TIMEOUT_MILLIS = 5_000;

    /** How long a receive, an accept or peerClosed waits for what is on its way. */
    static final long SETTLE_MILLIS = 25;

    /** How long a send waits for its bytes, and a close for its FIN, to be acknowledged. */
    static final long ACK_MILLIS = 1_000;

    private Tcp() {}

    static Listener listen(LabNamespace ns, int port) throws KernelException {
        checkPort(port);
        TcpSocket s = inside(ns, () -> TcpSocket.listening(port, NC_BACKLOG));
        return new KernelListener(ns, port, s);
    }

    static Connection connect(LabNamespace ns, Ipv4Address address, int port) throws KernelException {
        checkPort(port);
        TcpSocket s = inside(ns, TcpSocket::open);
        try {
            s.connect(address.toBytes(), port, CONNECT_TIMEOUT_MILLIS);
            return new KernelConnection(ns, s);
        } catch (SyscallException e) {
            ns.forget(s);
            throw failure(e);
        } catch (KernelException | RuntimeException e) {
            ns.forget(s);
            throw e;
        }
    }

    private static void checkPort(int port) throws KernelException {
        if (port < 1 || port > 0xffff) {
            throw new KernelException(Errno.EINVAL);
        }
    }

    /** Opens a socket on a thread inside the namespace; the namespace keeps it from then on. */
    private static TcpSocket inside(LabNamespace ns, Namespaces.Inside<TcpSocket> open) throws KernelException {
        TcpSocket s;
        try {
            s = Namespaces.enter(ns.fd, open);
        } catch (SyscallException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ns.keep(s);
        return s;
    }

    static KernelException failure(SyscallException e) {
        return NetlinkCalls.failure(e);
    }

    private static final class KernelListener implements Listener {
        private final LabNamespace ns;
        private final int port;
        private final TcpSocket socket;

        KernelListener(LabNamespace ns, int port, TcpSocket socket) {
            this.ns = ns;
            this.port = port;
            this.socket = socket;
        }

        @Override
        public String namespace() {
            return ns.name;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public Optional<Connection> accept() throws KernelException {
            if (socket.isClosed()) {
                throw new KernelException(Errno.EINVAL);
            }
            Optional<TcpSocket> c;
            try {
                c = socket.accept(SETTLE_MILLIS);
            } catch (SyscallException e) {
                throw failure(e);
            }
            if (c.isEmpty()) {
                return Optional.empty();
            }
            if (!ns.keep(c.get())) {
                throw new KernelException(Errno.EINVAL); // the lab closed meanwhile
            }
            try {
                return Optional.of(new KernelConnection(ns, c.get()));
            } catch (KernelException e) {
                ns.forget(c.get());
                throw e;
            }
        }

        @Override
        public void close() {
            ns.forget(socket);
        }
    }

    private static final class KernelConnection implements Connection {
        private final LabNamespace ns;
        private final TcpSocket socket;
        private final Ipv4Address localAddress;
        private final int localPort;
        private final Ipv4Address remoteAddress;
        private final int remotePort;

        KernelConnection(LabNamespace ns, TcpSocket socket) throws KernelException {
            this.ns = ns;
            this.socket = socket;
            try {
                byte[] local = socket.localName();
                byte[] peer = socket.peerName();
                this.localAddress = Ipv4Address.fromBytes(TcpSocket.address(local), 0);
                this.localPort = TcpSocket.port(local);
                this.remoteAddress = Ipv4Address.fromBytes(TcpSocket.address(peer), 0);
                this.remotePort = TcpSocket.port(peer);
            } catch (SyscallException e) {
                throw failure(e);
            }
        }

        @Override
        public String namespace() {
            return ns.name;
        }

        @Override
        public Ipv4Address localAddress() {
            return localAddress;
        }

        @Override
        public int localPort() {
            return localPort;
        }

        @Override
        public Ipv4Address remoteAddress() {
            return remoteAddress;
        }

        @Override
        public int remotePort() {
            return remotePort;
        }

        @Override
        public void send(byte[] data) throws KernelException {
            try {
                socket.send(data.clone(), ACK_MILLIS);
            } catch (SyscallException e) {
                if (e.errno() == SyscallException.EAGAIN) {
                    return; // queued as far as the peer's window lets it: the rest is TCP's to deliver
                }
                throw failure(e);
            }
        }

        @Override
        public byte[] receive() throws KernelException {
            try {
                return socket.receive(SETTLE_MILLIS);
            } catch (SyscallException e) {
                throw failure(e);
            }
        }

        @Override
        public boolean peerClosed() {
            try {
                return socket.peerClosed(SETTLE_MILLIS);
            } catch (SyscallException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            socket.closeGracefully(ACK_MILLIS);
            ns.forget(socket);
        }
    }
}
