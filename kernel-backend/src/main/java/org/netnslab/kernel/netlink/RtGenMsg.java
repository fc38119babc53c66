package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/**
 * The header of the messages that need no more than a family ({@code RTM_GETNSID}, {@code RTM_NEWNSID}).
 *
 * <pre>
 * struct rtgenmsg {
 *     unsigned char rtgen_family;
 * };
 * </pre>
 *
 * Its attributes start at the next 4-byte boundary.
 */
public record RtGenMsg(int family) implements FamilyHeader {

    public static final int LENGTH = 1;

    public static RtGenMsg parse(ByteBuffer b) {
        RtGenMsg m = new RtGenMsg(Byte.toUnsignedInt(b.get()));
        b.position(b.position() + 3);
        return m;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void emit(ByteBuffer b) {
        b.put((byte) family);
    }
}
