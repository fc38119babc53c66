package org.netnslab.kernel.netlink;

/** A bridge port's attributes, nested in {@code IFLA_PROTINFO} ({@code IFLA_BRPORT_*}, {@code if_link.h}). */
public enum IflaBrportAttr implements AttrType {
    STATE(1),
    PRIORITY(2),
    COST(3),
    MODE(4),
    GUARD(5),
    PROTECT(6),
    FAST_LEAVE(7),
    LEARNING(8),
    UNICAST_FLOOD(9),
    PROXYARP(10),
    LEARNING_SYNC(11),
    PROXYARP_WIFI(12),
    ROOT_ID(13),
    BRIDGE_ID(14),
    DESIGNATED_PORT(15),
    DESIGNATED_COST(16),
    ID(17),
    NO(18);

    private final int type;

    IflaBrportAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
