package org.netnslab.kernel.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Socket options, as the kernel wants their values laid out. */
final class Sockets {

    private Sockets() {}

    static void setInt(int fd, int level, int option, int value) throws SyscallException {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        Native.check("setsockopt(" + level + ", " + option + ")", Native.libc().setsockopt(fd, level, option, v, 4));
    }

    /** {@code SO_RCVTIMEO}, {@code SO_SNDTIMEO}: a {@code struct timeval} of two longs. */
    static void setTimeout(int fd, int option, long millis) throws SyscallException {
        byte[] v = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putLong(millis / 1000).putLong((millis % 1000) * 1000).array();
        Native.check("setsockopt(SOL_SOCKET, " + option + ")",
                Native.libc().setsockopt(fd, Constants.SOL_SOCKET, option, v, v.length));
    }

    /** {@code struct sockaddr_in} in network order, port included. */
    static byte[] sockaddrIn(byte[] address, int port) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        b.putShort((short) Constants.AF_INET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
        b.put(address);
        return b.array();
    }
}
