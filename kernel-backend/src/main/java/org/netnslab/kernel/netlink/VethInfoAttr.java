package org.netnslab.kernel.netlink;

/** A veth's {@code IFLA_INFO_DATA} ({@code VETH_INFO_*}): the peer, as a {@code struct ifinfomsg} and its attributes. */
public enum VethInfoAttr implements AttrType {
    PEER(1);

    private final int type;

    VethInfoAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
