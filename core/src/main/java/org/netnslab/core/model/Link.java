package org.netnslab.core.model;

import java.util.Objects;
import java.util.Optional;
import org.netnslab.core.net.MacAddress;

/**
 * A network device as one namespace sees it: what {@code RTM_NEWLINK} reports and {@code ip link} prints.
 *
 * @param index the ifindex, unique within the namespace
 * @param adminUp {@code IFF_UP}: set by {@code ip link set DEV up}
 * @param lowerUp {@code IFF_LOWER_UP}: the carrier (a veth has one when its peer is up; a bridge when a port
 *     is forwarding)
 * @param qdisc the queueing discipline {@code ip} prints: {@code noop} until the link is first up
 * @param master the bridge this link is a port of, if any
 * @param peer for a veth, where its other end is
 * @param flags what {@code ip link set DEV promisc|arp|multicast|allmulticast} set of {@code ifi_flags}
 * @param alias {@code IFLA_IFALIAS}, as {@code ip link set DEV alias TEXT} gave it
 */
public record Link(
        int index,
        String name,
        LinkKind kind,
        MacAddress mac,
        int mtu,
        boolean adminUp,
        boolean lowerUp,
        OperState operState,
        String qdisc,
        int txQueueLen,
        Optional<String> master,
        Optional<Peer> peer,
        Flags flags,
        Optional<String> alias) {

    public Link {
        Objects.requireNonNull(flags);
        Objects.requireNonNull(alias);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(operState);
        Objects.requireNonNull(master);
        Objects.requireNonNull(peer);
    }

    /** A link with the flags a new device of its kind has, and no alias. */
    public Link(int index, String name, LinkKind kind, MacAddress mac, int mtu, boolean adminUp, boolean lowerUp,
            OperState operState, String qdisc, int txQueueLen, Optional<String> master, Optional<Peer> peer) {
        this(index, name, kind, mac, mtu, adminUp, lowerUp, operState, qdisc, txQueueLen, master, peer,
                Flags.of(kind), Optional.empty());
    }

    /**
     * The {@code IFF_} flags a learner may change with {@code ip link set}, as a dump reports them: PROMISC and
     * ALLMULTI as the learner set them ({@code dev->gflags}), not a bridge port's promiscuity.
     *
     * @param multicast {@code IFF_MULTICAST}: on for a new veth or bridge, off for lo
     * @param noArp {@code IFF_NOARP}: set by {@code arp off}
     * @param dynamic {@code IFF_DYNAMIC}: {@code dynamic on}
     * @param noTrailers {@code IFF_NOTRAILERS}: set by {@code trailers off}
     */
    public record Flags(boolean multicast, boolean noArp, boolean allMulticast, boolean promisc, boolean dynamic,
            boolean noTrailers) {

        public Flags(boolean multicast, boolean noArp, boolean allMulticast, boolean promisc) {
            this(multicast, noArp, allMulticast, promisc, false, false);
        }

        /** What {@code ether_setup} or {@code loopback_setup} gives a new device. */
        public static Flags of(LinkKind kind) {
            return new Flags(kind != LinkKind.LOOPBACK, false, false, false);
        }
    }

    /**
     * The other end of a veth pair.
     *
     * @param index its ifindex in its own namespace
     * @param namespace its namespace, empty when it is the same namespace as this end
     * @param name its name (known to the lab; {@code ip} shows it only when both ends share a namespace)
     * @param adminUp whether that end is up ({@code M-DOWN} is printed when it is not)
     */
    public record Peer(int index, Optional<String> namespace, String name, boolean adminUp) {}

    /** The Ethernet broadcast address; {@code 00:00:00:00:00:00} for the loopback. */
    public MacAddress broadcast() {
        return kind == LinkKind.LOOPBACK ? MacAddress.ZERO : MacAddress.BROADCAST;
    }

    /** {@code IFF_RUNNING}: up with a carrier. */
    public boolean running() {
        return adminUp && lowerUp;
    }
}
