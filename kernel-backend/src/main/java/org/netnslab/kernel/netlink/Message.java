package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** One received netlink message: its header and its payload (the family header, then attributes). */
public record Message(NlMsgHdr header, ByteBuffer payload) {

    /** Splits a datagram into its messages. */
    public static List<Message> parseAll(ByteBuffer datagram) {
        ByteBuffer b = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<Message> out = new ArrayList<>();
        while (b.remaining() >= NlMsgHdr.LENGTH) {
            int start = b.position();
            NlMsgHdr h = NlMsgHdr.parse(b);
            if (h.length() < NlMsgHdr.LENGTH || start + h.length() > b.limit()) {
                break;
            }
            ByteBuffer payload = b.duplicate().position(start + NlMsgHdr.LENGTH).limit(start + h.length()).slice()
                    .order(ByteOrder.nativeOrder());
            out.add(new Message(h, payload));
            b.position(Math.min(b.limit(), start + Attributes.align(h.length())));
        }
        return out;
    }

    public int type() {
        return header.type();
    }

    /** A fresh view of the payload, positioned at its start. */
    public ByteBuffer body() {
        return payload.duplicate().order(ByteOrder.nativeOrder());
    }

    /** The attributes after a family header of the given length. */
    public Attributes attributes(int familyHeaderLength) {
        return Attributes.parse(body().position(Math.min(payload.limit(), Attributes.align(familyHeaderLength))));
    }
}
