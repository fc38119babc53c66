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
 */
public record PingRequest(Ipv4Address destination, int count, Optional<String> device, long intervalMillis,
        long timeoutMillis, OptionalInt ttl, int payloadSize) {

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
