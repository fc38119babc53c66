package org.netnslab.core.model;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * A rule of the nat table's POSTROUTING chain: {@code -A POSTROUTING [-s CIDR] [-o DEV] [-j MASQUERADE]}.
 *
 * @param source the {@code -s} match, a network (host bits clear, as iptables stores it)
 * @param outInterface the {@code -o} match
 * @param masquerade whether the rule jumps to MASQUERADE; a rule without {@code -j} only counts packets
 */
public record NatRule(Optional<Ipv4Cidr> source, Optional<String> outInterface, boolean masquerade) {

    /** A MASQUERADE rule. */
    public NatRule(Optional<Ipv4Cidr> source, Optional<String> outInterface) {
        this(source, outInterface, true);
    }

    /** Whether a packet from this source leaving through this link matches. */
    public boolean matches(org.netnslab.core.net.Ipv4Address src, String outLink) {
        return source.map(s -> s.contains(src)).orElse(true) && outInterface.map(o -> o.equals(outLink)).orElse(true);
    }
}
