package org.netnslab.sim;

import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/** An IPv4 interface address ({@code struct in_ifaddr}). */
final class Ifa {

    final Device dev;
    final Ipv4Cidr cidr;
    final Scope scope;
    boolean secondary;
    /** {@code ifa_broadcast}, as {@code brd} gave it; null when none was. */
    Ipv4Address broadcast;
    /** {@code ifa_label}, as {@code label} gave it; null for the device's name. */
    String label;

    Ifa(Device dev, Ipv4Cidr cidr, Scope scope) {
        this.dev = dev;
        this.cidr = cidr;
        this.scope = scope;
    }

    Ipv4Address local() {
        return cidr.address();
    }

    Ipv4Cidr prefix() {
        return cidr.network();
    }

    /** {@code inet_ifa_match}: the address is in this address's subnet. */
    boolean matches(Ipv4Address a) {
        return cidr.contains(a);
    }

    boolean sameSubnet(Ifa other) {
        return cidr.prefixLength() == other.cidr.prefixLength() && cidr.contains(other.local());
    }

    @Override
    public String toString() {
        return cidr + (secondary ? " secondary" : "") + " dev " + dev.name;
    }
}
