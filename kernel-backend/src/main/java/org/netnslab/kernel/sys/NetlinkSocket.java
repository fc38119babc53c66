package org.netnslab.kernel.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.IntByReference;

/**
 * A netlink socket ({@code AF_NETLINK}, {@code SOCK_RAW}) bound to the namespace of the thread that opened it,
 * for good: it may then be used from any thread. It asks for extended acks ({@code NETLINK_EXT_ACK}) and for
 * errors that do not echo the whole request ({@code NETLINK_CAP_ACK}). Receiving waits at most
 * {@link #RECEIVE_TIMEOUT_SECONDS}, so that no request can hang a lab.
 */
public final class NetlinkSocket implements AutoCloseable {

    private static final int EAGAIN = 11;
    /** What a monitor's queue holds before the kernel drops notifications: the changes of a thousand links. */
    private static final int MONITOR_QUEUE = 16 << 20;

    public static final int RECEIVE_TIMEOUT_SECONDS = 10;
    /** A dump's datagram is at most 32 KiB ({@code netlink_recvmsg} caps {@code max_recvmsg_len}); one answer less. */
    private static final int BUFFER = 64 * 1024;
    /**
     * In native memory, one a thread, shared by the sockets it reads: jnr would copy a whole Java array out
     * after every call, and a lab of a thousand namespaces has thousands of sockets.
     */
    private static final ThreadLocal<Pointer> BUFFERS = ThreadLocal.withInitial(
            () -> Memory.allocateDirect(Runtime.getRuntime(Native.libc()), BUFFER));

    private final int fd;
    private final int portId;
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    private NetlinkSocket(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /** Opens a socket of a netlink protocol in the calling thread's network namespace. */
    public static NetlinkSocket open(int protocol) throws SyscallException {
        return open(protocol, 0);
    }

    /**
     * Opens a socket that hears the notifications of these multicast groups ({@code RTMGRP_*}, a bit each), in
     * the calling thread's namespace, with a receive queue deep enough for the changes of a large lab.
     */
    public static NetlinkSocket openMonitor(int protocol, int groups) throws SyscallException {
        NetlinkSocket s = open(protocol, groups);
        try {
            try {
                Sockets.setInt(s.fd, Constants.SOL_SOCKET, Constants.SO_RCVBUFFORCE, MONITOR_QUEUE);
            } catch (SyscallException e) {
                Sockets.setInt(s.fd, Constants.SOL_SOCKET, Constants.SO_RCVBUF, MONITOR_QUEUE);
            }
        } catch (SyscallException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static NetlinkSocket open(int protocol, int groups) throws SyscallException {
        LibC c = Native.libc();
        int fd = Native.check("socket(AF_NETLINK)",
                c.socket(Constants.AF_NETLINK, Constants.SOCK_RAW | Constants.SOCK_CLOEXEC, protocol));
        try {
            Sockets.setInt(fd, Constants.SOL_NETLINK, Constants.NETLINK_EXT_ACK, 1);
            Sockets.setInt(fd, Constants.SOL_NETLINK, Constants.NETLINK_CAP_ACK, 1);
            Sockets.setInt(fd, Constants.SOL_SOCKET, Constants.SO_RCVBUF, 1 << 20);
            Sockets.setTimeout(fd, Constants.SO_RCVTIMEO, RECEIVE_TIMEOUT_SECONDS * 1000L);
            byte[] addr = sockaddrNl(0, groups);
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
    private static byte[] sockaddrNl(int pid, int groups) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .putShort((short) Constants.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(groups).array();
    }

    /**
     * Has the kernel check this socket's dump requests strictly ({@code NETLINK_GET_STRICT_CHK}), as iproute2
     * does: then a dump may be asked for one link's addresses, or one link's routes of one table.
     */
    public void checkDumpsStrictly() throws SyscallException {
        Sockets.setInt(fd, Constants.SOL_NETLINK, Constants.NETLINK_GET_STRICT_CHK, 1);
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
        byte[] kernel = sockaddrNl(0, 0);
        long n = Native.check("sendto(AF_NETLINK)",
                Native.libc().sendto(fd, message, message.length, 0, kernel, kernel.length));
        if (n != message.length) {
            throw new SyscallException("sendto(AF_NETLINK) short", 0);
        }
    }

    /** Receives one datagram: one or more messages, in host byte order. */
    public ByteBuffer receive() throws SyscallException {
        return receive(0);
    }

    /**
     * Receives one datagram if one is waiting, without waiting; null when none is. A queue that overflowed
     * ({@code ENOBUFS}: notifications were lost) throws, for the caller to read the whole state again.
     */
    public ByteBuffer receiveNow() throws SyscallException {
        try {
            return receive(Constants.MSG_DONTWAIT);
        } catch (SyscallException e) {
            if (e.errno() == EAGAIN) {
                return null;
            }
            throw e;
        }
    }

    /** Waits until one of the sockets has something to read, at most {@code millis}; whether one has. */
    public static boolean awaitAny(List<NetlinkSocket> sockets, int millis) throws SyscallException {
        ByteBuffer fds = ByteBuffer.allocate(8 * sockets.size()).order(ByteOrder.nativeOrder());
        for (NetlinkSocket s : sockets) {
            fds.putInt(s.fd).putShort(Constants.POLLIN).putShort((short) 0);
        }
        byte[] bytes = fds.array();
        int n;
        while (true) {
            n = Native.libc().poll(bytes, sockets.size(), millis);
            if (n >= 0 || Native.errno() != SyscallException.EINTR) {
                break;
            }
        }
        return Native.check("poll(AF_NETLINK)", n) > 0;
    }

    private ByteBuffer receive(int flags) throws SyscallException {
        byte[] from = new byte[12];
        IntByReference fromLen = new IntByReference(from.length);
        Pointer buffer = BUFFERS.get();
        long n;
        while (true) {
            n = Native.libc().recvfrom(fd, buffer, BUFFER, Constants.MSG_TRUNC | flags, from, fromLen);
            if (n >= 0) {
                break;
            }
            int errno = Native.errno();
            if (errno != SyscallException.EINTR) {
                throw new SyscallException("recvfrom(AF_NETLINK)", errno);
            }
        }
        if (n > BUFFER) {
            throw new SyscallException("recvfrom(AF_NETLINK) truncated", 0);
        }
        byte[] bytes = new byte[(int) n];
        buffer.get(0, bytes, 0, bytes.length);
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
