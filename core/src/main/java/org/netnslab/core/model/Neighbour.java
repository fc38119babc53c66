package org.netnslab.core.model;

import java.util.Objects;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;

/**
 * An entry of a namespace's ARP table: what {@code RTM_NEWNEIGH} reports for {@code AF_INET} and
 * {@code ip neigh} prints.
 *
 * @param linkIndex the ifindex of the device it is on
 * @param lladdr {@code NDA_LLADDR}: absent while the entry is INCOMPLETE or FAILED
 */
public record Neighbour(Ipv4Address address, int linkIndex, Optional<MacAddress> lladdr, NudState state) {

    public Neighbour {
        Objects.requireNonNull(address);
        Objects.requireNonNull(lladdr);
        Objects.requireNonNull(state);
    }
}
