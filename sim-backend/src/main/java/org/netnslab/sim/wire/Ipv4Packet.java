package org.netnslab.sim.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.netnslab.core.net.Ipv4Address;

/**
 * An IPv4 datagram (RFC 791). The lab's packets carry no options; parse accepts and skips them. The header
 * checksum is computed by {@link #emit} and verified by {@link #parse}, as {@code ip_rcv} does.
 *
 * <pre>
 * struct iphdr {
 *     __u8   ihl:4, version:4;
 *     __u8   tos;
 *     __be16 tot_len;
 *     __be16 id;
 *     __be16 frag_off;
 *     __u8   ttl;
 *     __u8   protocol;
 *     __sum16 check;
 *     __be32 saddr;
 *     __be32 daddr;
 * };
 * </pre>
 *
 * @param flagsAndOffset the 3 flag bits and the fragment offset, as on the wire ({@code 0x4000} is DF)
 */
public record Ipv4Packet(
        int tos,
        int identification,
        int flagsAndOffset,
        int ttl,
        int protocol,
        Ipv4Address source,
        Ipv4Address destination,
        byte[] payload) {

    public static final int HEADER_LENGTH = 20;
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int DONT_FRAGMENT = 0x4000;

    public Ipv4Packet {
        Objects.requireNonNull(source);
        Objects.requireNonNull(destination);
        Objects.requireNonNull(payload);
    }

    public static Ipv4Packet parse(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < HEADER_LENGTH) {
            throw new WireFormatException("ipv4: " + in.remaining() + " bytes, shorter than a header");
        }
        int versionIhl = in.get() & 0xff;
        if ((versionIhl >> 4) != 4) {
            throw new WireFormatException("ipv4: version " + (versionIhl >> 4));
        }
        int ihl = (versionIhl & 0x0f) * 4;
        int tos = in.get() & 0xff;
        int total = in.getShort() & 0xffff;
        if (ihl < HEADER_LENGTH || total < ihl || total > in.limit() - start) {
            throw new WireFormatException("ipv4: bad lengths, ihl " + ihl + ", total " + total);
        }
        byte[] header = new byte[ihl];
        in.get(start, header);
        if (Checksum.of(header, 0, ihl) != 0) {
            throw new WireFormatException("ipv4: bad header checksum");
        }
        int id = in.getShort() & 0xffff;
        int frag = in.getShort() & 0xffff;
        int ttl = in.get() & 0xff;
        int protocol = in.get() & 0xff;
        in.getShort();
        Ipv4Address src = new Ipv4Address(in.getInt());
        Ipv4Address dst = new Ipv4Address(in.getInt());
        in.position(start + ihl);
        byte[] payload = new byte[total - ihl];
        in.get(payload);
        return new Ipv4Packet(tos, id, frag, ttl, protocol, src, dst, payload);
    }

    public static Ipv4Packet parse(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes));
    }

    public void emit(ByteBuffer out) {
        int start = out.position();
        out.put((byte) 0x45);
        out.put((byte) tos);
        out.putShort((short) length());
        out.putShort((short) identification);
        out.putShort((short) flagsAndOffset);
        out.put((byte) ttl);
        out.put((byte) protocol);
        out.putShort((short) 0);
        out.putInt(source.bits());
        out.putInt(destination.bits());
        byte[] header = new byte[HEADER_LENGTH];
        out.get(start, header);
        out.putShort(start + 10, (short) Checksum.of(header, 0, HEADER_LENGTH));
        out.put(payload);
    }

    /** {@code tot_len}: what iptables counts as the packet's bytes. */
    public int length() {
        return HEADER_LENGTH + payload.length;
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(length());
        emit(out);
        return out.array();
    }

    public Ipv4Packet withTtl(int newTtl) {
        return new Ipv4Packet(tos, identification, flagsAndOffset, newTtl, protocol, source, destination, payload);
    }

    public Ipv4Packet withSource(Ipv4Address newSource) {
        return new Ipv4Packet(tos, identification, flagsAndOffset, ttl, protocol, newSource, destination, payload);
    }

    public Ipv4Packet withDestination(Ipv4Address newDestination) {
        return new Ipv4Packet(tos, identification, flagsAndOffset, ttl, protocol, source, newDestination, payload);
    }

    public Ipv4Packet withPayload(byte[] newPayload) {
        return new Ipv4Packet(tos, identification, flagsAndOffset, ttl, protocol, source, destination, newPayload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Packet p && tos == p.tos && identification == p.identification
                && flagsAndOffset == p.flagsAndOffset && ttl == p.ttl && protocol == p.protocol
                && source.equals(p.source) && destination.equals(p.destination) && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tos, identification, flagsAndOffset, ttl, protocol, source, destination,
                Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Ipv4Packet[" + source + " > " + destination + ", ttl " + ttl + ", proto " + protocol + ", "
                + length() + " bytes]";
    }
}
