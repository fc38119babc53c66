package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One netlink attribute as read: its type (flags stripped) and its value, a view of the message's bytes.
 *
 * <pre>
 * struct nlattr {
 *     __u16 nla_len;   // header and value, without the padding to 4 bytes
 *     __u16 nla_type;  // NLA_F_NESTED (1 << 15) and NLA_F_NET_BYTEORDER (1 << 14) on top of the type
 * };
 * </pre>
 */
public record Attribute(int type, boolean nested, ByteBuffer value) {

    public static final int HEADER = 4;
    public static final int F_NESTED = 1 << 15;
    public static final int F_NET_BYTEORDER = 1 << 14;
    public static final int TYPE_MASK = ~(F_NESTED | F_NET_BYTEORDER) & 0xffff;

    public boolean is(AttrType t) {
        return type == t.type();
    }

    private ByteBuffer view() {
        return value.duplicate().order(ByteOrder.nativeOrder());
    }

    public int u8() {
        return Byte.toUnsignedInt(value.get(value.position()));
    }

    public int u16() {
        return Short.toUnsignedInt(view().getShort());
    }

    /** A 32-bit value in host order, as rtnetlink sends them. */
    public int u32() {
        return view().getInt();
    }

    /** A 32-bit value in network order, as nf_tables sends them. */
    public int u32be() {
        return view().order(ByteOrder.BIG_ENDIAN).getInt();
    }

    public long u64be() {
        return view().order(ByteOrder.BIG_ENDIAN).getLong();
    }

    /** A C string: the bytes up to the first NUL. */
    public String string() {
        byte[] b = bytes();
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        byte[] out = new byte[value.remaining()];
        value.duplicate().get(out);
        return out;
    }

    /** The attributes nested in this one. */
    public Attributes attributes() {
        return Attributes.parse(view());
    }
}
