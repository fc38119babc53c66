package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * The header of a link message ({@code RTM_NEWLINK}, {@code RTM_DELLINK}, {@code RTM_GETLINK}).
 *
 * <pre>
 * struct ifinfomsg {
 *     unsigned char  ifi_family;
 *     unsigned char  __ifi_pad;
 *     unsigned short ifi_type;    // ARPHRD_*
 *     int            ifi_index;   // link index
 *     unsigned       ifi_flags;   // IFF_* flags
 *     unsigned       ifi_change;  // IFF_* change mask
 * };
 * </pre>
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change) implements FamilyHeader {

    public static final int LENGTH = 16;

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_NOARP = 0x80;
    public static final int IFF_NOTRAILERS = 0x20;
    public static final int IFF_PROMISC = 0x100;
    public static final int IFF_DYNAMIC = 0x8000;
    public static final int IFF_ALLMULTI = 0x200;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;

    public static final int ARPHRD_ETHER = 1;
    public static final int ARPHRD_LOOPBACK = 772;

    /** A header that names a link by its index and changes nothing. */
    public static IfInfoMsg of(int index) {
        return new IfInfoMsg(Family.AF_UNSPEC, 0, index, 0, 0);
    }

    public static IfInfoMsg parse(ByteBuffer b) {
        int family = Byte.toUnsignedInt(b.get());
        b.get();
        int type = Short.toUnsignedInt(b.getShort());
        return new IfInfoMsg(family, type, b.getInt(), b.getInt(), b.getInt());
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer b) {
        b.put((byte) family).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(change);
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }
}
