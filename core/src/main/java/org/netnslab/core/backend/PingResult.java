package org.netnslab.core.backend;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;

/**
 * The probes of one {@code ping}, in order.
 *
 * @param source the source address the requests carried (ping prints it with {@code -I DEV})
 * @param pipe iputils' pipe size: the most requests that were out when an answer (a reply or an error) came
 *     back, counting the answered one; ping prints {@code pipe N} under its statistics when it is above 1
 *     (answers that all wait on one ARP resolution, for instance)
 */
public record PingResult(Ipv4Address destination, Optional<Ipv4Address> source, List<Probe> probes, int pipe) {

    public PingResult(Ipv4Address destination, Optional<Ipv4Address> source, List<Probe> probes) {
        this(destination, source, probes, 1);
    }

    public PingResult(Ipv4Address destination, List<Probe> probes) {
        this(destination, Optional.empty(), probes, 1);
    }

    public long received() {
        return probes.stream().filter(p -> p.outcome() == Probe.Outcome.REPLY).count();
    }

    public long errors() {
        return probes.stream().filter(p -> p.outcome() == Probe.Outcome.ERROR).count();
    }
}
