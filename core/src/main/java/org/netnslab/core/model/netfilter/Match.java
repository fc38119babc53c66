package org.netnslab.core.model.netfilter;

import java.util.Optional;
import java.util.Set;

/**
 * An extension match, as {@code -m NAME} (or {@code -p tcp|udp|icmp}, which loads its protocol's match)
 * brings it, with the options iptables prints it back with.
 */
public sealed interface Match {

    /** The module's name, as {@code -S} prints it after {@code -m}. */
    String module();

    /**
     * {@code [!] --sport|--dport PORT[:PORT]}, a range of ports, both ends included.
     */
    record PortRange(int first, int last, boolean negated) {

        public static PortRange of(int port) {
            return new PortRange(port, port, false);
        }

        public boolean matches(int port) {
            return (port >= first && port <= last) != negated;
        }

        /** Every port, as iptables takes a match that says nothing of them ({@code 0:65535}). */
        public boolean all() {
            return first == 0 && last == 65535 && !negated;
        }

        /** {@code N} or {@code N-M}: how NAT's targets write a range of ports. */
        public String dashed() {
            return first == last ? String.valueOf(first) : first + "-" + last;
        }
    }

    /** {@code -m tcp} or {@code -m udp}: {@code --sport}, {@code --dport}. */
    record Ports(int protocol, Optional<PortRange> sourcePort, Optional<PortRange> destinationPort) implements Match {

        @Override
        public String module() {
            return protocol == Rule.ProtocolMatch.UDP ? "udp" : "tcp";
        }
    }

    /**
     * {@code -m icmp [!] --icmp-type TYPE[/CODE]}: {@code type} 255 is {@code any}; codes from {@code codeMin} to
     * {@code codeMax}, 0 to 255 when the type was given without a code.
     */
    record Icmp(int type, int codeMin, int codeMax, boolean negated) implements Match {

        @Override
        public String module() {
            return "icmp";
        }
    }

    /** A connection's state as conntrack sees a packet, in the order iptables prints states. */
    enum CtState {
        INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT
    }

    /** {@code -m conntrack [!] --ctstate STATE[,STATE...]}. */
    record Conntrack(Set<CtState> states, boolean negated) implements Match {

        public Conntrack {
            states = Set.copyOf(states);
        }

        @Override
        public String module() {
            return "conntrack";
        }
    }

    /** {@code -m state [!] --state STATE[,STATE...]} (INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED). */
    record State(Set<CtState> states, boolean negated) implements Match {

        public State {
            states = Set.copyOf(states);
        }

        @Override
        public String module() {
            return "state";
        }
    }

    /** An address type, as {@code inet_addr_type} tells it, in the order iptables prints them. */
    enum AddrType {
        UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW, NAT, XRESOLVE
    }

    /** One side of {@code -m addrtype}: {@code [!] --src-type|--dst-type TYPE[,TYPE...]}. */
    record AddrTypes(Set<AddrType> types, boolean negated) {

        public AddrTypes {
            types = Set.copyOf(types);
        }
    }

    /** {@code -m addrtype [--src-type ...] [--dst-type ...]}. */
    record Addrtype(Optional<AddrTypes> source, Optional<AddrTypes> destination) implements Match {

        @Override
        public String module() {
            return "addrtype";
        }
    }

    /** {@code -m comment --comment TEXT}: matches every packet. */
    record Comment(String text) implements Match {

        @Override
        public String module() {
            return "comment";
        }
    }
}
