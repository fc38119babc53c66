package org.netnslab.core.tcpdump;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classic pcap file format, as libpcap 1.10 writes it for {@code tcpdump -w} ({@code sf-pcap.c}): a global
 * header of 24 bytes (magic {@code 0xa1b2c3d4} in the writer's byte order, version 2.4, snapshot length,
 * link type), then each packet after a header of 16 bytes (seconds, microseconds, captured length, length on
 * the wire). The file libpcap writes is little-endian on x86; a file of either byte order is read.
 */
public final class Pcap {

    /** {@code LINKTYPE_ETHERNET}: tcpdump's {@code EN10MB (Ethernet)}. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** {@code LINKTYPE_LINUX_SLL2}: tcpdump's {@code LINUX_SLL2 (Linux cooked v2)}, what {@code -i any} captures. */
    public static final int LINKTYPE_LINUX_SLL2 = 276;
    /** tcpdump's default snapshot length, {@code MAXIMUM_SNAPLEN}. */
    public static final int SNAPLEN = 262144;

    private static final int MAGIC = 0xa1b2c3d4;

    /** One packet of a file. */
    public record Packet(long micros, int originalLength, byte[] data) {}

    /** What a file holds. */
    public record File(int linkType, int snaplen, List<Packet> packets) {}

    private Pcap() {}

    /** The global header of a file libpcap opens for writing. */
    public static byte[] header(int linkType) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN).putInt(linkType);
        return b.array();
    }

    /** One packet's record: its header, then its bytes. */
    public static byte[] record(long micros, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) Math.floorDiv(micros, 1_000_000L)).putInt((int) Math.floorMod(micros, 1_000_000L));
        b.putInt(data.length).putInt(data.length).put(data);
        return b.array();
    }

    /** A whole file. */
    public static byte[] write(int linkType, List<Packet> packets) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(header(linkType));
        for (Packet p : packets) {
            parts.add(record(p.micros(), p.data()));
        }
        return concat(parts);
    }

    /** The parts one after the other. */
    public static byte[] concat(List<byte[]> parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * Reads a file; empty when it is no pcap file (tcpdump's {@code bad dump file format}). A last packet cut
     * short is left out, as libpcap stops at a truncated record.
     */
    public static Optional<File> read(byte[] bytes) {
        if (bytes.length < 24) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        boolean nanos = false;
        if (magic == MAGIC || magic == 0xa1b23c4d) {
            nanos = magic == 0xa1b23c4d;
        } else if (Integer.reverseBytes(magic) == MAGIC || Integer.reverseBytes(magic) == 0xa1b23c4d) {
            nanos = Integer.reverseBytes(magic) == 0xa1b23c4d;
            b.order(ByteOrder.BIG_ENDIAN);
        } else {
            return Optional.empty();
        }
        int snaplen = b.getInt(16);
        int linkType = b.getInt(20) & 0x03ff_ffff;
        List<Packet> packets = new ArrayList<>();
        int at = 24;
        while (at + 16 <= bytes.length) {
            long sec = b.getInt(at) & 0xffff_ffffL;
            long frac = b.getInt(at + 4) & 0xffff_ffffL;
            int caplen = b.getInt(at + 8);
            int len = b.getInt(at + 12);
            if (caplen < 0 || at + 16 + caplen > bytes.length) {
                break;
            }
            byte[] data = new byte[caplen];
            System.arraycopy(bytes, at + 16, data, 0, caplen);
            packets.add(new Packet(sec * 1_000_000L + (nanos ? frac / 1000 : frac), len, data));
            at += 16 + caplen;
        }
        return Optional.of(new File(linkType, snaplen, packets));
    }
}
