package org.netnslab.kernel.netlink;

/** A bridge's own attributes, in {@code IFLA_INFO_DATA} ({@code IFLA_BR_*}, {@code if_link.h}). */
public enum IflaBrAttr implements AttrType {
    FORWARD_DELAY(1),
    HELLO_TIME(2),
    MAX_AGE(3),
    AGEING_TIME(4),
    STP_STATE(5),
    PRIORITY(6),
    VLAN_FILTERING(7),
    VLAN_PROTOCOL(8),
    GROUP_FWD_MASK(9),
    ROOT_ID(10),
    BRIDGE_ID(11),
    ROOT_PORT(12),
    ROOT_PATH_COST(13);

    private final int type;

    IflaBrAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
