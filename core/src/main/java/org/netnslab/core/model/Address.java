package org.netnslab.core.model;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * An interface address, as {@code RTM_NEWADDR} reports it. IPv4 addresses are the learner's; IPv6 ones are
 * those the kernel adds by itself ({@code ::1} on the loopback, a link-local address on links that are up).
 *
 * @param linkIndex the ifindex of the link that holds it
 * @param family {@code inet} or {@code inet6}
 * @param prefix the address with its length, as {@code ip} prints it
 * @param secondary {@code IFA_F_SECONDARY}: a further IPv4 address in the subnet of a primary one
 * @param broadcast {@code IFA_BROADCAST}: the broadcast address given with {@code brd}, if any
 */
public record Address(int linkIndex, String linkName, String family, String prefix, Scope scope, boolean secondary,
        Optional<Ipv4Address> broadcast) {

    public Address(int linkIndex, String linkName, String family, String prefix, Scope scope, boolean secondary) {
        this(linkIndex, linkName, family, prefix, scope, secondary, Optional.empty());
    }

    public Address(int linkIndex, String linkName, String family, String prefix, Scope scope) {
        this(linkIndex, linkName, family, prefix, scope, false);
    }

    public static Address inet(int linkIndex, String linkName, Ipv4Cidr cidr, Scope scope) {
        return new Address(linkIndex, linkName, "inet", cidr.toString(), scope, false);
    }

    public static Address inetSecondary(int linkIndex, String linkName, Ipv4Cidr cidr, Scope scope) {
        return new Address(linkIndex, linkName, "inet", cidr.toString(), scope, true);
    }

    public static Address inet6(int linkIndex, String linkName, String prefix, Scope scope) {
        return new Address(linkIndex, linkName, "inet6", prefix, scope);
    }

    public boolean isInet() {
        return family.equals("inet");
    }

    public Optional<Ipv4Cidr> ipv4() {
        return isInet() ? Ipv4Cidr.tryParse(prefix) : Optional.empty();
    }
}
