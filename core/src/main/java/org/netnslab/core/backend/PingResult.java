package org.netnslab.core.backend;

import java.util.List;
import org.netnslab.core.net.Ipv4Address;

/** The probes of one {@code ping}, in order. */
public record PingResult(Ipv4Address destination, List<Probe> probes) {

    public long received() {
        return probes.stream().filter(p -> p.outcome() == Probe.Outcome.REPLY).count();
    }

    public long errors() {
        return probes.stream().filter(p -> p.outcome() == Probe.Outcome.ERROR).count();
    }
}
