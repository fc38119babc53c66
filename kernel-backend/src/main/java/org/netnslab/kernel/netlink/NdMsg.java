package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * The header of a neighbour message ({@code RTM_NEWNEIGH}, {@code RTM_DELNEIGH}, {@code RTM_GETNEIGH}).
 *
 * <pre>
 * struct ndmsg {
 *     __u8  ndm_family;
 *     __u8  ndm_pad1;
 *     __u16 ndm_pad2;
 *     __s32 ndm_ifindex;
 *     __u16 ndm_state;   // NUD_*
 *     __u8  ndm_flags;   // NTF_*
 *     __u8  ndm_type;
 * };
 * </pre>
 */
public record NdMsg(int family, int ifindex, int state, int flags, int type) implements FamilyHeader {

    public static final int LENGTH = 12;

    public static NdMsg parse(ByteBuffer b) {
        int family = Byte.toUnsignedInt(b.get());
        b.get();
        b.getShort();
        int ifindex = b.getInt();
        int state = Short.toUnsignedInt(b.getShort());
        int flags = Byte.toUnsignedInt(b.get());
        int type = Byte.toUnsignedInt(b.get());
        return new NdMsg(family, ifindex, state, flags, type);
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer b) {
        b.put((byte) family).put((byte) 0).putShort((short) 0).putInt(ifindex).putShort((short) state)
                .put((byte) flags).put((byte) type);
    }
}
