package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * The header of every nfnetlink message.
 *
 * <pre>
 * struct nfgenmsg {
 *     __u8   nfgen_family;  // AF_xxx (NFPROTO_*)
 *     __u8   version;       // nfnetlink version: NFNETLINK_V0
 *     __be16 res_id;        // resource id: the subsystem, in a batch's begin and end
 * };
 * </pre>
 */
public record NfGenMsg(int family, int version, int resId) implements FamilyHeader {

    public static final int LENGTH = 4;
    public static final int NFNETLINK_V0 = 0;

    public static NfGenMsg parse(ByteBuffer b) {
        int family = Byte.toUnsignedInt(b.get());
        int version = Byte.toUnsignedInt(b.get());
        int hi = Byte.toUnsignedInt(b.get());
        int lo = Byte.toUnsignedInt(b.get());
        return new NfGenMsg(family, version, (hi << 8) | lo);
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer b) {
        b.put((byte) family).put((byte) version).put((byte) (resId >>> 8)).put((byte) resId);
    }
}
