package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The request of a {@code SOCK_DIAG_BY_FAMILY} dump of Internet sockets ({@code include/uapi/linux/inet_diag.h}),
 * asked for by family, protocol and a mask of states, with an empty socket id (every socket):
 *
 * <pre>
 * struct inet_diag_req_v2 {
 *     __u8  sdiag_family;
 *     __u8  sdiag_protocol;
 *     __u8  idiag_ext;
 *     __u8  pad;
 *     __u32 idiag_states;
 *     struct inet_diag_sockid id;   // 48 bytes: sport, dport, src[4], dst[4], if, cookie[2]
 * };
 * </pre>
 */
public record InetDiagReqV2(int family, int protocol, int states) implements FamilyHeader {

    public static final int LENGTH = 56;
    public static final int IPPROTO_TCP = 6;
    /** Every state: {@code TCPF_ALL}. */
    public static final int ALL_STATES = 0xfff;

    /** The dump's one message. */
    public static byte[] dump(int seq, int family, int protocol, int states) {
        return MessageWriter.rtnetlink().begin(NlMsgType.SOCK_DIAG_BY_FAMILY, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new InetDiagReqV2(family, protocol, states)).end().toBytes();
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer b) {
        b.put((byte) family).put((byte) protocol).put((byte) 0).put((byte) 0);
        b.order(ByteOrder.nativeOrder()).putInt(states);
        b.put(new byte[48]);
    }
}
