package org.netnslab.sim.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.netnslab.core.net.MacAddress;

/**
 * An Ethernet II frame as a veth or a bridge carries it: destination, source, EtherType, payload. No
 * preamble, no FCS, no 802.1Q tag (the kernel hands frames to a veth peer without them).
 *
 * <pre>
 * struct ethhdr {
 *     unsigned char h_dest[ETH_ALEN];
 *     unsigned char h_source[ETH_ALEN];
 *     __be16        h_proto;
 * };
 * </pre>
 */
public record EthernetFrame(MacAddress destination, MacAddress source, int etherType, byte[] payload) {

    public static final int HEADER_LENGTH = 14;

    public EthernetFrame {
        Objects.requireNonNull(destination);
        Objects.requireNonNull(source);
        Objects.requireNonNull(payload);
    }

    public static EthernetFrame parse(ByteBuffer in) {
        if (in.remaining() < HEADER_LENGTH) {
            throw new WireFormatException("ethernet: " + in.remaining() + " bytes, shorter than a header");
        }
        MacAddress dst = mac(in);
        MacAddress src = mac(in);
        int type = in.getShort() & 0xffff;
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return new EthernetFrame(dst, src, type, payload);
    }

    public static EthernetFrame parse(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes));
    }

    public void emit(ByteBuffer out) {
        out.put(destination.toBytes());
        out.put(source.toBytes());
        out.putShort((short) etherType);
        out.put(payload);
    }

    public int length() {
        return HEADER_LENGTH + payload.length;
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(length());
        emit(out);
        return out.array();
    }

    private static MacAddress mac(ByteBuffer in) {
        byte[] b = new byte[6];
        in.get(b);
        return MacAddress.fromBytes(b, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthernetFrame f && destination.equals(f.destination) && source.equals(f.source)
                && etherType == f.etherType && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, source, etherType, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "EthernetFrame[" + source + " > " + destination + ", type 0x" + Integer.toHexString(etherType)
                + ", " + payload.length + " bytes]";
    }
}
