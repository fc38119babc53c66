package org.netnslab.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.BridgeOptions;
import org.netnslab.core.model.BridgePort;
import org.netnslab.core.model.FdbEntry;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.MacAddress;

/**
 * The bridge's netlink views: {@code br_netlink.c}'s port info ({@code IFLA_PROTINFO}) and
 * {@code rtnl_fdb_dump} over {@code br_fdb.c}'s table and {@code ndo_dflt_fdb_dump}'s device address lists.
 */
final class BrNetlink {

    /** {@code BR_PORT_DEFAULT_PRIORITY}. */
    static final int PORT_PRIORITY = 32;
    /** {@code port_cost()} of a 10 Gb/s link, the speed a veth reports. */
    static final int VETH_COST = 2;

    private static final MacAddress ALL_NODES = mac(0x3333_0000_0001L);
    private static final MacAddress ALL_HOSTS = mac(0x0100_5e00_0001L);
    private static final MacAddress ALL_SNOOPERS_V4 = mac(0x0100_5e00_006aL);
    private static final MacAddress ALL_SNOOPERS_V6 = mac(0x3333_0000_006aL);

    private BrNetlink() {}

    private static MacAddress mac(long bits) {
        return new MacAddress(bits);
    }

    /** An {@code AF_BRIDGE} link dump: the ports, STP off, so forwarding or disabled. */
    static List<BridgePort> ports(Namespace ns) {
        List<BridgePort> out = new ArrayList<>();
        for (Device d : ns.devices()) {
            if (d.master != null) {
                out.add(new BridgePort(d.index, d.portForwarding ? BridgePort.State.FORWARDING
                        : BridgePort.State.DISABLED, PORT_PRIORITY, VETH_COST));
            }
        }
        return out;
    }

    /**
     * {@code rtnl_fdb_dump}: device by device, a port's entries in its bridge's table (what was learned on it,
     * then its own address), then the device's own multicast list.
     */
    static List<FdbEntry> dump(Namespace ns, long now) {
        List<FdbEntry> out = new ArrayList<>();
        for (Device d : ns.devices()) {
            if (d.master != null) {
                Bridge br = d.master;
                for (Map.Entry<MacAddress, Bridge.FdbEntry> e : br.fdb.entrySet()) {
                    if (e.getValue().port() == d && now - e.getValue().updated() <= br.ageing) {
                        out.add(new FdbEntry(e.getKey(), d.index, OptionalInt.of(br.index), false,
                                NudState.REACHABLE));
                    }
                }
                out.add(new FdbEntry(d.mac, d.index, OptionalInt.of(br.index), false, NudState.PERMANENT));
            }
            for (MacAddress m : multicastList(d)) {
                out.add(new FdbEntry(m, d.index, OptionalInt.empty(), true, NudState.PERMANENT));
            }
        }
        return out;
    }

    /**
     * The device's {@code mc} list while it is up: the all-hosts and all-nodes groups, the solicited-node
     * group of its link-local address, and on a bridge the multicast router discovery groups that snooping
     * joins; less what the learner deleted.
     */
    static Set<MacAddress> multicastList(Device d) {
        Set<MacAddress> list = new LinkedHashSet<>();
        if (!d.adminUp || d.isLoopback()) {
            return list;
        }
        list.add(ALL_NODES);
        list.add(ALL_HOSTS);
        if (d.inet6 != null) {
            list.add(solicitedNode(d.inet6));
        }
        if (d instanceof Bridge) {
            list.add(ALL_SNOOPERS_V4);
            list.add(ALL_SNOOPERS_V6);
        }
        list.removeAll(d.mcDeleted);
        return list;
    }

    /** {@code 33:33:ff} and the low 24 bits of the address ({@code fe80::...:fecc:ddee/64}). */
    private static MacAddress solicitedNode(String inet6) {
        String a = inet6.substring(0, inet6.indexOf('/'));
        String[] groups = a.split(":");
        int g3 = Integer.parseInt(groups[groups.length - 2], 16);
        int g4 = Integer.parseInt(groups[groups.length - 1], 16);
        return mac(0x3333_ff00_0000L | ((long) (g3 & 0xff) << 16) | g4);
    }

    /**
     * {@code br_changelink} with STP off: hello time and maximum age must be in STP's ranges even so
     * ({@code br_set_hello_time}, {@code br_set_max_age}); a forward delay is checked only while STP is on.
     */
    static void changelink(Device d, BridgeOptions o) throws KernelException {
        if (!(d instanceof Bridge br)) {
            throw new KernelException(Errno.EOPNOTSUPP);
        }
        if (o.helloTime().isPresent() && (o.helloTime().getAsLong() < 100 || o.helloTime().getAsLong() > 1000)) {
            throw new KernelException(Errno.ERANGE);
        }
        if (o.maxAge().isPresent() && (o.maxAge().getAsLong() < 600 || o.maxAge().getAsLong() > 4000)) {
            throw new KernelException(Errno.ERANGE);
        }
        o.forwardDelay().ifPresent(v -> br.forwardDelay = v);
        o.helloTime().ifPresent(v -> br.helloTime = v);
        o.maxAge().ifPresent(v -> br.maxAge = v);
        o.ageingTime().ifPresent(v -> br.ageing = v * 10 * Engine.MILLIS);
        o.priority().ifPresent(v -> br.priority = v);
    }

    /** {@code rtnl_fdb_del}: {@code self} from the device's lists ({@code dev_mc_del}), else from its bridge. */
    static void delete(Device d, MacAddress mac, boolean self) throws KernelException {
        if (self) {
            if (!multicastList(d).contains(mac)) {
                throw new KernelException(Errno.ENOENT);
            }
            d.mcDeleted.add(mac);
            return;
        }
        if (d.master == null) {
            throw new KernelException(Errno.EINVAL);
        }
        Bridge.FdbEntry e = d.master.fdb.get(mac);
        if (e == null || e.port() != d) {
            throw new KernelException(Errno.ENOENT);
        }
        d.master.fdb.remove(mac);
    }
}
