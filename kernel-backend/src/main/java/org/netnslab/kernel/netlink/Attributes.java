package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The attributes of a message or of a nested attribute, in the order the kernel put them. */
public final class Attributes {

    private final List<Attribute> list;

    private Attributes(List<Attribute> list) {
        this.list = List.copyOf(list);
    }

    /** Reads attributes from the buffer's position to its limit; a truncated last one is ignored. */
    public static Attributes parse(ByteBuffer in) {
        ByteBuffer b = in.duplicate().order(ByteOrder.nativeOrder());
        List<Attribute> out = new ArrayList<>();
        while (b.remaining() >= Attribute.HEADER) {
            int start = b.position();
            int len = Short.toUnsignedInt(b.getShort());
            int rawType = Short.toUnsignedInt(b.getShort());
            if (len < Attribute.HEADER || start + len > b.limit()) {
                break;
            }
            ByteBuffer value = b.duplicate().position(start + Attribute.HEADER).limit(start + len).slice()
                    .order(ByteOrder.nativeOrder());
            out.add(new Attribute(rawType & Attribute.TYPE_MASK, (rawType & Attribute.F_NESTED) != 0, value));
            b.position(Math.min(b.limit(), start + align(len)));
        }
        return new Attributes(out);
    }

    public static int align(int len) {
        return (len + 3) & ~3;
    }

    public List<Attribute> list() {
        return list;
    }

    public Optional<Attribute> get(AttrType t) {
        return list.stream().filter(a -> a.is(t)).findFirst();
    }

    public List<Attribute> all(AttrType t) {
        return list.stream().filter(a -> a.is(t)).toList();
    }

    public boolean has(AttrType t) {
        return get(t).isPresent();
    }
}
