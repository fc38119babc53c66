package org.netnslab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.NeighbourRequest;
import org.netnslab.core.model.Neighbour;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;
import org.netnslab.sim.Neighbours.Entry;

/**
 * {@code net/core/neighbour.c}'s rtnetlink side for the ARP table: {@code neigh_add}, {@code neigh_delete}
 * and {@code neigh_dump_table}, over a namespace's {@link Neighbours}, with {@link Neigh} for the update.
 */
final class NeighRtnl {

    private final Neigh neigh;

    NeighRtnl(Neigh neigh) {
        this.neigh = neigh;
    }

    /**
     * {@code neigh_dump_table}: every entry, as {@code neigh_fill_info} fills it: the link-layer address only
     * while the state is valid.
     */
    static List<Neighbour> dump(Namespace ns, long now) {
        List<Neighbour> out = new ArrayList<>();
        for (Entry e : ns.neighbours.entries()) {
            NudState state = e.state(now);
            if (state == null) {
                continue;
            }
            Optional<MacAddress> mac = state.valid() ? Optional.ofNullable(e.mac) : Optional.empty();
            out.add(new Neighbour(e.address, e.dev.index, mac, state));
        }
        return out;
    }

    /**
     * {@code neigh_add}: the entry is looked up, made if the flags allow, then updated. A new entry stays even
     * when the update is refused, in state NONE, as the kernel leaves it.
     */
    void add(Namespace ns, Device dev, NeighbourRequest r) throws KernelException {
        Optional<Entry> existing = ns.neighbours.get(dev, r.address());
        if (existing.isEmpty() && r.mode() == NeighbourRequest.Mode.CHANGE) {
            throw new KernelException(Errno.ENOENT);
        }
        if (existing.isPresent() && r.mode() == NeighbourRequest.Mode.ADD) {
            throw new KernelException(Errno.EEXIST);
        }
        Entry e = existing.orElseGet(() -> {
            Entry made = ns.neighbours.getOrCreate(dev, r.address());
            made.state = NudState.NONE;
            return made;
        });
        MacAddress mac = r.lladdr().orElse(e.valid() ? e.mac : null);
        if (r.state().valid() && mac == null) {
            throw new KernelException(Errno.EINVAL, "No link layer address given");
        }
        neigh.adminUpdate(e, mac, r.state());
    }

    /** {@code neigh_delete}: the entry goes, and what waited in it with it. */
    static void delete(Namespace ns, Device dev, Ipv4Address address) throws KernelException {
        Entry e = ns.neighbours.get(dev, address).orElseThrow(() -> new KernelException(Errno.ENOENT));
        e.queue.clear();
        ns.neighbours.remove(e);
    }
}
