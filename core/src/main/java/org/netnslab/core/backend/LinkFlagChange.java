package org.netnslab.core.backend;

import java.util.Optional;
import org.netnslab.core.model.Link;

/**
 * The flags one {@code ip link set} changes, as iproute2 puts them in {@code ifi_flags} and {@code ifi_change}:
 * each one given is set or cleared, those not given stay as they are.
 *
 * @param multicast {@code IFF_MULTICAST}: {@code multicast on|off}
 * @param noArp {@code IFF_NOARP}: set by {@code arp off}, cleared by {@code arp on}
 * @param allMulticast {@code IFF_ALLMULTI}: {@code allmulticast on|off}
 * @param promisc {@code IFF_PROMISC}: {@code promisc on|off}
 * @param dynamic {@code IFF_DYNAMIC}: {@code dynamic on|off}
 * @param noTrailers {@code IFF_NOTRAILERS}: set by {@code trailers off}, cleared by {@code trailers on}
 */
public record LinkFlagChange(Optional<Boolean> multicast, Optional<Boolean> noArp, Optional<Boolean> allMulticast,
        Optional<Boolean> promisc, Optional<Boolean> dynamic, Optional<Boolean> noTrailers) {

    public static final LinkFlagChange NONE = new LinkFlagChange(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Whether it changes no flag. */
    public boolean isEmpty() {
        return multicast.isEmpty() && noArp.isEmpty() && allMulticast.isEmpty() && promisc.isEmpty()
                && dynamic.isEmpty() && noTrailers.isEmpty();
    }

    /** The flags after the change. */
    public Link.Flags applyTo(Link.Flags f) {
        return new Link.Flags(multicast.orElse(f.multicast()), noArp.orElse(f.noArp()),
                allMulticast.orElse(f.allMulticast()), promisc.orElse(f.promisc()), dynamic.orElse(f.dynamic()),
                noTrailers.orElse(f.noTrailers()));
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        multicast.ifPresent(v -> sb.append(" multicast ").append(v ? "on" : "off"));
        noArp.ifPresent(v -> sb.append(" arp ").append(v ? "off" : "on"));
        allMulticast.ifPresent(v -> sb.append(" allmulticast ").append(v ? "on" : "off"));
        promisc.ifPresent(v -> sb.append(" promisc ").append(v ? "on" : "off"));
        dynamic.ifPresent(v -> sb.append(" dynamic ").append(v ? "on" : "off"));
        noTrailers.ifPresent(v -> sb.append(" trailers ").append(v ? "off" : "on"));
        return sb.substring(1);
    }
}
