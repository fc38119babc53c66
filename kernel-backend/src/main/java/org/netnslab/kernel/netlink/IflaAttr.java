package org.netnslab.kernel.netlink;

/** Link attributes ({@code IFLA_*}, {@code include/uapi/linux/if_link.h}). */
public enum IflaAttr implements AttrType {
    ADDRESS(1),
    BROADCAST(2),
    IFNAME(3),
    MTU(4),
    LINK(5),
    QDISC(6),
    STATS(7),
    MASTER(10),
    PROTINFO(12),
    TXQLEN(13),
    OPERSTATE(16),
    LINKMODE(17),
    LINKINFO(18),
    NET_NS_PID(19),
    IFALIAS(20),
    AF_SPEC(26),
    GROUP(27),
    NET_NS_FD(28),
    EXT_MASK(29),
    PROMISCUITY(30),
    NUM_TX_QUEUES(31),
    NUM_RX_QUEUES(32),
    CARRIER(33),
    CARRIER_CHANGES(35),
    LINK_NETNSID(37),
    PROTO_DOWN(39),
    NEW_NETNSID(45),
    TARGET_NETNSID(46),
    CARRIER_UP_COUNT(47),
    CARRIER_DOWN_COUNT(48),
    NEW_IFINDEX(49),
    MIN_MTU(50),
    MAX_MTU(51),
    ALT_IFNAME(53),
    PERM_ADDRESS(54);

    private final int type;

    IflaAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
