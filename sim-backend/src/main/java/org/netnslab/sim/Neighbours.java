package org.netnslab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;
import org.netnslab.sim.wire.Ipv4Packet;

/**
 * The ARP table of one namespace ({@code arp_tbl} with its {@code struct neighbour}s), keyed by device and
 * address. The state machine that drives it is {@link Neigh}, with {@link Arp}; this is its storage, with the
 * kernel's timings.
 */
final class Neighbours {

    /**
     * {@code base_reachable_time}: 30 s. The kernel draws each entry's reachable time between 15 and 45 s; the
     * lab takes the middle, which recorded scenarios agree with as long as an entry is looked at within 15 s
     * of its confirmation (a recorder runs a script in well under a second).
     */
    static final long REACHABLE_TIME = 30 * Engine.SECOND;
    /** {@code delay_first_probe_time}. */
    static final long DELAY_FIRST_PROBE = 5 * Engine.SECOND;
    /** {@code retrans_time}. */
    static final long RETRANS = Engine.SECOND;
    /** {@code mcast_solicit} for a new entry, {@code ucast_solicit} for a stale one. */
    static final int MAX_PROBES = 3;
    /** {@code unres_qlen}, roughly: what waits for an answer. */
    static final int QUEUE = 101;

    /** A packet that waits for its next hop's address, with the journey it belongs to. */
    record Pending(Ipv4Packet packet, Trace trace) {}

    static final class Entry {
        final Device dev;
        final Ipv4Address address;
        MacAddress mac;
        NudState state;
        long confirmed;
        int probes;
        /** Bumped whenever the entry is reset, so that timers of an older life do nothing. */
        long generation;
        final List<Pending> queue = new ArrayList<>();

        Entry(Device dev, Ipv4Address address) {
            this.dev = dev;
            this.address = address;
        }

        /** A REACHABLE entry whose confirmation is older than the reachable time is STALE. */
        NudState state(long now) {
            if (state == NudState.REACHABLE && now - confirmed >= REACHABLE_TIME) {
                state = NudState.STALE;
            }
            return state;
        }

        boolean valid() {
            return mac != null && state != null && state.valid();
        }
    }

    /** Written out: every flooded ARP request looks itself up here, in every namespace it reaches. */
    private static final class Key {
        private final long device;
        private final Ipv4Address address;

        Key(long device, Ipv4Address address) {
            this.device = device;
            this.address = address;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.device == device && k.address.equals(address);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(device) * 31 + address.hashCode();
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    Optional<Entry> get(Device dev, Ipv4Address a) {
        return Optional.ofNullable(entries.get(new Key(dev.serial, a)));
    }

    Entry getOrCreate(Device dev, Ipv4Address a) {
        return entries.computeIfAbsent(new Key(dev.serial, a), k -> new Entry(dev, a));
    }

    void remove(Entry e) {
        entries.remove(new Key(e.dev.serial, e.address));
        e.generation++;
    }

    /**
     * {@code neigh_ifdown}: a device that goes down, loses its last address, leaves or is deleted forgets its
     * neighbours; what waited in their queues is dropped without a word.
     */
    void flush(Device dev) {
        flush(dev, false);
    }

    /** {@code __neigh_ifdown}; {@code neigh_carrier_down} keeps the PERMANENT entries ({@code skip_perm}). */
    void flush(Device dev, boolean keepPermanent) {
        entries.values().removeIf(e -> {
            if (e.dev != dev || (keepPermanent && e.state == NudState.PERMANENT)) {
                return false;
            }
            e.generation++;
            e.queue.clear();
            return true;
        });
    }

    /** Every entry, in the order they were made (the lab's stand-in for the kernel's hash order). */
    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    int size() {
        return entries.size();
    }
}
