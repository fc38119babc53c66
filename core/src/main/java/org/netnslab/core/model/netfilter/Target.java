package org.netnslab.core.model.netfilter;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;

/** What a rule does with a packet it matches ({@code -j}). */
public sealed interface Target {

    /** The name {@code -j} takes and {@code -L} prints. */
    String name();

    /** {@code -j ACCEPT}, {@code -j DROP}, {@code -j RETURN}: a verdict of nf_tables. */
    enum Verdict implements Target {
        ACCEPT, DROP, RETURN
    }

    /** {@code -j CHAIN}: a user chain of the same table; the packet comes back when that chain ends or returns. */
    record Jump(String chain) implements Target {

        @Override
        public String name() {
            return chain;
        }
    }

    /** The ICMP error or TCP reset {@code REJECT --reject-with} sends, with iptables' names. */
    enum RejectWith {
        ICMP_NET_UNREACHABLE("icmp-net-unreachable"),
        ICMP_HOST_UNREACHABLE("icmp-host-unreachable"),
        ICMP_PORT_UNREACHABLE("icmp-port-unreachable"),
        ICMP_PROTO_UNREACHABLE("icmp-proto-unreachable"),
        ICMP_NET_PROHIBITED("icmp-net-prohibited"),
        ICMP_HOST_PROHIBITED("icmp-host-prohibited"),
        TCP_RESET("tcp-reset"),
        ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited");

        private final String iptablesName;

        RejectWith(String iptablesName) {
            this.iptablesName = iptablesName;
        }

        public String iptablesName() {
            return iptablesName;
        }
    }

    /** {@code -j REJECT [--reject-with TYPE]}, {@code icmp-port-unreachable} when not given. */
    record Reject(RejectWith with) implements Target {

        @Override
        public String name() {
            return "REJECT";
        }
    }

    /** {@code -j LOG [--log-prefix TEXT] [--log-level N]}: logs and lets the packet go on down the chain. */
    record Log(Optional<String> prefix, int level) implements Target {

        /** {@code --log-level} when not given: 4, warning. */
        public static final int DEFAULT_LEVEL = 4;

        @Override
        public String name() {
            return "LOG";
        }
    }

    /**
     * Where NAT moves a packet to: addresses {@code first} to {@code last}, and a port range when given
     * ({@code ADDR[-ADDR][:PORT[-PORT]]}).
     */
    record NatRange(Ipv4Address first, Ipv4Address last, Optional<Match.PortRange> ports) {

        public static NatRange of(Ipv4Address address) {
            return new NatRange(address, address, Optional.empty());
        }
    }

    /** {@code -j MASQUERADE [--to-ports PORT[-PORT]]}, in nat POSTROUTING. */
    record Masquerade(Optional<Match.PortRange> toPorts) implements Target {

        public static final Masquerade PLAIN = new Masquerade(Optional.empty());

        @Override
        public String name() {
            return "MASQUERADE";
        }
    }

    /** {@code -j SNAT --to-source RANGE}, in nat POSTROUTING and INPUT. */
    record Snat(NatRange to) implements Target {

        @Override
        public String name() {
            return "SNAT";
        }
    }

    /** {@code -j DNAT --to-destination RANGE}, in nat PREROUTING and OUTPUT. */
    record Dnat(NatRange to) implements Target {

        @Override
        public String name() {
            return "DNAT";
        }
    }
}
