package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * The header of a route message ({@code RTM_NEWROUTE}, {@code RTM_DELROUTE}, {@code RTM_GETROUTE}).
 *
 * <pre>
 * struct rtmsg {
 *     unsigned char rtm_family;
 *     unsigned char rtm_dst_len;
 *     unsigned char rtm_src_len;
 *     unsigned char rtm_tos;
 *     unsigned char rtm_table;     // routing table id
 *     unsigned char rtm_protocol;  // RTPROT_*
 *     unsigned char rtm_scope;     // RT_SCOPE_*
 *     unsigned char rtm_type;      // RTN_*
 *     unsigned      rtm_flags;     // RTM_F_*, and RTNH_F_* of the next hop in dumps
 * };
 * </pre>
 */
public record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope, int type,
        int flags) implements FamilyHeader {

    public static final int LENGTH = 12;

    public static final int RT_TABLE_UNSPEC = 0;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;

    public static final int RTPROT_UNSPEC = 0;
    public static final int RTPROT_KERNEL = 2;
    public static final int RTPROT_BOOT = 3;
    public static final int RTPROT_STATIC = 4;

    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_SITE = 200;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;
    public static final int RT_SCOPE_NOWHERE = 255;

    public static final int RTN_UNSPEC = 0;
    public static final int RTN_UNICAST = 1;
    public static final int RTN_LOCAL = 2;
    public static final int RTN_BROADCAST = 3;
    public static final int RTN_ANYCAST = 4;
    public static final int RTN_MULTICAST = 5;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;
    public static final int RTN_THROW = 9;

    /** The gateway is taken on the device as it is ({@code RTNH_F_ONLINK}). */
    public static final int RTNH_F_ONLINK = 0x4;

    /** The next hop's carrier is down ({@code RTNH_F_LINKDOWN}). */
    public static final int RTNH_F_LINKDOWN = 0x10;
    /** A cached clone, not a route of a table ({@code RTM_F_CLONED}). */
    public static final int RTM_F_CLONED = 0x200;
    /** Asks {@code RTM_GETROUTE} to say which table the route came from ({@code RTM_F_LOOKUP_TABLE}). */
    public static final int RTM_F_LOOKUP_TABLE = 0x1000;

    public static RtMsg parse(ByteBuffer b) {
        return new RtMsg(Byte.toUnsignedInt(b.get()), Byte.toUnsignedInt(b.get()), Byte.toUnsignedInt(b.get()),
                Byte.toUnsignedInt(b.get()), Byte.toUnsignedInt(b.get()), Byte.toUnsignedInt(b.get()),
                Byte.toUnsignedInt(b.get()), Byte.toUnsignedInt(b.get()), b.getInt());
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer b) {
        b.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) tos).put((byte) table)
                .put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags);
    }
}
