package org.netnslab.core.tcpdump;

/** The Internet checksum (RFC 1071), as {@code in_cksum} sums it: 16-bit words, carries folded back in. */
public final class Checksums {

    private static final int ETH_HEADER = 14;
    private static final int TCP = 6;
    private static final int UDP = 17;

    private Checksums() {}

    /** The sum of {@code length} bytes from {@code at}, added to {@code initial}, not folded. */
    static int sum(byte[] b, int at, int length, int initial) {
        long s = initial & 0xffff_ffffL;
        int end = Math.min(b.length, at + length);
        int i = at;
        for (; i + 1 < end; i += 2) {
            s += (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
        }
        if (i < end) {
            s += (b[i] & 0xff) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    /** The checksum the field at {@code field} should hold: the complement of the sum with the field as zero. */
    static int correct(byte[] b, int at, int length, int field, int initial) {
        int without = sum(b, at, length, initial);
        int stored = (b[field] & 0xff) << 8 | b[field + 1] & 0xff;
        // one's complement subtraction of the stored value
        int s = without + (~stored & 0xffff);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }

    /** The checksum of {@code length} bytes (with a checksum field of zero), ready to store. */
    static int of(byte[] b, int at, int length, int initial) {
        return ~sum(b, at, length, initial) & 0xffff;
    }

    /** The IPv4 pseudo-header of TCP and UDP: the two addresses, the protocol and the segment's length. */
    static int pseudoHeader(byte[] b, int ipAt, int protocol, int length) {
        return sum(b, ipAt + 12, 8, protocol + length);
    }

    /**
     * An Ethernet frame whose TCP or UDP checksum its device was left to fill ({@code CHECKSUM_PARTIAL}, which a
     * packet socket tells with {@code TP_STATUS_CSUMNOTREADY}: a veth's frames before they cross), with the
     * checksum filled as the device would have, so that a capture shows what the wire carries. Over IPv4, or
     * IPv6 without extension headers; any other frame as it is.
     */
    public static byte[] filled(byte[] frame) {
        if (frame.length < ETH_HEADER + 20) {
            return frame;
        }
        int type = (frame[12] & 0xff) << 8 | frame[13] & 0xff;
        int at;
        int protocol;
        int length;
        int pseudo;
        if (type == 0x0800 && (frame[ETH_HEADER] & 0xf0) == 0x40) {
            int ihl = (frame[ETH_HEADER] & 0x0f) * 4;
            int total = (frame[ETH_HEADER + 2] & 0xff) << 8 | frame[ETH_HEADER + 3] & 0xff;
            boolean fragment = ((frame[ETH_HEADER + 6] & 0x3f) << 8 | frame[ETH_HEADER + 7] & 0xff) != 0;
            protocol = frame[ETH_HEADER + 9] & 0xff;
            at = ETH_HEADER + ihl;
            length = total - ihl;
            if (fragment || ihl < 20 || length < 0) {
                return frame;
            }
            pseudo = pseudoHeader(frame, ETH_HEADER, protocol, length);
        } else if (type == 0x86dd && frame.length >= ETH_HEADER + 40) {
            protocol = frame[ETH_HEADER + 6] & 0xff;
            at = ETH_HEADER + 40;
            length = (frame[ETH_HEADER + 4] & 0xff) << 8 | frame[ETH_HEADER + 5] & 0xff;
            pseudo = sum(frame, ETH_HEADER + 8, 32, protocol + length);
        } else {
            return frame;
        }
        int field = at + (protocol == TCP ? 16 : 6);
        if ((protocol != TCP && protocol != UDP) || field + 2 > frame.length || at + length > frame.length) {
            return frame;
        }
        byte[] out = frame.clone();
        out[field] = 0;
        out[field + 1] = 0;
        int c = of(out, at, length, pseudo);
        if (protocol == UDP && c == 0) {
            c = 0xffff; // RFC 768: a computed zero is sent as all ones
        }
        out[field] = (byte) (c >>> 8);
        out[field + 1] = (byte) c;
        return out;
    }
}
