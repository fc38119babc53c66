package org.netnslab.kernel.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jnr.ffi.byref.IntByReference;

/**
 * An IPv4 socket bound to the namespace of the thread that opened it: the raw ICMP socket ping sends its
 * echo requests on, or the UDP socket it connects to learn the route and the source address.
 */
public final class InetSocket implements AutoCloseable {

    private final int fd;
    private boolean closed;

    private InetSocket(int fd) {
        this.fd = fd;
    }

    /** {@code socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)}: what ping opens as root. */
    public static InetSocket rawIcmp() throws SyscallException {
        return new InetSocket(Native.check("socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)", Native.libc().socket(
                Constants.AF_INET, Constants.SOCK_RAW | Constants.SOCK_CLOEXEC, Constants.IPPROTO_ICMP)));
    }

    /** {@code socket(AF_INET, SOCK_DGRAM, 0)}: ping's probe, connected to find the source address. */
    public static InetSocket udp() throws SyscallException {
        return new InetSocket(Native.check("socket(AF_INET, SOCK_DGRAM)",
                Native.libc().socket(Constants.AF_INET, Constants.SOCK_DGRAM | Constants.SOCK_CLOEXEC, 0)));
    }

    /** {@code SO_BINDTODEVICE}: ping's {@code -I DEV}. */
    public void bindToDevice(String device) throws SyscallException {
        byte[] name = device.getBytes(StandardCharsets.UTF_8);
        byte[] v = Arrays.copyOf(name, name.length + 1);
        Native.check("setsockopt(SO_BINDTODEVICE)",
                Native.libc().setsockopt(fd, Constants.SOL_SOCKET, Constants.SO_BINDTODEVICE, v, v.length));
    }

    /** {@code IP_TTL}: ping's {@code -t TTL}. */
    public void setTtl(int ttl) throws SyscallException {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(ttl).array();
        Native.check("setsockopt(IP_TTL)",
                Native.libc().setsockopt(fd, Constants.IPPROTO_IP, Constants.IP_TTL, v, v.length));
    }

    /** {@code IP_MTU_DISCOVER} of {@code IP_PMTUDISC_DO}: ping's {@code -M do}, no fragment ever. */
    public void dontFragment() throws SyscallException {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(Constants.IP_PMTUDISC_DO).array();
        Native.check("setsockopt(IP_MTU_DISCOVER)",
                Native.libc().setsockopt(fd, Constants.IPPROTO_IP, Constants.IP_MTU_DISCOVER, v, v.length));
    }

    /** {@code IP_MTU} of a connected socket: the mtu of its route, as the kernel knows the path. */
    public int pathMtu() throws SyscallException {
        byte[] v = new byte[4];
        Native.check("getsockopt(IP_MTU)", Native.libc().getsockopt(fd, Constants.IPPROTO_IP, Constants.IP_MTU, v,
                new jnr.ffi.byref.IntByReference(4)));
        return ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt();
    }

    /** {@code ICMP_FILTER}: the ICMP types this raw socket receives; the others are filtered out. */
    public void acceptIcmpTypes(int... types) throws SyscallException {
        int mask = ~0;
        for (int t : types) {
            mask &= ~(1 << t);
        }
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(mask).array();
        Native.check("setsockopt(ICMP_FILTER)",
                Native.libc().setsockopt(fd, Constants.SOL_RAW, Constants.ICMP_FILTER, v, v.length));
    }

    /** {@code connect}: for a UDP socket, picks the route and the source address, or fails as ping's does. */
    public void connect(byte[] address, int port) throws SyscallException {
        byte[] sa = Sockets.sockaddrIn(address, port);
        Native.check("connect", Native.libc().connect(fd, sa, sa.length));
    }

    /** {@code bind}: the socket's source address ({@code ping -I ADDR}), any port. */
    public void bind(byte[] address) throws SyscallException {
        byte[] sa = Sockets.sockaddrIn(address, 0);
        Native.check("bind", Native.libc().bind(fd, sa, sa.length));
    }

    /** The local address, as {@code getsockname} gives it. */
    public byte[] localAddress() throws SyscallException {
        byte[] sa = new byte[16];
        IntByReference len = new IntByReference(sa.length);
        Native.check("getsockname", Native.libc().getsockname(fd, sa, len));
        return Arrays.copyOfRange(sa, 4, 8);
    }

    public void sendTo(byte[] data, byte[] address) throws SyscallException {
        byte[] sa = Sockets.sockaddrIn(address, 0);
        Native.check("sendto", Native.libc().sendto(fd, data, data.length, 0, sa, sa.length));
    }

    /**
     * Waits up to the given time for a datagram. For a raw socket it starts with the IP header.
     *
     * @return its length, or -1 when nothing came in time
     */
    public int receive(byte[] buffer, long timeoutMillis) throws SyscallException {
        byte[] pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                .putInt(fd).putShort(Constants.POLLIN).putShort((short) 0).array();
        int ready = Native.libc().poll(pollfd, 1, (int) Math.max(0, Math.min(Integer.MAX_VALUE, timeoutMillis)));
        if (ready < 0) {
            int errno = Native.errno();
            if (errno == SyscallException.EINTR) {
                return -1;
            }
            throw new SyscallException("poll", errno);
        }
        if (ready == 0) {
            return -1;
        }
        byte[] from = new byte[16];
        IntByReference fromLen = new IntByReference(from.length);
        long n = Native.libc().recvfrom(fd, buffer, buffer.length, Constants.MSG_DONTWAIT, from, fromLen);
        if (n < 0) {
            int errno = Native.errno();
            if (errno == SyscallException.EAGAIN || errno == SyscallException.EINTR) {
                return -1;
            }
            throw new SyscallException("recvfrom", errno);
        }
        return (int) n;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
