package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One socket of a {@code SOCK_DIAG_BY_FAMILY} dump ({@code include/uapi/linux/inet_diag.h}); the ports and
 * addresses in network order, the rest in the host's:
 *
 * <pre>
 * struct inet_diag_msg {
 *     __u8  idiag_family;
 *     __u8  idiag_state;
 *     __u8  idiag_timer;
 *     __u8  idiag_retrans;
 *     struct inet_diag_sockid {
 *         __be16 idiag_sport;
 *         __be16 idiag_dport;
 *         __be32 idiag_src[4];
 *         __be32 idiag_dst[4];
 *         __u32  idiag_if;
 *         __u32  idiag_cookie[2];
 *     } id;
 *     __u32 idiag_expires;
 *     __u32 idiag_rqueue;
 *     __u32 idiag_wqueue;
 *     __u32 idiag_uid;
 *     __u32 idiag_inode;
 * };
 * </pre>
 *
 * @param source the first four bytes of {@code idiag_src}: an IPv4 socket's address
 */
public record InetDiagMsg(int family, int state, int sourcePort, int destinationPort, byte[] source,
        byte[] destination, long receiveQueue, long sendQueue, long inode) {

    public static final int LENGTH = 72;

    public static InetDiagMsg parse(Message m) {
        ByteBuffer b = m.body();
        int family = Byte.toUnsignedInt(b.get());
        int state = Byte.toUnsignedInt(b.get());
        b.get();
        b.get();
        b.order(ByteOrder.BIG_ENDIAN);
        int sport = Short.toUnsignedInt(b.getShort());
        int dport = Short.toUnsignedInt(b.getShort());
        byte[] src = new byte[16];
        b.get(src);
        byte[] dst = new byte[16];
        b.get(dst);
        b.order(ByteOrder.nativeOrder());
        b.getInt(); // idiag_if
        b.getInt();
        b.getInt(); // idiag_cookie
        b.getInt(); // idiag_expires
        long rq = Integer.toUnsignedLong(b.getInt());
        long wq = Integer.toUnsignedLong(b.getInt());
        b.getInt(); // idiag_uid
        long inode = Integer.toUnsignedLong(b.getInt());
        return new InetDiagMsg(family, state, sport, dport, java.util.Arrays.copyOf(src, 4),
                java.util.Arrays.copyOf(dst, 4), rq, wq, inode);
    }
}
