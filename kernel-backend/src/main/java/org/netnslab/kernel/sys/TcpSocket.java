package org.netnslab.kernel.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import jnr.ffi.byref.IntByReference;

/**
 * A TCP socket ({@code AF_INET}, {@code SOCK_STREAM}), bound for good to the namespace of the thread that
 * opened it, and usable from any thread after: what {@code nc} holds. It never blocks ({@code SOCK_NONBLOCK}):
 * every wait is a {@code poll} with a bound. Each call holds the socket's lock, so that no call can reach a
 * descriptor number that {@link #close()} gave back and the kernel gave to someone else.
 */
public final class TcpSocket implements AutoCloseable {

    public static final int EINPROGRESS = 115;
    public static final int ETIMEDOUT = 110;
    public static final int EPIPE = 32;
    public static final int ENOTCONN = 107;
    public static final int EINVAL = 22;
    private static final int ECONNABORTED = 103;

    private static final int CHUNK = 64 * 1024;

    private final int fd;
    private boolean closed;
    /** An error {@code recv} reported while data was being returned: the next {@link #receive} throws it. */
    private int pendingError;

    private TcpSocket(int fd) {
        this.fd = fd;
    }

    /** {@code socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)}, in the calling thread's namespace. */
    public static TcpSocket open() throws SyscallException {
        return new TcpSocket(Native.check("socket(AF_INET, SOCK_STREAM)", Native.libc().socket(Constants.AF_INET,
                Constants.SOCK_STREAM | Constants.SOCK_NONBLOCK | Constants.SOCK_CLOEXEC, 0)));
    }

    /**
     * What {@code nc -l -p PORT} does before it waits, in the calling thread's namespace: {@code socket},
     * {@code SO_REUSEADDR}, {@code bind(0.0.0.0:PORT)}, {@code listen(BACKLOG)}. The socket is closed again
     * when one of them fails.
     */
    public static TcpSocket listening(int port, int backlog) throws SyscallException {
        TcpSocket s = open();
        try {
            Sockets.setInt(s.fd, Constants.SOL_SOCKET, Constants.SO_REUSEADDR, 1);
            byte[] any = Sockets.sockaddrIn(new byte[4], port);
            Native.check("bind", Native.libc().bind(s.fd, any, any.length));
            Native.check("listen", Native.libc().listen(s.fd, backlog));
            return s;
        } catch (SyscallException e) {
            s.close();
            throw e;
        }
    }

    /**
     * {@code connect}, waiting at most {@code timeoutMillis} for the handshake: returns once it is done, or
     * throws the connection's error ({@code SO_ERROR}), or {@link #ETIMEDOUT} when the time is up.
     */
    public synchronized void connect(byte[] address, int port, long timeoutMillis) throws SyscallException {
        ensureOpen();
        byte[] sa = Sockets.sockaddrIn(address, port);
        if (Native.libc().connect(fd, sa, sa.length) == 0) {
            return;
        }
        int errno = Native.errno();
        if (errno != EINPROGRESS) {
            throw new SyscallException("connect", errno);
        }
        int revents = poll((short) Constants.POLLOUT, timeoutMillis);
        if (revents == 0) {
            throw new SyscallException("connect (our time limit)", ETIMEDOUT);
        }
        int error = socketError();
        if (error != 0) {
            throw new SyscallException("connect", error);
        }
    }

    /**
     * {@code accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)} after waiting up to {@code settleMillis}
     * for a connection to be ready; empty when none is ({@code EAGAIN}).
     */
    public synchronized Optional<TcpSocket> accept(long settleMillis) throws SyscallException {
        ensureOpen();
        poll(Constants.POLLIN, settleMillis);
        while (true) {
            int c = Native.libc().accept4(fd, null, null, Constants.SOCK_NONBLOCK | Constants.SOCK_CLOEXEC);
            if (c >= 0) {
                return Optional.of(new TcpSocket(c));
            }
            int errno = Native.errno();
            if (errno == SyscallException.EAGAIN) {
                return Optional.empty();
            }
            if (errno != SyscallException.EINTR && errno != ECONNABORTED) {
                throw new SyscallException("accept4", errno);
            }
        }
    }

    /** {@code getsockname}: the local {@code struct sockaddr_in}, 16 bytes. */
    public synchronized byte[] localName() throws SyscallException {
        ensureOpen();
        byte[] sa = new byte[16];
        Native.check("getsockname", Native.libc().getsockname(fd, sa, new IntByReference(sa.length)));
        return sa;
    }

    /** {@code getpeername}: the peer's {@code struct sockaddr_in}, 16 bytes. */
    public synchronized byte[] peerName() throws SyscallException {
        ensureOpen();
        byte[] sa = new byte[16];
        Native.check("getpeername", Native.libc().getpeername(fd, sa, new IntByReference(sa.length)));
        return sa;
    }

    /** The address of a {@code struct sockaddr_in}. */
    public static byte[] address(byte[] sockaddr) {
        return Arrays.copyOfRange(sockaddr, 4, 8);
    }

    /** The port of a {@code struct sockaddr_in}. */
    public static int port(byte[] sockaddr) {
        return ((sockaddr[2] & 0xff) << 8) | (sockaddr[3] & 0xff);
    }

    /**
     * {@code send(fd, DATA, len, MSG_DONTWAIT | MSG_NOSIGNAL)} until all is queued, then waits, at most
     * {@code settleMillis} in all, until the peer has acknowledged every byte ({@code SIOCOUTQ} is 0): what was
     * sent is in the peer's receive queue when this returns, unless it was lost (TCP retransmits it later).
     */
    public synchronized void send(byte[] data, long settleMillis) throws SyscallException {
        if (closed) {
            throw new SyscallException("send", EPIPE);
        }
        long deadline = System.nanoTime() + settleMillis * 1_000_000L;
        int off = 0;
        while (off < data.length) {
            byte[] rest = off == 0 ? data : Arrays.copyOfRange(data, off, data.length);
            long n = Native.libc().send(fd, rest, rest.length, Constants.MSG_DONTWAIT | Constants.MSG_NOSIGNAL);
            if (n >= 0) {
                off += (int) n;
                continue;
            }
            int errno = Native.errno();
            if (errno == SyscallException.EINTR) {
                continue;
            }
            if (errno != SyscallException.EAGAIN) {
                throw new SyscallException("send", errno);
            }
            if (poll(Constants.POLLOUT, millisLeft(deadline)) == 0) {
                throw new SyscallException("send (our time limit: the peer reads nothing)", SyscallException.EAGAIN);
            }
        }
        awaitAcknowledged(deadline);
    }

    /**
     * Waits up to {@code settleMillis} for something to read, then {@code recv(fd, buf, len, MSG_DONTWAIT)}
     * until {@code EAGAIN} or the end of the stream: every byte that has arrived and was not read yet. An
     * error {@code recv} reports is thrown when there is no data before it; else it waits for the next call.
     */
    public synchronized byte[] receive(long settleMillis) throws SyscallException {
        if (closed) {
            throw new SyscallException("recv", ENOTCONN);
        }
        if (pendingError != 0) {
            int e = pendingError;
            pendingError = 0;
            throw new SyscallException("recv", e);
        }
        poll((short) (Constants.POLLIN | Constants.POLLRDHUP), settleMillis);
        ByteBuffer out = ByteBuffer.allocate(0);
        byte[] buf = new byte[CHUNK];
        while (true) {
            long n = Native.libc().recv(fd, buf, buf.length, Constants.MSG_DONTWAIT);
            if (n > 0) {
                ByteBuffer grown = ByteBuffer.allocate(out.capacity() + (int) n);
                grown.put(out.array()).put(buf, 0, (int) n);
                out = grown;
                continue;
            }
            if (n == 0) {
                break;
            }
            int errno = Native.errno();
            if (errno == SyscallException.EINTR) {
                continue;
            }
            if (errno == SyscallException.EAGAIN) {
                break;
            }
            if (out.capacity() == 0) {
                throw new SyscallException("recv", errno);
            }
            pendingError = errno;
            break;
        }
        return out.array();
    }

    /**
     * Whether the peer closed its side (its FIN, or a reset, arrived: {@code POLLRDHUP}), after waiting up to
     * {@code settleMillis} for it.
     */
    public synchronized boolean peerClosed(long settleMillis) throws SyscallException {
        if (closed) {
            return false;
        }
        int revents = poll(Constants.POLLRDHUP, settleMillis);
        return (revents & (Constants.POLLRDHUP | Constants.POLLHUP)) != 0;
    }

    /**
     * Closes as {@code nc} does, and waits until the peer has it: when data arrived that was never read,
     * {@code close} at once (the kernel answers with a RST); else {@code shutdown(SHUT_WR)}, then up to
     * {@code settleMillis} for the peer to acknowledge the FIN, then {@code close}.
     */
    public synchronized void closeGracefully(long settleMillis) {
        if (closed) {
            return;
        }
        IntByReference inq = new IntByReference(0);
        boolean unread = Native.libc().ioctl(fd, Constants.SIOCINQ, inq) == 0 && inq.intValue() > 0;
        if (!unread && Native.libc().shutdown(fd, Constants.SHUT_WR) == 0) {
            try {
                awaitAcknowledged(System.nanoTime() + settleMillis * 1_000_000L);
            } catch (SyscallException e) {
                // closed below all the same
            }
        }
        close();
    }

    /** {@code close(fd)}. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void ensureOpen() throws SyscallException {
        if (closed) {
            throw new SyscallException("closed socket", EINVAL);
        }
    }

    /** Until nothing is left unacknowledged ({@code SIOCOUTQ}: bytes, and the FIN, not yet acknowledged). */
    private void awaitAcknowledged(long deadline) throws SyscallException {
        IntByReference outq = new IntByReference(0);
        while (true) {
            Native.check("ioctl(SIOCOUTQ)", Native.libc().ioctl(fd, Constants.SIOCOUTQ, outq));
            if (outq.intValue() == 0 || System.nanoTime() >= deadline) {
                return;
            }
            // no event says "acknowledged": look again shortly (over a veth it takes microseconds)
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }

    private int socketError() throws SyscallException {
        byte[] v = new byte[4];
        Native.check("getsockopt(SO_ERROR)",
                Native.libc().getsockopt(fd, Constants.SOL_SOCKET, Constants.SO_ERROR, v, new IntByReference(4)));
        return ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt();
    }

    private static long millisLeft(long deadline) {
        return Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
    }

    /** {@code poll} on this socket, retried on {@code EINTR} until the time is up: the events that came, or 0. */
    private int poll(short events, long timeoutMillis) throws SyscallException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            byte[] pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                    .putInt(fd).putShort(events).putShort((short) 0).array();
            int left = (int) Math.min(Integer.MAX_VALUE, millisLeft(deadline));
            int ready = Native.libc().poll(pollfd, 1, left);
            if (ready > 0) {
                return ByteBuffer.wrap(pollfd).order(ByteOrder.nativeOrder()).getShort(6) & 0xffff;
            }
            if (ready == 0) {
                return 0;
            }
            int errno = Native.errno();
            if (errno != SyscallException.EINTR) {
                throw new SyscallException("poll", errno);
            }
            if (left == 0) {
                return 0;
            }
        }
    }
}
