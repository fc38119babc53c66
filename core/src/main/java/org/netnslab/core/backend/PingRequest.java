package org.netnslab.core.backend;

import java.util.Optional;
import java.util.OptionalInt;
import org.netnslab.core.net.Ipv4Address;

/**
 * What {@code ping [-c N] [-i S] [-W S] [-I DEV] ADDR} asks for.
 *
 * @param count how many echo requests to send
 * @param device {@code -I DEV}: bind to this link
 * @param intervalMillis {@code -i}: time between requests
 * @param timeoutMillis {@code -W}: how long to wait for each reply
 * @param ttl {@code -t}: the time to live of the requests (IP_TTL), else the namespace's default
 * @param payloadSize {@code -s}: the bytes of data after the ICMP header (56 by default)
 * @param pattern {@code -p}: the bytes the data repeats after its timeval, in hex (none typed: iputils' own
 *     counting bytes; typed empty: zeros)
 * @param dontFragment {@code -M do}: {@code IP_PMTUDISC_DO}, a request larger than the path's mtu is refused by
 *     the sender's own kernel ({@code EMSGSIZE}: ping's {@code local error})
 * @param source {@code -I ADDR}: the requests' source, the sockets bound to it ({@code EADDRNOTAVAIL} when it
 *     is no address of the namespace)
 */
public record PingRequest(Ipv4Address destination, int count, Optional<String> device, long intervalMillis,
        long timeoutMillis, OptionalInt ttl, int payloadSize, Optional<String> pattern, boolean dontFragment,
        Optional<Ipv4Address> source) {

    public PingRequest(Ipv4Address destination, int count, Optional<String> device, long intervalMillis,
            long timeoutMillis, OptionalInt ttl, int payloadSize, Optional<String> pattern, boolean dontFragment) {
        this(destination, count, device, intervalMillis, timeoutMillis, ttl, payloadSize, pattern, dontFragment,
                Optional.empty());
    }

    public PingRequest(Ipv4Address destination, int count, Optional<String> device, long intervalMillis,
            long timeoutMillis, OptionalInt ttl, int payloadSize) {
        this(destination, count, device, intervalMillis, timeoutMillis, ttl, payloadSize, Optional.empty(), false);
    }

    /**
     * The data after the ICMP header, as iputils fills it: every byte its offset, or the pattern repeated from
     * the start; the first 16 are the timeval the sender writes when it fits ({@code size >= 16}), left zero here.
     */
    public byte[] data() {
        byte[] d = new byte[payloadSize];
        byte[] p = pattern.map(PingRequest::bytes).orElse(null);
        for (int i = payloadSize >= 16 ? 16 : 0; i < d.length; i++) {
            d[i] = p == null ? (byte) i : p.length == 0 ? 0 : p[i % p.length];
        }
        return d;
    }

    private static byte[] bytes(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** iputils' default {@code -s}. */
    public static final int DEFAULT_PAYLOAD = 56;

    public PingRequest(Ipv4Address destination, int count, Optional<String> device, long intervalMillis,
            long timeoutMillis, OptionalInt ttl) {
        this(destination, count, device, intervalMillis, timeoutMillis, ttl, DEFAULT_PAYLOAD);
    }

    public PingRequest(Ipv4Address destination, int count, Optional<String> device, long intervalMillis,
            long timeoutMillis) {
        this(destination, count, device, intervalMillis, timeoutMillis, OptionalInt.empty());
    }

    public static PingRequest of(Ipv4Address destination, int count) {
        return new PingRequest(destination, count, Optional.empty(), 1000, 10_000);
    }
}
