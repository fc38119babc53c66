package org.netnslab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.OperState;
import org.netnslab.core.model.RouteProtocol;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * What the kernel does when a device changes: {@code dev_open} and {@code dev_close} with the
 * {@code NETDEV_UP}/{@code NETDEV_DOWN} notifier chain (routes, neighbours, addrconf, the bridge), carrier
 * changes with linkwatch's operstate ({@code rfc2863_policy}) and {@code NETDEV_CHANGE}, and the bridge's
 * port state selection. The simulator shows the settled state: what these produce once every deferred work
 * has run.
 */
final class Netdev {

    private Netdev() {}

    // ------------------------------------------------------------------------------------------ up and down

    /** {@code ip link set DEV up}. */
    static void open(Device d) {
        if (d.adminUp) {
            return;
        }
        d.adminUp = true;
        d.qdiscAttached = true;
        d.changed();
        if (d instanceof Veth v) {
            v.peer.changed();
            if (v.peer.adminUp) {
                setCarrier(List.of(v, v.peer), true);
            }
        }
        // NETDEV_UP
        if (d.isLoopback()) {
            Addresses.insert(d, new Ipv4Cidr(Routing.LOOPBACK, 8), Scope.HOST);
        }
        for (Ifa ifa : d.inet) {
            addPrefixRoute(ifa);
        }
        if (d instanceof Bridge br) {
            for (Device p : br.ports) {
                if (p.running() && p.operUp()) {
                    enablePort(p);
                }
            }
        }
        if (d.master != null) {
            portCarrierCheck(d);
        }
        addrconf(d);
        notify(d);
    }

    /** {@code ip link set DEV down}. */
    static void close(Device d) {
        if (!d.adminUp) {
            return;
        }
        d.adminUp = false;
        d.changed();
        if (d instanceof Veth v) {
            // veth_close: its own carrier off, and its peer's, if it still has one (not while being deleted)
            List<Device> lost = new ArrayList<>();
            if (v.carrier) {
                lost.add(v);
            }
            if (v.peer != null) {
                v.peer.changed();
                if (v.peer.carrier) {
                    lost.add(v.peer);
                }
            }
            setCarrier(lost, false);
        }
        // NETDEV_DOWN: fib_disable_ip, arp_ifdown, addrconf_ifdown
        d.ns.fib.removeIf(e -> e.dev == d);
        d.ns.neighbours.flush(d);
        if (d.inet6 != null) {
            d.inet6 = null;
            d.addressesChanged();
        }
        d.inet6Deleted = false;
        d.mcDeleted.clear();
        if (d.master != null) {
            disablePort(d, false);
        }
        if (d instanceof Bridge br) {
            boolean any = false;
            for (Device p : br.ports) {
                if (p.portForwarding) {
                    p.portForwarding = false;
                    br.forwardingPorts--;
                    br.forgetPort(p);
                    any = true;
                }
            }
            if (any) {
                selection(br);
            }
        }
        notify(d);
    }

    // ------------------------------------------------------------------------------------------ carrier

    /**
     * {@code netif_carrier_on/off} for devices that change together (the two ends of a veth): the bits now,
     * the rest when linkwatch runs.
     */
    static void setCarrier(List<Device> devices, boolean on) {
        for (Device d : devices) {
            if (d.carrier != on) {
                d.carrier = on;
                d.changed();
                d.ns.linkwatch.fire(d);
            }
        }
    }

    /** {@code linkwatch_do_dev}: the operstate, then {@code NETDEV_CHANGE} if the device is up. */
    static void linkwatchEvent(Device d) {
        linkwatch(d);
        d.changed();
        if (!d.adminUp) {
            return;
        }
        if (!d.carrier) {
            d.ns.neighbours.flush(d, true);
        }
        addrconf(d);
        if (d.master != null) {
            portCarrierCheck(d);
        }
        notify(d);
    }

    /**
     * {@code rfc2863_policy} with {@code default_operstate}: UP with a carrier; without one, DOWN, or
     * LOWERLAYERDOWN when the device at the index of its lower device ({@code iflink}, looked up in its own
     * namespace, whichever device that is there) has no carrier either.
     */
    static void linkwatch(Device d) {
        d.operState = defaultOperState(d);
    }

    static OperState defaultOperState(Device d) {
        if (d.carrier) {
            return OperState.UP;
        }
        int iflink = d.iflink();
        if (iflink == d.index) {
            return OperState.DOWN;
        }
        Optional<Device> lower = d.ns.device(iflink);
        if (lower.isEmpty()) {
            return OperState.DOWN;
        }
        return lower.get().carrier ? OperState.DOWN : OperState.LOWERLAYERDOWN;
    }

    // ------------------------------------------------------------------------------------------ bridge

    /** {@code br_add_if}: the port joins; the bridge may take its address; it forwards if it can. */
    static void enslave(Bridge br, Device port) {
        br.addPort(port);
        port.master = br;
        port.portForwarding = false;
        if (br.recalculateAddress()) {
            selection(br);
        }
        if (port.running() && port.operUp() && br.adminUp) {
            enablePort(port);
        }
        // the port shows its master; the bridge may have taken its address
        port.changed();
        br.changed();
        notify(port);
    }

    /** {@code br_del_if}: the port leaves; a bridge left with no port has the all-zero address. */
    static void release(Device port) {
        Bridge br = port.master;
        if (br == null) {
            return;
        }
        disablePort(port, true);
        br.removePort(port);
        port.master = null;
        if (br.recalculateAddress()) {
            selection(br);
        }
        port.changed();
        br.changed();
        notify(port);
    }

    /** {@code br_port_carrier_check}: a port forwards while it and its bridge are up and it has a carrier. */
    static void portCarrierCheck(Device port) {
        Bridge br = port.master;
        if (br.adminUp && port.running() && port.operUp()) {
            enablePort(port);
        } else {
            disablePort(port, false);
        }
    }

    private static void enablePort(Device port) {
        if (!port.portForwarding) {
            port.portForwarding = true;
            port.master.forwardingPorts++;
            selection(port.master);
        }
    }

    private static void disablePort(Device port, boolean always) {
        Bridge br = port.master;
        if (port.portForwarding) {
            port.portForwarding = false;
            br.forwardingPorts--;
            br.forgetPort(port);
            selection(br);
        } else if (always) {
            selection(br);
        }
    }

    /** {@code br_port_state_selection}: the bridge has a carrier when a port forwards. */
    private static void selection(Bridge br) {
        setCarrier(List.of(br), br.forwardingPorts > 0);
    }

    // ------------------------------------------------------------------------------------------ addresses

    /** {@code fib_add_ifaddr}'s prefix route, for a primary address of a device that is up. */
    static void addPrefixRoute(Ifa ifa) {
        Device d = ifa.dev;
        if (!d.adminUp || ifa.secondary || d.isLoopback()) {
            return;
        }
        Ipv4Cidr prefix = ifa.prefix();
        if (Routing.zeronet(prefix.address())
                || (prefix.address().equals(ifa.local()) && prefix.prefixLength() == 32)) {
            return;
        }
        for (Fib.Entry e : d.ns.fib.at(prefix)) {
            if (e.dev == d && e.protocol == RouteProtocol.KERNEL
                    && e.preferredSource.equals(Optional.of(ifa.local()))) {
                return;
            }
        }
        d.ns.fib.add(RouteType.UNICAST, prefix, Optional.empty(), d, RouteProtocol.KERNEL, Scope.LINK,
                Optional.of(ifa.local()), false);
        d.ns.changed();
    }

    /**
     * addrconf: {@code ::1} on a loopback that is up; a link-local address, made from the MAC of the moment,
     * once a device is up with a carrier and an operstate that lets traffic through. Losing the carrier
     * keeps it; going down removes it.
     */
    /** {@code IPV6_MIN_MTU}. */
    static final int IPV6_MIN_MTU = 1280;

    static void addrconf(Device d) {
        // below IPV6_MIN_MTU a device has no IPv6 (ipv6_add_dev refuses it)
        if (!d.adminUp || d.inet6 != null || d.inet6Deleted || d.mtu() < IPV6_MIN_MTU) {
            return;
        }
        if (d.isLoopback()) {
            d.inet6 = "::1/128";
        } else if (d.carrier && d.operUp() && d.qdiscAttached) {
            d.inet6 = d.mac.ipv6LinkLocal() + "/64";
        }
        if (d.inet6 != null) {
            d.addressesChanged();
        }
    }

    /**
     * An {@code RTM_NEWLINK} notification about a veth end: building it, the kernel gives the peer's
     * namespace an id in the device's namespace ({@code rtnl_fill_link_netnsid}).
     */
    static void notify(Device d) {
        if (d instanceof Veth v && v.peer != null && v.peer.ns != v.ns) {
            v.ns.idFor(v.peer.ns);
        }
    }
}
