package org.netnslab.core.net;

import java.util.HexFormat;

/** A 48-bit Ethernet address. */
public record MacAddress(long bits) {

    public static final MacAddress ZERO = new MacAddress(0);
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    public MacAddress {
        bits &= 0xffff_ffff_ffffL;
    }

    /**
     * A locally administered unicast address made from a seed, the way the kernel's
     * {@code eth_random_addr} makes one from random bytes: clear the multicast bit, set the local bit.
     */
    public static MacAddress locallyAdministered(long seed) {
        long b = seed & 0xffff_ffff_ffffL;
        b &= ~(0x01L << 40);
        b |= 0x02L << 40;
        return new MacAddress(b);
    }

    public static MacAddress fromBytes(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return new MacAddress(v);
    }

    public byte[] toBytes() {
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) (bits >>> (40 - 8 * i));
        }
        return out;
    }

    public boolean isBroadcast() {
        return bits == BROADCAST.bits;
    }

    public boolean isMulticast() {
        return ((bits >>> 40) & 1) == 1;
    }

    /** The modified EUI-64 link-local address the kernel gives a link that is up: {@code fe80::...}. */
    public String ipv6LinkLocal() {
        byte[] m = toBytes();
        int g1 = ((m[0] & 0xff) ^ 0x02) << 8 | (m[1] & 0xff);
        int g2 = (m[2] & 0xff) << 8 | 0xff;
        int g3 = 0xfe00 | (m[3] & 0xff);
        int g4 = (m[4] & 0xff) << 8 | (m[5] & 0xff);
        return "fe80::" + Integer.toHexString(g1) + ":" + Integer.toHexString(g2) + ":"
                + Integer.toHexString(g3) + ":" + Integer.toHexString(g4);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(toBytes());
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
