package org.netnslab.kernel.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import jnr.ffi.byref.IntByReference;

/**
 * A netlink socket ({@code AF_NETLINK}, {@code SOCK_RAW}) bound to the namespace of the thread that opened it,
 * for good: it may then be used from any thread. It asks for extended acks ({@code NETLINK_EXT_ACK}) and for
 * errors that do not echo the whole request ({@code NETLINK_CAP_ACK}). Receiving waits at most
 * {@link #RECEIVE_TIMEOUT_SECONDS}, so that no request can hang a lab.
 */
public final class NetlinkSocket implements AutoCloseable {

    public static final int RECEIVE_TIMEOUT_SECONDS = 10;
    private static final int BUFFER = 256 * 1024;

    private final int fd;
    private final int portId;
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private final byte[] buffer = new byte[BUFFER];
    private boolean closed;

    private NetlinkSocket(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /** Opens a socket of a netlink protocol in the calling thread's network namespace. */
    public static NetlinkSocket open(int protocol) throws SyscallException {
        LibC c = Native.libc();
        int fd = Native.check("socket(AF_NETLINK)",
                c.socket(Constants.AF_NETLINK, Constants.SOCK_RAW | Constants.SOCK_CLOEXEC, protocol));
        try {
            Sockets.setInt(fd, Constants.SOL_NETLINK, Constants.NETLINK_EXT_ACK, 1);
            Sockets.setInt(fd, Constants.SOL_NETLINK, Constants.NETLINK_CAP_ACK, 1);
            Sockets.setInt(fd, Constants.SOL_SOCKET, Constants.SO_RCVBUF, 1 << 20);
            Sockets.setTimeout(fd, Constants.SO_RCVTIMEO, RECEIVE_TIMEOUT_SECONDS * 1000L);
            byte[] addr = sockaddrNl(0);
            Native.check("bind(AF_NETLINK)", c.bind(fd, addr, addr.length));
            byte[] bound = new byte[12];
            IntByReference len = new IntByReference(bound.length);
            Native.check("getsockname(AF_NETLINK)", c.getsockname(fd, bound, len));
            int port = ByteBuffer.wrap(bound).order(ByteOrder.nativeOrder()).getInt(4);
            return new NetlinkSocket(fd, port);
        } catch (SyscallException e) {
            c.close(fd);
            throw e;
        }
    }

    /** {@code struct sockaddr_nl}: family, padding, port id, groups. */
    private static byte[] sockaddrNl(int pid) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .putShort((short) Constants.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(0).array();
    }

    /** The port id the kernel gave this socket: the {@code nlmsg_pid} of its answers. */
    public int portId() {
        return portId;
    }

    /** A fresh sequence number for a request. */
    public int nextSeq() {
        seq = (seq + 1) & 0x7fffffff;
        return seq;
    }

    /** Sends one datagram to the kernel. */
    public void send(byte[] message) throws SyscallException {
        byte[] kernel = sockaddrNl(0);
        long n = Native.check("sendto(AF_NETLINK)",
                Native.libc().sendto(fd, message, message.length, 0, kernel, kernel.length));
        if (n != message.length) {
            throw new SyscallException("sendto(AF_NETLINK) short", 0);
        }
    }

    /** Receives one datagram: one or more messages, in host byte order. */
    public ByteBuffer receive() throws SyscallException {
        byte[] from = new byte[12];
        IntByReference fromLen = new IntByReference(from.length);
        long n;
        while (true) {
            n = Native.libc().recvfrom(fd, buffer, buffer.length, Constants.MSG_TRUNC, from, fromLen);
            if (n >= 0) {
                break;
            }
            int errno = Native.errno();
            if (errno != SyscallException.EINTR) {
                throw new SyscallException("recvfrom(AF_NETLINK)", errno);
            }
        }
        if (n > buffer.length) {
            throw new SyscallException("recvfrom(AF_NETLINK) truncated", 0);
        }
        return ByteBuffer.wrap(Arrays.copyOf(buffer, (int) n)).order(ByteOrder.nativeOrder());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
