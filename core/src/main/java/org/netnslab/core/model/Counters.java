package org.netnslab.core.model;

/** Packet and byte counters, as {@code iptables -L -v} prints them. */
public record Counters(long packets, long bytes) {
    public static final Counters ZERO = new Counters(0, 0);

    public Counters plus(long packetLength) {
        return new Counters(packets + 1, bytes + packetLength);
    }
}
