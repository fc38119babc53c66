package org.netnslab.sim.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.netnslab.core.net.Ipv4Address;

/**
 * A TCP segment (RFC 9293). The checksum covers the IPv4 pseudo-header, so {@link #emit} and {@link #parse}
 * take the addresses of the datagram that carries the segment; {@code parse} verifies it, as
 * {@code tcp_v4_rcv} does. Options are kept as bytes, as Linux sends them (MSS, SACK permitted, timestamps
 * and window scale on a SYN; timestamps on the others).
 *
 * <pre>
 * struct tcphdr {
 *     __be16  source;
 *     __be16  dest;
 *     __be32  seq;
 *     __be32  ack_seq;
 *     __u16   res1:4, doff:4, fin:1, syn:1, rst:1, psh:1, ack:1, urg:1, ece:1, cwr:1;
 *     __be16  window;
 *     __sum16 check;
 *     __be16  urg_ptr;
 * };
 * </pre>
 *
 * @param sequence and {@code acknowledgment}: unsigned 32-bit numbers, held in a long
 * @param flags the flag bits of the header's 14th byte ({@link #SYN}, {@link #ACK}...)
 * @param options a multiple of four bytes, at most 40
 */
public record TcpSegment(
        int sourcePort,
        int destinationPort,
        long sequence,
        long acknowledgment,
        int flags,
        int window,
        byte[] options,
        byte[] payload) {

    public static final int HEADER_LENGTH = 20;
    public static final int PROTOCOL = 6;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;

    public TcpSegment {
        Objects.requireNonNull(options);
        Objects.requireNonNull(payload);
        if (options.length % 4 != 0 || options.length > 40) {
            throw new IllegalArgumentException("tcp: " + options.length + " bytes of options");
        }
        sequence &= 0xffffffffL;
        acknowledgment &= 0xffffffffL;
    }

    public static TcpSegment parse(ByteBuffer in, Ipv4Address source, Ipv4Address destination) {
        int start = in.position();
        int length = in.remaining();
        if (length < HEADER_LENGTH) {
            throw new WireFormatException("tcp: " + length + " bytes, shorter than a header");
        }
        byte[] all = new byte[length];
        in.get(start, all);
        if (checksum(all, source, destination) != 0) {
            throw new WireFormatException("tcp: bad checksum");
        }
        int sport = in.getShort() & 0xffff;
        int dport = in.getShort() & 0xffff;
        long seq = in.getInt() & 0xffffffffL;
        long ack = in.getInt() & 0xffffffffL;
        int offset = ((in.get() & 0xff) >> 4) * 4;
        int flags = in.get() & 0xff;
        int window = in.getShort() & 0xffff;
        in.getShort();
        in.getShort();
        if (offset < HEADER_LENGTH || offset > length) {
            throw new WireFormatException("tcp: data offset " + offset);
        }
        byte[] options = new byte[offset - HEADER_LENGTH];
        in.get(options);
        byte[] payload = new byte[length - offset];
        in.get(payload);
        return new TcpSegment(sport, dport, seq, ack, flags, window, options, payload);
    }

    public static TcpSegment parse(byte[] bytes, Ipv4Address source, Ipv4Address destination) {
        return parse(ByteBuffer.wrap(bytes), source, destination);
    }

    public void emit(ByteBuffer out, Ipv4Address source, Ipv4Address destination) {
        int start = out.position();
        out.putShort((short) sourcePort);
        out.putShort((short) destinationPort);
        out.putInt((int) sequence);
        out.putInt((int) acknowledgment);
        out.put((byte) (((HEADER_LENGTH + options.length) / 4) << 4));
        out.put((byte) flags);
        out.putShort((short) window);
        out.putShort((short) 0);
        out.putShort((short) 0);
        out.put(options);
        out.put(payload);
        byte[] all = new byte[length()];
        out.get(start, all);
        out.putShort(start + 16, (short) checksum(all, source, destination));
    }

    public byte[] toBytes(Ipv4Address source, Ipv4Address destination) {
        ByteBuffer out = ByteBuffer.allocate(length());
        emit(out, source, destination);
        return out.array();
    }

    public int length() {
        return HEADER_LENGTH + options.length + payload.length;
    }

    /** The RFC 1071 sum over the pseudo-header ({@code saddr, daddr, 0, IPPROTO_TCP, length}) and the segment. */
    static int checksum(byte[] segment, Ipv4Address source, Ipv4Address destination) {
        ByteBuffer b = ByteBuffer.allocate(12 + segment.length);
        b.putInt(source.bits()).putInt(destination.bits()).put((byte) 0).put((byte) PROTOCOL)
                .putShort((short) segment.length).put(segment);
        return Checksum.of(b.array(), 0, b.capacity());
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** How much sequence space the segment takes: its data, and one for a SYN and for a FIN. */
    public long sequenceLength() {
        return payload.length + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
    }

    /** The flags as tcpdump writes them: {@code [S]}, {@code [S.]}, {@code [P.]}, {@code [F.]}, {@code [R.]}. */
    public String flagText() {
        StringBuilder sb = new StringBuilder("[");
        if (has(FIN)) {
            sb.append('F');
        }
        if (has(SYN)) {
            sb.append('S');
        }
        if (has(RST)) {
            sb.append('R');
        }
        if (has(PSH)) {
            sb.append('P');
        }
        if (has(URG)) {
            sb.append('U');
        }
        if (has(ACK)) {
            sb.append('.');
        }
        return sb.append(']').toString();
    }

    /** Like tcpdump, without the addresses, with absolute numbers: {@code Flags [S], seq 4097453384, length 0}. */
    public String summary() {
        return summary(0, 0);
    }

    /**
     * Like tcpdump, without the addresses, with sequence numbers relative to the sender's initial one and
     * acknowledgments relative to the receiver's, as tcpdump shows a connection after its SYN:
     * {@code Flags [P.], seq 1:7, ack 1, length 6}.
     */
    public String summary(long senderIsn, long receiverIsn) {
        long seq = (sequence - senderIsn) & 0xffffffffL;
        StringBuilder sb = new StringBuilder("Flags ").append(flagText()).append(", seq ").append(seq);
        if (payload.length > 0) {
            sb.append(':').append((seq + payload.length) & 0xffffffffL);
        }
        if (has(ACK)) {
            sb.append(", ack ").append((acknowledgment - receiverIsn) & 0xffffffffL);
        }
        return sb.append(", length ").append(payload.length).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpSegment s && sourcePort == s.sourcePort && destinationPort == s.destinationPort
                && sequence == s.sequence && acknowledgment == s.acknowledgment && flags == s.flags
                && window == s.window && Arrays.equals(options, s.options) && Arrays.equals(payload, s.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourcePort, destinationPort, sequence, acknowledgment, flags, window,
                Arrays.hashCode(options), Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "TcpSegment[" + sourcePort + " > " + destinationPort + ": " + summary() + "]";
    }
}
