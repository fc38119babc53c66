package org.netnslab.core.backend;

import java.util.Objects;
import java.util.Optional;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;

/**
 * What {@code ip neigh add|change|replace ADDR [lladdr MAC] [nud STATE] dev DEV} asks of the kernel: an
 * {@code RTM_NEWNEIGH} with its flags.
 *
 * @param lladdr absent when none was typed: the kernel keeps the entry's own, and refuses when it has none
 * @param state {@code ndm_state}: PERMANENT unless {@code nud} says otherwise
 */
public record NeighbourRequest(Mode mode, String device, Ipv4Address address, Optional<MacAddress> lladdr,
        NudState state) {

    /** The request's netlink flags. */
    public enum Mode {
        /** {@code NLM_F_CREATE | NLM_F_EXCL}: refused with {@link Errno#EEXIST} when the entry is there. */
        ADD,
        /** {@code NLM_F_REPLACE}: refused with {@link Errno#ENOENT} when the entry is not there. */
        CHANGE,
        /** {@code NLM_F_CREATE | NLM_F_REPLACE}. */
        REPLACE
    }

    public NeighbourRequest {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(device);
        Objects.requireNonNull(address);
        Objects.requireNonNull(lladdr);
        Objects.requireNonNull(state);
    }
}
