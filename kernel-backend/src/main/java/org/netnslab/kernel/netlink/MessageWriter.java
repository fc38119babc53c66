package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes netlink messages into one buffer, in host byte order: a header, the family's fixed header, then
 * attributes, nested or not. Several messages can follow each other (an nfnetlink batch).
 *
 * <p>rtnetlink and nfnetlink differ in one habit, kept here as the tools have it: iproute2 leaves
 * {@code NLA_F_NESTED} off its nests, libnftnl sets it.
 */
public final class MessageWriter {

    private ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.nativeOrder());
    private final boolean flagNests;
    private final Deque<Integer> nests = new ArrayDeque<>();
    private int messageStart = -1;

    private MessageWriter(boolean flagNests) {
        this.flagNests = flagNests;
    }

    /** For rtnetlink, as iproute2 writes. */
    public static MessageWriter rtnetlink() {
        return new MessageWriter(false);
    }

    /** For nfnetlink, as libnftnl writes. */
    public static MessageWriter nfnetlink() {
        return new MessageWriter(true);
    }

    /** Starts a message; its length is filled in by {@link #end()}. */
    public MessageWriter begin(int type, int flags, int seq) {
        if (messageStart >= 0) {
            throw new IllegalStateException("message not ended");
        }
        ensure(NlMsgHdr.LENGTH);
        messageStart = buf.position();
        new NlMsgHdr(0, type, flags, seq, 0).emit(buf);
        return this;
    }

    /** The family's fixed header ({@code struct ifinfomsg}, {@code struct rtmsg}, ...). */
    public MessageWriter header(FamilyHeader h) {
        ensure(h.length());
        int start = buf.position();
        h.emit(buf);
        pad(start);
        return this;
    }

    public MessageWriter u8(AttrType t, int v) {
        return put(t, new byte[] {(byte) v});
    }

    public MessageWriter u16(AttrType t, int v) {
        return put(t, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) v).array());
    }

    /** A 32-bit value in host order (rtnetlink). */
    public MessageWriter u32(AttrType t, int v) {
        return put(t, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array());
    }

    /** A 32-bit value in network order (nf_tables). */
    public MessageWriter u32be(AttrType t, int v) {
        return put(t, ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(v).array());
    }

    public MessageWriter u64be(AttrType t, long v) {
        return put(t, ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(v).array());
    }

    /** A C string, with its NUL. */
    public MessageWriter string(AttrType t, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return put(t, Arrays.copyOf(b, b.length + 1));
    }

    /** A string without its NUL, as iproute2 writes {@code IFLA_INFO_KIND}. */
    public MessageWriter chars(AttrType t, String s) {
        return put(t, s.getBytes(StandardCharsets.UTF_8));
    }

    public MessageWriter bytes(AttrType t, byte[] value) {
        return put(t, value);
    }

    /** Opens a nested attribute; close it with {@link #endNest()}. */
    public MessageWriter nest(AttrType t) {
        ensure(Attribute.HEADER);
        nests.push(buf.position());
        buf.putShort((short) 0).putShort((short) (t.type() | (flagNests ? Attribute.F_NESTED : 0)));
        return this;
    }

    public MessageWriter endNest() {
        int start = nests.pop();
        buf.putShort(start, (short) (buf.position() - start));
        return this;
    }

    /** Ends the message: its length goes into its header. */
    public MessageWriter end() {
        if (!nests.isEmpty()) {
            throw new IllegalStateException("nest not ended");
        }
        buf.putInt(messageStart, buf.position() - messageStart);
        messageStart = -1;
        return this;
    }

    public byte[] toBytes() {
        if (messageStart >= 0) {
            throw new IllegalStateException("message not ended");
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private MessageWriter put(AttrType t, byte[] value) {
        int len = Attribute.HEADER + value.length;
        ensure(Attributes.align(len));
        int start = buf.position();
        buf.putShort((short) len).putShort((short) t.type()).put(value);
        pad(start);
        return this;
    }

    private void pad(int start) {
        while ((buf.position() - start) % 4 != 0) {
            buf.put((byte) 0);
        }
    }

    private void ensure(int more) {
        if (buf.remaining() < more + 4) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more + 64))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buf.array(), 0, buf.position());
            buf = bigger;
        }
    }
}
