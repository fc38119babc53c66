package org.netnslab.core.net;

import java.util.Optional;

/**
 * An address with a prefix length, as in {@code 10.0.0.1/24}. The address keeps its host bits (an interface
 * address); {@link #network()} clears them (a route's destination).
 */
public record Ipv4Cidr(Ipv4Address address, int prefixLength) implements Comparable<Ipv4Cidr> {

    public static final Ipv4Cidr DEFAULT = new Ipv4Cidr(Ipv4Address.ANY, 0);

    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/len} or a bare {@code a.b.c.d} (a /32), the forms {@code ip} accepts. */
    public static Optional<Ipv4Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Ipv4Address.tryParse(text).map(a -> new Ipv4Cidr(a, 32));
        }
        String len = text.substring(slash + 1);
        if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(len);
        if (prefix > 32) {
            return Optional.empty();
        }
        return Ipv4Address.tryParse(text.substring(0, slash)).map(a -> new Ipv4Cidr(a, prefix));
    }

    public static Ipv4Cidr parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 prefix: " + text));
    }

    public int mask() {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public Ipv4Cidr network() {
        return new Ipv4Cidr(new Ipv4Address(address.bits() & mask()), prefixLength);
    }

    public Ipv4Address broadcast() {
        return new Ipv4Address(address.bits() | ~mask());
    }

    public boolean contains(Ipv4Address a) {
        return (a.bits() & mask()) == (address.bits() & mask());
    }

    public boolean isDefault() {
        return prefixLength == 0;
    }

    public boolean hasHostBits() {
        return (address.bits() & ~mask()) != 0;
    }

    @Override
    public int compareTo(Ipv4Cidr o) {
        int c = address.compareTo(o.address);
        return c != 0 ? c : Integer.compare(prefixLength, o.prefixLength);
    }

    /** {@code ip route}'s way: a /32 prints bare, anything else with its length. */
    public String toRouteString() {
        return prefixLength == 32 ? address.toString() : toString();
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
