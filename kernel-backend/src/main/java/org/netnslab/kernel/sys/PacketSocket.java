package org.netnslab.kernel.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import jnr.ffi.byref.IntByReference;

/**
 * A packet socket of the namespace of the thread that opened it: {@code socket(AF_PACKET, SOCK_RAW,
 * htons(ETH_P_ALL))}, what libpcap opens for tcpdump, bound to one device or to all of them, and reading
 * without blocking. Each frame comes with its {@code sockaddr_ll} (the device, and whether it was sent) and the
 * moment the kernel stamped it ({@code SIOCGSTAMP}).
 */
public final class PacketSocket implements AutoCloseable {

    private static final int AF_PACKET = 17;
    private static final int ETH_P_ALL = 0x0003;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_ADD_MEMBERSHIP = 1;
    private static final int PACKET_MR_PROMISC = 1;
    private static final int PACKET_OUTGOING = 4;
    private static final long SIOCGSTAMP = 0x8906;
    private static final int MSG_DONTWAIT = 0x40;

    /** One frame read. @param micros when the kernel stamped it, since the epoch */
    public record Frame(long micros, int ifindex, boolean outgoing, byte[] data) {}

    private final int fd;
    private boolean closed;

    private PacketSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Opens and binds the socket; {@code ifindex} 0 is every device. A socket bound to one device makes it
     * promiscuous while it is open ({@code PACKET_MR_PROMISC}), as tcpdump does without {@code -p}.
     */
    public static PacketSocket open(int ifindex) throws SyscallException {
        int protocol = Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL));
        PacketSocket s = new PacketSocket(Native.check("socket(AF_PACKET, SOCK_RAW, ETH_P_ALL)",
                Native.libc().socket(AF_PACKET, Constants.SOCK_RAW | Constants.SOCK_CLOEXEC, protocol)));
        try {
            ByteBuffer sll = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
            sll.putShort((short) AF_PACKET);
            sll.order(ByteOrder.BIG_ENDIAN).putShort((short) ETH_P_ALL);
            sll.order(ByteOrder.nativeOrder()).putInt(ifindex);
            Native.check("bind(sockaddr_ll)", Native.libc().bind(s.fd, sll.array(), 20));
            if (ifindex != 0) {
                byte[] mreq = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putInt(ifindex)
                        .putShort((short) PACKET_MR_PROMISC).putShort((short) 0).array();
                Native.check("setsockopt(PACKET_ADD_MEMBERSHIP)",
                        Native.libc().setsockopt(s.fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, mreq, mreq.length));
            }
            // the first SIOCGSTAMP turns the socket's timestamps on (sock_enable_timestamp); until then the
            // kernel stamps no frame for it and answers ENOENT, or the moment of asking
            Native.libc().ioctl(s.fd, SIOCGSTAMP, new byte[16]);
            return s;
        } catch (SyscallException e) {
            s.close();
            throw e;
        }
    }

    /**
     * A packet socket of no protocol, which receives nothing, with its timestamps on: while it is open the
     * kernel stamps every frame as it passes ({@code netstamp_needed_key}), so that the sockets of a capture
     * opened just before a packet are sure to have its moment. The key is turned on by a work queue, after a
     * while; a socket that holds it from the lab's start spares each capture that wait.
     */
    public static PacketSocket stamping() throws SyscallException {
        PacketSocket s = new PacketSocket(Native.check("socket(AF_PACKET, SOCK_RAW, 0)",
                Native.libc().socket(AF_PACKET, Constants.SOCK_RAW | Constants.SOCK_CLOEXEC, 0)));
        Native.libc().ioctl(s.fd, SIOCGSTAMP, new byte[16]);
        return s;
    }

    /** The next frame that waits, or null when none does ({@code EAGAIN}). */
    public synchronized Frame read() throws SyscallException {
        if (closed) {
            return null;
        }
        byte[] buf = new byte[65536];
        byte[] from = new byte[20];
        IntByReference fromLen = new IntByReference(from.length);
        long n = Native.libc().recvfrom(fd, buf, buf.length, MSG_DONTWAIT, from, fromLen);
        if (n < 0) {
            int errno = Native.errno();
            if (errno == SyscallException.EAGAIN || errno == SyscallException.EINTR) {
                return null;
            }
            throw new SyscallException("recvfrom", errno);
        }
        ByteBuffer sll = ByteBuffer.wrap(from).order(ByteOrder.nativeOrder());
        int ifindex = sll.getInt(4);
        int pkttype = from[10] & 0xff;
        byte[] tv = new byte[16];
        long micros;
        if (Native.libc().ioctl(fd, SIOCGSTAMP, tv) == 0) {
            ByteBuffer t = ByteBuffer.wrap(tv).order(ByteOrder.nativeOrder());
            micros = t.getLong(0) * 1_000_000L + t.getLong(8);
        } else {
            micros = System.currentTimeMillis() * 1000;
        }
        return new Frame(micros, ifindex, pkttype == PACKET_OUTGOING, Arrays.copyOf(buf, (int) n));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
