package org.netnslab.kernel.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * A packet socket of the namespace of the thread that opened it: {@code socket(AF_PACKET, SOCK_RAW,
 * htons(ETH_P_ALL))}, what libpcap opens for tcpdump, bound to one device or to all of them, and reading
 * without blocking. Each frame comes with its {@code sockaddr_ll} (the device, and whether it was sent), the
 * moment the kernel stamped it ({@code SIOCGSTAMP}) and its {@code PACKET_AUXDATA} (whether the frame's
 * checksum is still the device's to fill). Read with {@code recvmsg} into native buffers of its own.
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
    private static final int PACKET_AUXDATA = 8;
    private static final int TP_STATUS_CSUMNOTREADY = 1 << 3;
    private static final int SNAP = 65536;
    private static final int SOCKADDR_LL = 20;
    private static final int CONTROL = 64;
    /** {@code struct msghdr} on x86-64 and arm64: name, namelen, iov, iovlen, control, controllen, flags. */
    private static final int MSGHDR = 56;

    /**
     * One frame read.
     *
     * @param micros when the kernel stamped it, since the epoch
     * @param checksumNotReady {@code TP_STATUS_CSUMNOTREADY}: its TCP or UDP checksum is only the pseudo-header's,
     *     the rest left to the device ({@code CHECKSUM_PARTIAL}), as tcpdump shows it ("incorrect")
     */
    public record Frame(long micros, int ifindex, boolean outgoing, boolean checksumNotReady, byte[] data) {}

    private final int fd;
    private Pointer data;
    private Pointer name;
    private Pointer control;
    private Pointer msg;
    private boolean closed;

    private PacketSocket(int fd) {
        this.fd = fd;
    }

    /** The native buffers {@code recvmsg} reads into, made once for the socket's life. */
    private void buffers() {
        Runtime rt = Runtime.getRuntime(Native.libc());
        data = Memory.allocateDirect(rt, SNAP);
        name = Memory.allocateDirect(rt, SOCKADDR_LL);
        control = Memory.allocateDirect(rt, CONTROL);
        Pointer iov = Memory.allocateDirect(rt, 16);
        iov.putAddress(0, data.address());
        iov.putLong(8, SNAP);
        msg = Memory.allocateDirect(rt, MSGHDR);
        msg.putAddress(0, name.address());
        msg.putAddress(16, iov.address());
        msg.putLong(24, 1);
        msg.putAddress(32, control.address());
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
            byte[] on = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(1).array();
            Native.check("setsockopt(PACKET_AUXDATA)",
                    Native.libc().setsockopt(s.fd, SOL_PACKET, PACKET_AUXDATA, on, on.length));
            s.buffers();
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
        if (closed || msg == null) {
            return null;
        }
        msg.putInt(8, SOCKADDR_LL);
        msg.putLong(40, CONTROL);
        msg.putInt(48, 0);
        long n = Native.libc().recvmsg(fd, msg, MSG_DONTWAIT);
        if (n < 0) {
            int errno = Native.errno();
            if (errno == SyscallException.EAGAIN || errno == SyscallException.EINTR) {
                return null;
            }
            throw new SyscallException("recvmsg", errno);
        }
        byte[] from = new byte[SOCKADDR_LL];
        name.get(0, from, 0, from.length);
        ByteBuffer sll = ByteBuffer.wrap(from).order(ByteOrder.nativeOrder());
        int ifindex = sll.getInt(4);
        int pkttype = from[10] & 0xff;
        int status = auxStatus(msg.getLong(40));
        byte[] tv = new byte[16];
        long micros;
        if (Native.libc().ioctl(fd, SIOCGSTAMP, tv) == 0) {
            ByteBuffer t = ByteBuffer.wrap(tv).order(ByteOrder.nativeOrder());
            micros = t.getLong(0) * 1_000_000L + t.getLong(8);
        } else {
            micros = System.currentTimeMillis() * 1000;
        }
        byte[] frame = new byte[(int) Math.min(n, SNAP)];
        data.get(0, frame, 0, frame.length);
        return new Frame(micros, ifindex, pkttype == PACKET_OUTGOING, (status & TP_STATUS_CSUMNOTREADY) != 0, frame);
    }

    /** {@code tp_status} of the {@code PACKET_AUXDATA} control message, 0 when there is none. */
    private int auxStatus(long length) {
        long at = 0;
        while (at + 16 <= length) {
            long len = control.getLong(at);
            if (len < 16) {
                break;
            }
            if (control.getInt(at + 8) == SOL_PACKET && control.getInt(at + 12) == PACKET_AUXDATA && len >= 20) {
                return control.getInt(at + 16);
            }
            at += (len + 7) & ~7L;
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
