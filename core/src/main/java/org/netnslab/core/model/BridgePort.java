package org.netnslab.core.model;

import java.util.Objects;

/**
 * A bridge port as an {@code AF_BRIDGE} link dump reports it ({@code IFLA_PROTINFO}'s {@code IFLA_BRPORT_*})
 * and {@code bridge link} prints it.
 *
 * @param linkIndex the port's ifindex
 * @param state {@code IFLA_BRPORT_STATE}
 * @param priority {@code IFLA_BRPORT_PRIORITY}
 * @param cost {@code IFLA_BRPORT_COST}: what the kernel derives from the port's speed (2 for a veth's 10 Gb/s)
 */
public record BridgePort(int linkIndex, State state, int priority, int cost) {

    /** {@code BR_STATE_*}, as {@code bridge link} prints them. */
    public enum State {
        DISABLED,
        LISTENING,
        LEARNING,
        FORWARDING,
        BLOCKING
    }

    public BridgePort {
        Objects.requireNonNull(state);
    }
}
