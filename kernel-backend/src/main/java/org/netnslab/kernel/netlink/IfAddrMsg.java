package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * The header of an address message ({@code RTM_NEWADDR}, {@code RTM_DELADDR}, {@code RTM_GETADDR}).
 *
 * <pre>
 * struct ifaddrmsg {
 *     __u8  ifa_family;
 *     __u8  ifa_prefixlen;  // the prefix length
 *     __u8  ifa_flags;      // IFA_F_* flags
 *     __u8  ifa_scope;      // address scope
 *     __u32 ifa_index;      // link index
 * };
 * </pre>
 */
public record IfAddrMsg(int family, int prefixLength, int flags, int scope, int index) implements FamilyHeader {

    public static final int LENGTH = 8;

    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_PERMANENT = 0x80;

    public static IfAddrMsg parse(ByteBuffer b) {
        return new IfAddrMsg(Byte.toUnsignedInt(b.get()), Byte.toUnsignedInt(b.get()), Byte.toUnsignedInt(b.get()),
                Byte.toUnsignedInt(b.get()), b.getInt());
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer b) {
        b.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
    }
}
