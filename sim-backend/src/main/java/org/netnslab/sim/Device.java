package org.netnslab.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.OperState;
import org.netnslab.core.net.MacAddress;

/**
 * A network device, as one namespace holds it: the kernel's {@code struct net_device} with just the fields a
 * lab shows or uses. Devices behind one small interface (gVisor's link endpoints): a frame handed to
 * {@link Dev#queueXmit} leaves through the device's own {@link #xmit}.
 */
abstract class Device {

    final long serial;
    String name;
    int index;
    Namespace ns;
    MacAddress mac;
    boolean adminUp;
    /** {@code netif_carrier_ok}: a new device has a carrier until its driver says otherwise. */
    boolean carrier = true;
    /** {@code dev->operstate}, as linkwatch last computed it; reported as DOWN while the device is down. */
    OperState operState = OperState.UNKNOWN;
    /** {@code noop} until the device is first up, and again after it moves to another namespace. */
    boolean qdiscAttached;
    /** A carrier change waits for {@link Linkwatch} to handle it. */
    boolean linkwatchPending;
    /** The bridge this device is a port of. */
    Bridge master;
    /** As a bridge port: forwarding (STP is off, so a port that is enabled forwards at once) or disabled. */
    boolean portForwarding;
    /** IPv4 addresses in the kernel's list order: primaries by scope, secondaries after. */
    final List<Ifa> inet = new ArrayList<>();
    /** Groups of its multicast list that {@code bridge fdb del ... self} took away, until it goes down. */
    final Set<MacAddress> mcDeleted = new HashSet<>();
    /** The IPv6 address the kernel gave it while up ({@code ::1/128} or a link-local {@code /64}), or null. */
    String inet6;
    /** Its IPv6 address was deleted while up: addrconf gives it none until it is up again. */
    boolean inet6Deleted;
    /** {@code ifi_flags} a learner sets with ip link set: IFF_MULTICAST, IFF_NOARP, and IFF_ALLMULTI and
     * IFF_PROMISC as {@code dev->gflags} hold them (a bridge's own promiscuity for its ports is not shown). */
    Link.Flags flags;
    /** {@code dev->ifalias}, or null. */
    String alias;
    /** {@code dev->tx_queue_len}: {@code DEFAULT_TX_QUEUE_LEN} for every device of a lab, lo's too. */
    int txQueueLen = 1000;

    /**
     * What a dump of its namespace last showed of it, kept until something shown changes: a namespace of
     * thousands of devices changes one or two a command ({@link Snapshots}).
     */
    Link shownLink;
    List<Address> shownAddresses;
    /** Where it is in its namespace's last snapshot, or -1. */
    int shownAt = -1;

    Device(long serial, String name, MacAddress mac) {
        this.serial = serial;
        this.name = name;
        this.mac = mac;
        this.flags = Link.Flags.of(kind());
    }

    abstract LinkKind kind();

    /** Something a dump shows of this device changed (its state, its master, its peer's name or state). */
    void changed() {
        shownLink = null;
        if (ns != null) {
            ns.deviceChanged(this);
        }
    }

    /** Its addresses changed, which a dump of its namespace shows too. */
    void addressesChanged() {
        shownAddresses = null;
        if (ns != null) {
            ns.addressesChanged(this);
        }
        changed();
    }

    /** {@code dev->mtu} once {@code ip link set DEV mtu N} set it, or -1 while the driver's default holds. */
    int mtuSet = -1;

    int mtu() {
        return mtuSet >= 0 ? mtuSet : defaultMtu();
    }

    /** The mtu the driver gives a new device ({@code ETH_DATA_LEN} for Ethernet-like ones). */
    int defaultMtu() {
        return 1500;
    }

    /** {@code dev->min_mtu}: {@code ETH_MIN_MTU} for Ethernet-like devices. */
    int minMtu() {
        return 68;
    }

    /** {@code dev->max_mtu}: {@code ETH_MAX_MTU}; 0 when the driver sets none. */
    int maxMtu() {
        return 65535;
    }

    /** {@code dev_get_iflink}: the peer's index for a veth, its own index otherwise. */
    int iflink() {
        return index;
    }

    /** {@code netif_running && netif_carrier_ok}. */
    boolean running() {
        return adminUp && carrier;
    }

    /** {@code netif_oper_up}: the stored operstate is UP or UNKNOWN. */
    boolean operUp() {
        return operState == OperState.UP || operState == OperState.UNKNOWN;
    }

    /** The operstate a dump reports: the stored one while the device is up, DOWN otherwise. */
    OperState reportedOperState() {
        return adminUp ? operState : OperState.DOWN;
    }

    /**
     * Hands a frame to the device's driver ({@code ndo_start_xmit}); what happens next is the driver's (a veth's
     * peer, the bridge).
     */
    abstract void xmit(Datapath dp, byte[] frame, Trace trace);

    boolean isBridge() {
        return this instanceof Bridge;
    }

    boolean isLoopback() {
        return this instanceof Loopback;
    }

    @Override
    public String toString() {
        return name + "@" + (ns == null ? "?" : ns.name()) + "#" + index;
    }
}
