package org.netnslab.core.model;

import java.util.Objects;
import java.util.OptionalInt;
import org.netnslab.core.net.MacAddress;

/**
 * An entry of a {@code PF_BRIDGE} neighbour dump, as {@code bridge fdb show} prints it: an address a bridge
 * learned or holds for a port ({@code master}), or one in a device's own address lists ({@code self}).
 *
 * @param linkIndex the device it is on
 * @param master {@code NDA_MASTER}: the bridge whose table holds it, for a {@code master} entry
 * @param self {@code NTF_SELF}: the device's own unicast or multicast list
 * @param state PERMANENT for a local or listed address, NOARP for a static one, REACHABLE or STALE for a
 *     learned one
 */
public record FdbEntry(MacAddress mac, int linkIndex, OptionalInt master, boolean self, NudState state) {

    public FdbEntry {
        Objects.requireNonNull(mac);
        Objects.requireNonNull(master);
        Objects.requireNonNull(state);
    }
}
