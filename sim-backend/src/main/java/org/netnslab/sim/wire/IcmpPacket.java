package org.netnslab.sim.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.netnslab.core.net.Ipv4Address;

/**
 * An ICMP message (RFC 792): type, code, checksum, four bytes whose meaning depends on the type (identifier
 * and sequence for echo; unused for errors), and the data (the echo payload, or the offending datagram's
 * header and first eight bytes for an error).
 *
 * <pre>
 * struct icmphdr {
 *     __u8    type;
 *     __u8    code;
 *     __sum16 checksum;
 *     union { struct { __be16 id; __be16 sequence; } echo; __be32 gateway; ... } un;
 * };
 * </pre>
 */
public record IcmpPacket(int type, int code, int rest, byte[] data) {

    public static final int ECHO_REPLY = 0;
    public static final int DEST_UNREACH = 3;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;

    public static final int NET_UNREACH = 0;
    public static final int HOST_UNREACH = 1;
    public static final int PROT_UNREACH = 2;
    public static final int PORT_UNREACH = 3;
    public static final int PKT_FILTERED = 13;

    public static final int HEADER_LENGTH = 8;

    public IcmpPacket {
        Objects.requireNonNull(data);
    }

    public static IcmpPacket echoRequest(int id, int sequence, byte[] data) {
        return new IcmpPacket(ECHO_REQUEST, 0, (id & 0xffff) << 16 | (sequence & 0xffff), data);
    }

    /** The answer {@code icmp_echo} gives: the same identifier, sequence and data. */
    public IcmpPacket echoReply() {
        return new IcmpPacket(ECHO_REPLY, 0, rest, data);
    }

    /**
     * An error about {@code offending}, quoting its header and first eight bytes of payload, as
     * {@code icmp_send} does (it may quote more; the lab's datagrams are short and it quotes the 28 bytes).
     */
    public static IcmpPacket error(int type, int code, Ipv4Packet offending) {
        byte[] whole = offending.toBytes();
        return new IcmpPacket(type, code, 0, Arrays.copyOf(whole, Math.min(whole.length, Ipv4Packet.HEADER_LENGTH + 8)));
    }

    public static IcmpPacket parse(ByteBuffer in) {
        int start = in.position();
        int length = in.remaining();
        if (length < HEADER_LENGTH) {
            throw new WireFormatException("icmp: " + length + " bytes, shorter than a header");
        }
        byte[] all = new byte[length];
        in.get(start, all);
        if (Checksum.of(all, 0, length) != 0) {
            throw new WireFormatException("icmp: bad checksum");
        }
        int type = in.get() & 0xff;
        int code = in.get() & 0xff;
        in.getShort();
        int rest = in.getInt();
        byte[] data = new byte[in.remaining()];
        in.get(data);
        return new IcmpPacket(type, code, rest, data);
    }

    public static IcmpPacket parse(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes));
    }

    public void emit(ByteBuffer out) {
        int start = out.position();
        out.put((byte) type);
        out.put((byte) code);
        out.putShort((short) 0);
        out.putInt(rest);
        out.put(data);
        byte[] all = new byte[length()];
        out.get(start, all);
        out.putShort(start + 2, (short) Checksum.of(all, 0, all.length));
    }

    public int length() {
        return HEADER_LENGTH + data.length;
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(length());
        emit(out);
        return out.array();
    }

    public int identifier() {
        return rest >>> 16;
    }

    public int sequence() {
        return rest & 0xffff;
    }

    public boolean isEcho() {
        return type == ECHO_REQUEST || type == ECHO_REPLY;
    }

    public boolean isError() {
        return type == DEST_UNREACH || type == TIME_EXCEEDED;
    }

    /** For an error: the datagram it quotes (its header and first eight bytes). */
    public QuotedDatagram quoted() {
        ByteBuffer in = ByteBuffer.wrap(data);
        if (data.length < Ipv4Packet.HEADER_LENGTH + 8) {
            throw new WireFormatException("icmp: error quotes " + data.length + " bytes");
        }
        in.position(9);
        int protocol = in.get() & 0xff;
        in.position(12);
        int src = in.getInt();
        int dst = in.getInt();
        int ihl = (data[0] & 0x0f) * 4;
        if (data.length < ihl + 8) {
            throw new WireFormatException("icmp: error quotes " + data.length + " bytes");
        }
        in.position(ihl);
        int first = in.getInt();
        int second = in.getInt();
        return new QuotedDatagram(protocol, new Ipv4Address(src), new Ipv4Address(dst), first, second);
    }

    /**
     * The offending datagram an error quotes: enough of it to find the socket and the connection. Its
     * first eight bytes of payload are an ICMP header (type, code, checksum; identifier, sequence) or the
     * start of a TCP one (source and destination ports; sequence number).
     */
    public record QuotedDatagram(int protocol, Ipv4Address source, Ipv4Address destination, int firstWord,
            int secondWord) {

        public int icmpType() {
            return firstWord >>> 24;
        }

        public int icmpId() {
            return secondWord >>> 16;
        }

        public int icmpSequence() {
            return secondWord & 0xffff;
        }

        public int sourcePort() {
            return firstWord >>> 16;
        }

        public int destinationPort() {
            return firstWord & 0xffff;
        }

        /** A quoted TCP segment's sequence number. */
        public long tcpSequence() {
            return secondWord & 0xffffffffL;
        }
    }

    /**
     * The same error with its quoted datagram's source rewritten, and its identifier (ICMP) or source port
     * (TCP): the NAT of a related packet ({@code nf_nat_icmp_reply_translation}).
     */
    public IcmpPacket withQuotedSource(Ipv4Address source, int portOrId) {
        byte[] copy = data.clone();
        ByteBuffer b = ByteBuffer.wrap(copy);
        b.putInt(12, source.bits());
        b.putShort(10, (short) 0);
        b.putShort(10, (short) Checksum.of(copy, 0, Ipv4Packet.HEADER_LENGTH));
        int ihl = (copy[0] & 0x0f) * 4;
        int protocol = copy[9] & 0xff;
        b.putShort(protocol == Ipv4Packet.PROTO_ICMP ? ihl + 4 : ihl, (short) portOrId);
        return new IcmpPacket(type, code, rest, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcmpPacket p && type == p.type && code == p.code && rest == p.rest
                && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, code, rest, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "IcmpPacket[type " + type + ", code " + code + ", " + length() + " bytes]";
    }
}
