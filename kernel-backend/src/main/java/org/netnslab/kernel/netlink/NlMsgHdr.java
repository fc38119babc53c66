package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * The header of every netlink message, in host byte order.
 *
 * <pre>
 * struct nlmsghdr {
 *     __u32 nlmsg_len;    // length of the message, header included
 *     __u16 nlmsg_type;   // message content
 *     __u16 nlmsg_flags;  // additional flags
 *     __u32 nlmsg_seq;    // sequence number
 *     __u32 nlmsg_pid;    // sending process port ID
 * };
 * </pre>
 */
public record NlMsgHdr(int length, int type, int flags, int seq, int pid) {

    public static final int LENGTH = 16;

    public static NlMsgHdr parse(ByteBuffer b) {
        return new NlMsgHdr(b.getInt(), Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort()),
                b.getInt(), b.getInt());
    }

    public void emit(ByteBuffer b) {
        b.putInt(length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid);
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }
}
