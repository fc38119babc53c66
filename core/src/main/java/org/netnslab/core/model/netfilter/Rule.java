package org.netnslab.core.model.netfilter;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * A rule as iptables reads and prints it: the matches of the IP header ({@code struct ipt_ip}: {@code -s},
 * {@code -d}, {@code -i}, {@code -o}, {@code -p}, each of which {@code !} can negate), then the extension
 * matches in the order they were given ({@code -m ...}), then the target ({@code -j}); a rule without a
 * target only counts. iptables-nft turns each part into nf_tables expressions and reads them back the same.
 * Two rules are the same rule ({@code -D}, {@code -C}) when they are equal.
 */
public record Rule(
        Optional<AddressMatch> source,
        Optional<AddressMatch> destination,
        Optional<InterfaceMatch> inInterface,
        Optional<InterfaceMatch> outInterface,
        Optional<ProtocolMatch> protocol,
        List<Match> matches,
        Optional<Target> target) {

    public Rule {
        matches = List.copyOf(matches);
    }

    /** A rule that matches everything and does {@code target}. */
    public static Rule jump(Target target) {
        return new Rule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.of(target));
    }

    /**
     * {@code [!] -s|-d CIDR}: a network, its host bits clear as iptables stores it.
     */
    public record AddressMatch(Ipv4Cidr network, boolean negated) {}

    /**
     * {@code [!] -i|-o NAME}; a name that ends in {@code +} matches every name that starts with the rest
     * ({@code eth+}).
     */
    public record InterfaceMatch(String name, boolean negated) {

        public boolean matches(String device) {
            boolean m = name.endsWith("+") ? device.startsWith(name.substring(0, name.length() - 1))
                    : device.equals(name);
            return m != negated;
        }
    }

    /** {@code [!] -p PROTO}: the IP protocol number (1 icmp, 6 tcp, 17 udp); {@code -p all} is no match. */
    public record ProtocolMatch(int protocol, boolean negated) {

        public static final int ICMP = 1;
        public static final int TCP = 6;
        public static final int UDP = 17;
    }
}
