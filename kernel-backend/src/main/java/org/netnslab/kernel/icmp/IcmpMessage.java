package org.netnslab.kernel.icmp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * An ICMP message as ping sees it: an echo request it sends, an echo reply, or an error that quotes one of
 * its requests (the IP header and the first 8 bytes of the ICMP message that failed).
 *
 * <pre>
 * struct icmphdr {
 *     __u8    type;
 *     __u8    code;
 *     __sum16 checksum;
 *     __be16  id;        // echo: identifier
 *     __be16  sequence;  // echo: sequence number
 * };
 * </pre>
 *
 * @param quoted for an error, the header of the echo request it is about
 */
public record IcmpMessage(int type, int code, int id, int sequence, Optional<Quoted> quoted) {

    public static final int ECHO_REPLY = 0;
    public static final int DEST_UNREACH = 3;
    public static final int SOURCE_QUENCH = 4;
    public static final int REDIRECT = 5;
    public static final int ECHO = 8;
    public static final int TIME_EXCEEDED = 11;
    public static final int PARAMETERPROB = 12;

    public static final int HEADER = 8;
    /** ping's default: 56 bytes of data, 64 with the header. */
    public static final int DATA = 56;

    /** The echo request an error is about: its destination, identifier and sequence. */
    public record Quoted(Ipv4Header ip, int type, int id, int sequence) {}

    /**
     * An echo request as iputils writes it: the send time as a {@code struct timeval}, then bytes 16 to 55.
     */
    public static byte[] echoRequest(int id, int sequence, long epochMicros) {
        return echoRequest(id, sequence, epochMicros, DATA);
    }

    /**
     * An echo request of {@code size} bytes of data ({@code ping -s}): the timeval only when it fits (16 bytes
     * or more, else iputils sends no time and prints none), then the counting pattern.
     */
    public static byte[] echoRequest(int id, int sequence, long epochMicros, int size) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + size).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) ECHO).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) sequence);
        int from = 0;
        if (size >= 16) {
            b.order(ByteOrder.nativeOrder()).putLong(epochMicros / 1_000_000).putLong(epochMicros % 1_000_000);
            from = 16;
        }
        for (int i = from; i < size; i++) {
            b.put((byte) i);
        }
        byte[] out = b.array();
        int sum = checksum(out);
        out[2] = (byte) (sum >>> 8);
        out[3] = (byte) sum;
        return out;
    }

    /**
     * An echo request of the given data ({@code ping -p}'s pattern, or iputils' counting bytes): the timeval
     * written over its first 16 bytes when it holds them.
     */
    public static byte[] echoRequest(int id, int sequence, long epochMicros, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) ECHO).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) sequence);
        b.put(data);
        if (data.length >= 16) {
            b.position(HEADER);
            b.order(ByteOrder.nativeOrder()).putLong(epochMicros / 1_000_000).putLong(epochMicros % 1_000_000);
        }
        byte[] out = b.array();
        int sum = checksum(out);
        out[2] = (byte) (sum >>> 8);
        out[3] = (byte) sum;
        return out;
    }

    /** The Internet checksum (RFC 1071). */
    public static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (data.length % 2 == 1) {
            sum += (data[data.length - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** Parses the ICMP message at the buffer's position (after the IP header); empty if too short. */
    public static Optional<IcmpMessage> parse(ByteBuffer in) {
        ByteBuffer b = in.duplicate().order(ByteOrder.BIG_ENDIAN);
        if (b.remaining() < HEADER) {
            return Optional.empty();
        }
        int type = b.get() & 0xff;
        int code = b.get() & 0xff;
        b.getShort();
        int id = b.getShort() & 0xffff;
        int seq = b.getShort() & 0xffff;
        Optional<Quoted> quoted = Optional.empty();
        if (isError(type) && b.remaining() >= Ipv4Header.MIN_LENGTH) {
            Ipv4Header inner = Ipv4Header.parse(b);
            if (b.remaining() >= HEADER) {
                int innerType = b.get() & 0xff;
                b.get();
                b.getShort();
                quoted = Optional.of(new Quoted(inner, innerType, b.getShort() & 0xffff, b.getShort() & 0xffff));
            }
        }
        return Optional.of(new IcmpMessage(type, code, id, seq, quoted));
    }

    public static boolean isError(int type) {
        return type == DEST_UNREACH || type == SOURCE_QUENCH || type == REDIRECT || type == TIME_EXCEEDED
                || type == PARAMETERPROB;
    }

    /** What ping prints for this message, after {@code From ADDR icmp_seq=N } (iputils' {@code pr_icmph}). */
    public String describe() {
        switch (type) {
            case DEST_UNREACH:
                return code == 4 ? "Frag needed and DF set (mtu = " + sequence + ")" : unreachable(code);
            case SOURCE_QUENCH:
                return "Source Quench";
            case REDIRECT:
                return switch (code) {
                    case 0 -> "Redirect Network";
                    case 1 -> "Redirect Host";
                    case 2 -> "Redirect Type of Service and Network";
                    case 3 -> "Redirect Type of Service and Host";
                    default -> "Redirect, Bad Code: " + code;
                };
            case TIME_EXCEEDED:
                return switch (code) {
                    case 0 -> "Time to live exceeded";
                    case 1 -> "Frag reassembly time exceeded";
                    default -> "Time exceeded, Bad Code: " + code;
                };
            case PARAMETERPROB:
                return "Parameter problem: pointer = " + (sequence >>> 8);
            default:
                return "Bad ICMP type: " + type;
        }
    }

    private static String unreachable(int code) {
        return switch (code) {
            case 0 -> "Destination Net Unreachable";
            case 1 -> "Destination Host Unreachable";
            case 2 -> "Destination Protocol Unreachable";
            case 3 -> "Destination Port Unreachable";
            case 4 -> "Frag needed and DF set";
            case 5 -> "Source Route Failed";
            case 6 -> "Destination Net Unknown";
            case 7 -> "Destination Host Unknown";
            case 8 -> "Source Host Isolated";
            case 9 -> "Destination Net Prohibited";
            case 10 -> "Destination Host Prohibited";
            case 11 -> "Destination Net Unreachable for Type of Service";
            case 12 -> "Destination Host Unreachable for Type of Service";
            case 13 -> "Packet filtered";
            case 14 -> "Precedence Violation";
            case 15 -> "Precedence Cutoff";
            default -> "Dest Unreachable, Bad Code: " + code;
        };
    }
}
