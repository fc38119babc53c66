package org.netnslab.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * IPv4 addresses as {@code devinet.c} keeps them: {@code __inet_insert_ifa} (a second address in the subnet
 * of one already there is secondary; primaries are ordered by scope, secondaries go last) and
 * {@code __inet_del_ifa} ({@code promote_secondaries} is 0 in a new namespace, so a primary takes its
 * secondaries with it), with the routes {@code fib_add_ifaddr} and {@code fib_del_ifaddr} add and remove.
 */
final class Addresses {

    private Addresses() {}

    /** The scope iproute2 gives an address it is not told a scope for: host for 127/8, else global. */
    static Scope defaultScope(Ipv4Cidr cidr) {
        return cidr.address().isLoopback() ? Scope.HOST : Scope.GLOBAL;
    }

    /** Checks what {@link #add} would refuse, without changing anything. */
    static void check(Device d, Ipv4Cidr cidr, Scope scope) throws KernelException {
        for (Ifa other : d.inet) {
            if (other.cidr.prefixLength() == cidr.prefixLength() && cidr.contains(other.local())) {
                if (other.local().equals(cidr.address())) {
                    throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned");
                }
                if (other.scope != scope) {
                    throw new KernelException(Errno.EINVAL, "ipv4: Invalid scope value");
                }
            }
        }
    }

    /** {@code ip addr add CIDR dev DEV}. */
    static void add(Device d, Ipv4Cidr cidr, Scope scope) throws KernelException {
        add(d, cidr, scope, null, null);
    }

    /** {@code ip addr add CIDR brd BRD dev DEV label LABEL}; a null broadcast or label is none. */
    static void add(Device d, Ipv4Cidr cidr, Scope scope, Ipv4Address broadcast, String label)
            throws KernelException {
        check(d, cidr, scope);
        insert(d, cidr, scope, broadcast, label);
    }

    /** Inserts an address the kernel adds by itself (127.0.0.1 when lo comes up); one already there stays. */
    static void insert(Device d, Ipv4Cidr cidr, Scope scope) {
        insert(d, cidr, scope, null, null);
    }

    private static void insert(Device d, Ipv4Cidr cidr, Scope scope, Ipv4Address broadcast, String label) {
        if (cidr.address().isAny()) {
            return;
        }
        boolean secondary = false;
        for (Ifa other : d.inet) {
            if (other.cidr.prefixLength() == cidr.prefixLength() && cidr.contains(other.local())) {
                if (other.local().equals(cidr.address()) || other.scope != scope) {
                    return;
                }
                secondary = true;
            }
        }
        d.ns.fib.make();
        Ifa ifa = new Ifa(d, cidr, scope);
        ifa.secondary = secondary;
        ifa.broadcast = broadcast;
        ifa.label = label;
        if (secondary) {
            d.inet.add(ifa);
        } else {
            int at = 0;
            for (int i = 0; i < d.inet.size(); i++) {
                Ifa other = d.inet.get(i);
                if (!other.secondary && scope.value() <= other.scope.value()) {
                    at = i + 1;
                }
            }
            d.inet.add(at, ifa);
        }
        d.addressesChanged();
        Netdev.addPrefixRoute(ifa);
    }

    static Optional<Ifa> find(Device d, Ipv4Cidr cidr) {
        return d.inet.stream()
                .filter(i -> i.local().equals(cidr.address()) && i.cidr.prefixLength() == cidr.prefixLength())
                .findFirst();
    }

    /** {@code ip addr del CIDR dev DEV}. */
    static void delete(Device d, Ipv4Cidr cidr) throws KernelException {
        Ifa ifa = find(d, cidr).orElseThrow(() -> new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found"));
        List<Ifa> gone = new ArrayList<>();
        if (!ifa.secondary) {
            for (Ifa s : d.inet) {
                if (s.secondary && s.cidr.prefixLength() == ifa.cidr.prefixLength() && ifa.matches(s.local())) {
                    gone.add(s);
                }
            }
        }
        gone.add(ifa);
        d.inet.removeAll(gone);
        d.addressesChanged();
        for (Ifa g : gone) {
            deleteRoutes(g);
        }
        if (d.inet.isEmpty()) {
            // the last address went: fib_disable_ip, every route through the device goes too
            d.ns.fib.removeIf(e -> e.dev == d);
            d.ns.neighbours.flush(d);
        }
    }

    /** {@code inetdev_destroy}: a device that leaves its namespace loses every address. */
    static void removeAll(Device d) {
        List<Ifa> gone = new ArrayList<>(d.inet);
        d.inet.clear();
        d.addressesChanged();
        for (Ifa g : gone) {
            deleteRoutes(g);
        }
        d.ns.fib.removeIf(e -> e.dev == d);
    }

    /** {@code fib_del_ifaddr}: the prefix route; and, once no device has the address, routes that use it as source. */
    private static void deleteRoutes(Ifa ifa) {
        Namespace ns = ifa.dev.ns;
        if (!ifa.secondary) {
            Optional<Ipv4Address> src = Optional.of(ifa.local());
            for (Fib.Entry e : List.copyOf(ns.fib.at(ifa.prefix()))) {
                if (e.dev == ifa.dev && e.protocol == RouteProtocol.KERNEL && e.preferredSource.equals(src)) {
                    ns.fib.remove(e);
                    break;
                }
            }
        }
        Set<Ipv4Address> held = new HashSet<>();
        for (Device d : ns.registrationOrder()) {
            for (Ifa i : d.inet) {
                held.add(i.local());
            }
        }
        if (!held.contains(ifa.local())) {
            ns.fib.removeIf(e -> e.preferredSource.equals(Optional.of(ifa.local())));
        }
    }

    /**
     * {@code inetdev_changename}: the device's first address takes its new name as its label; each other one
     * the new name and what followed the colon of its old label, or {@code :N} (N its place from 1) when its
     * old label had none; cut so that the label keeps what follows the colon within IFNAMSIZ.
     */
    static void changeName(Device d) {
        int named = 0;
        for (Ifa ifa : d.inet) {
            String old = ifa.label;
            ifa.label = null;
            if (named++ == 0) {
                continue;
            }
            int colon = old == null ? -1 : old.indexOf(':');
            String suffix = colon < 0 ? ":" + named : old.substring(colon);
            String label = suffix.length() + d.name.length() < IFNAMSIZ ? d.name + suffix
                    : d.name.substring(0, Math.max(0, IFNAMSIZ - suffix.length() - 1)) + suffix;
            ifa.label = label.equals(d.name) ? null : label;
        }
        d.addressesChanged();
    }

    private static final int IFNAMSIZ = 16;
}
