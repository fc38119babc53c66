package org.netnslab.core.model;

import java.util.Optional;

/**
 * A neighbour's state ({@code NUD_*}, {@code include/uapi/linux/neighbour.h}), by the names the kernel gives
 * them and {@code ip neigh} prints, with their bits: a dump reports one, and iproute2's filters are masks.
 */
public enum NudState {
    NONE(0x00),
    INCOMPLETE(0x01),
    REACHABLE(0x02),
    STALE(0x04),
    DELAY(0x08),
    PROBE(0x10),
    FAILED(0x20),
    NOARP(0x40),
    PERMANENT(0x80);

    /** {@code NUD_VALID}: the states in which the entry has a link-layer address to send to. */
    public static final int VALID = PERMANENT.bit | NOARP.bit | REACHABLE.bit | PROBE.bit | STALE.bit | DELAY.bit;

    private final int bit;

    NudState(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean valid() {
        return (bit & VALID) != 0;
    }

    /** The state a dump reports as these bits; empty for a combination the lab does not model. */
    public static Optional<NudState> of(int bits) {
        for (NudState s : values()) {
            if (s.bit == bits) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
