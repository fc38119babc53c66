package org.netnslab.core.backend;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;

/**
 * The probes of one {@code ping}, in order.
 *
 * @param source the source address the requests carried (ping prints it with {@code -I DEV})
 */
public record PingResult(Ipv4Address destination, Optional<Ipv4Address> source, List<Probe> probes) {

    public PingResult(Ipv4Address destination, List<Probe> probes) {
        this(destination, Optional.empty(), probes);
    }

    public long received() {
        return probes.stream().filter(p -> p.outcome() == Probe.Outcome.REPLY).count();
    }

    public long errors() {
        return probes.stream().filter(p -> p.outcome() == Probe.Outcome.ERROR).count();
    }
}
