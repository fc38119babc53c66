package org.netnslab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.net.MacAddress;
import org.netnslab.sim.wire.EthernetFrame;
import org.netnslab.sim.wire.WireFormatException;

/**
 * A Linux bridge with STP off: its ports, its forwarding database, and the bridge device itself, which is
 * one more port towards its namespace's stack. The FDB is a hash map, so forwarding a frame costs the same on
 * a bridge of three ports as on one of a thousand.
 */
final class Bridge extends Device {

    /** The kernel's default {@code ageing_time}: 300 s. */
    static final long AGEING = 300 * Engine.SECOND;

    /** {@code ageing_time}, which {@code ip link set BR type bridge ageing_time N} sets. */
    long ageing = AGEING;
    /** The other options a learner sets, kept as the kernel keeps them, in hundredths of a second. */
    long forwardDelay = 1500;
    long helloTime = 200;
    long maxAge = 2000;
    int priority = 0x8000;

    record FdbEntry(Device port, long updated) {}

    /** In the order they joined; a list, as a flood walks it for every frame. */
    final List<Device> ports = new ArrayList<>();
    final Map<MacAddress, FdbEntry> fdb = new HashMap<>();
    /** The MACs of the bridge and of its ports: frames to them are for the bridge's own stack. */
    private final Map<MacAddress, Integer> portMacs = new HashMap<>();
    /** How many ports forward: the bridge has a carrier when one does. */
    int forwardingPorts;
    /** The smallest address of a port, or all zeros without ports: kept as ports come and go. */
    private MacAddress smallestPort = MacAddress.ZERO;
    /** {@code NET_ADDR_SET}: a learner set its address, which it keeps as ports come and go. */
    boolean addressSet;

    Bridge(long serial, String name, MacAddress mac) {
        super(serial, name, mac);
    }

    @Override
    LinkKind kind() {
        return LinkKind.BRIDGE;
    }

    /**
     * {@code br_mtu_min}: until a learner sets its mtu, a bridge has its ports' smallest, or
     * {@code ETH_DATA_LEN} without ports ({@code br_mtu_auto_adjust} as ports come, go and change theirs).
     */
    @Override
    int defaultMtu() {
        return ports.stream().mapToInt(Device::mtu).min().orElse(super.defaultMtu());
    }

    /** {@code br_dev_xmit}: what the bridge's own stack sends goes to the port that has the address, or to all. */
    @Override
    void xmit(Datapath dp, byte[] frame, Trace trace) {
        EthernetFrame f;
        try {
            f = dp.dev.parse(frame);
        } catch (WireFormatException e) {
            return;
        }
        if (f.destination().isMulticast()) {
            dp.brForward.flood(this, null, frame, trace);
            return;
        }
        Optional<Device> port = fdbGet(f.destination(), dp.engine.now());
        if (port.isPresent()) {
            dp.brForward.forward(this, port.get(), frame, trace);
        } else {
            dp.brForward.flood(this, null, frame, trace);
        }
    }

    boolean isLocal(MacAddress m) {
        return m.equals(mac) || portMacs.containsKey(m);
    }

    void addPort(Device port) {
        ports.add(port);
        portMacs.merge(port.mac, 1, Integer::sum);
        if (smallerThanSmallest(port.mac)) {
            smallestPort = port.mac;
        }
    }

    private boolean smallerThanSmallest(MacAddress m) {
        return smallestPort.equals(MacAddress.ZERO) || Long.compareUnsigned(m.bits(), smallestPort.bits()) < 0;
    }

    /** NETDEV_CHANGEADDR of a port: its new address is local, its old one no longer; the smallest may move. */
    void portAddressChanged(MacAddress old, MacAddress now) {
        portMacs.computeIfPresent(old, (k, v) -> v == 1 ? null : v - 1);
        portMacs.merge(now, 1, Integer::sum);
        smallestPort = MacAddress.ZERO;
        for (Device p : ports) {
            if (smallerThanSmallest(p.mac)) {
                smallestPort = p.mac;
            }
        }
    }

    void removePort(Device port) {
        ports.remove(port);
        portMacs.computeIfPresent(port.mac, (k, v) -> v == 1 ? null : v - 1);
        forgetPort(port);
        if (port.mac.equals(smallestPort)) {
            smallestPort = MacAddress.ZERO;
            for (Device p : ports) {
                if (smallerThanSmallest(p.mac)) {
                    smallestPort = p.mac;
                }
            }
        }
    }

    /**
     * {@code br_fdb_update}: a frame's source is learned on the port it came in on, unless it is no unicast
     * address ({@code is_valid_ether_addr}) or is the bridge's own.
     */
    void fdbUpdate(Device port, MacAddress source, long now) {
        if (!source.isMulticast() && !source.equals(MacAddress.ZERO) && !isLocal(source)) {
            fdb.put(source, new FdbEntry(port, now));
        }
    }

    /**
     * {@code __br_fdb_get}: the port an address was learned on; an entry older than the ageing time
     * ({@code has_expired}) is no answer, and is forgotten.
     */
    Optional<Device> fdbGet(MacAddress mac, long now) {
        FdbEntry e = fdb.get(mac);
        if (e == null) {
            return Optional.empty();
        }
        if (now - e.updated() > ageing) {
            fdb.remove(mac);
            return Optional.empty();
        }
        return Optional.of(e.port());
    }

    /** {@code br_fdb_delete_by_port}: the addresses learned on a port that stops forwarding are forgotten. */
    void forgetPort(Device port) {
        fdb.values().removeIf(e -> e.port() == port);
    }

    /**
     * {@code br_stp_recalculate_bridge_id}: a bridge whose address was not set takes the smallest address
     * of its ports, or all zeros when it has none.
     *
     * @return whether the address changed (the kernel then runs a port state selection)
     */
    boolean recalculateAddress() {
        if (addressSet || smallestPort.equals(mac)) {
            return false;
        }
        mac = smallestPort;
        return true;
    }
}
