package org.netnslab.kernel.icmp;

import java.nio.ByteBuffer;
import org.netnslab.core.net.Ipv4Address;

/**
 * The fields of an IPv4 header that ping reads: the TTL of a reply, who sent it, and where the payload begins.
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
 */
public record Ipv4Header(int headerLength, int ttl, int protocol, Ipv4Address source, Ipv4Address destination) {

    public static final int MIN_LENGTH = 20;
    public static final int PROTOCOL_ICMP = 1;

    /** Parses the header at the buffer's position, leaving the position after it (options included). */
    public static Ipv4Header parse(ByteBuffer b) {
        int start = b.position();
        int ihl = (b.get(start) & 0x0f) * 4;
        byte[] raw = new byte[MIN_LENGTH];
        b.get(raw);
        b.position(start + ihl);
        return new Ipv4Header(ihl, raw[8] & 0xff, raw[9] & 0xff, Ipv4Address.fromBytes(raw, 12),
                Ipv4Address.fromBytes(raw, 16));
    }
}
