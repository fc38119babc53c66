package org.netnslab.core.net;

import java.util.Optional;

/** An IPv4 address, held as its 32 bits. Parses only the dotted quad that the real tools print. */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    public static final Ipv4Address ANY = new Ipv4Address(0);

    /** Parses {@code a.b.c.d}; empty if the text is anything else. */
    public static Optional<Ipv4Address> tryParse(String text) {
        if (text == null || text.isEmpty() || text.length() > 15) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
        }
        return Optional.of(new Ipv4Address(bits));
    }

    public static Ipv4Address parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + text));
    }

    public static Ipv4Address of(int a, int b, int c, int d) {
        return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
    }

    public int octet(int i) {
        return (bits >>> (24 - 8 * i)) & 0xff;
    }

    public byte[] toBytes() {
        return new byte[] {(byte) octet(0), (byte) octet(1), (byte) octet(2), (byte) octet(3)};
    }

    public static Ipv4Address fromBytes(byte[] b, int offset) {
        return of(b[offset] & 0xff, b[offset + 1] & 0xff, b[offset + 2] & 0xff, b[offset + 3] & 0xff);
    }

    public boolean isLoopback() {
        return octet(0) == 127;
    }

    public boolean isMulticast() {
        return (octet(0) & 0xf0) == 0xe0;
    }

    public boolean isLimitedBroadcast() {
        return bits == -1;
    }

    public boolean isAny() {
        return bits == 0;
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    }
}
