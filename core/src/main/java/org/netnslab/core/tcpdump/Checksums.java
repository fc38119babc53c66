package org.netnslab.core.tcpdump;

/** The Internet checksum (RFC 1071), as {@code in_cksum} sums it: 16-bit words, carries folded back in. */
final class Checksums {

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
}
