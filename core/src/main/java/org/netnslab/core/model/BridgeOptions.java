package org.netnslab.core.model;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Bridge options a learner sets ({@code ip link set BR type bridge ...}), as {@code IFLA_BR_*} carries them:
 * the times in hundredths of a second, as ip reads and prints them; each absent when not given.
 *
 * @param stpState {@code IFLA_BR_STP_STATE}: 0 off, else on
 */
public record BridgeOptions(OptionalLong forwardDelay, OptionalLong helloTime, OptionalLong maxAge,
        OptionalLong ageingTime, OptionalLong stpState, OptionalInt priority) {

    public BridgeOptions {
        Objects.requireNonNull(forwardDelay);
        Objects.requireNonNull(helloTime);
        Objects.requireNonNull(maxAge);
        Objects.requireNonNull(ageingTime);
        Objects.requireNonNull(stpState);
        Objects.requireNonNull(priority);
    }
}
