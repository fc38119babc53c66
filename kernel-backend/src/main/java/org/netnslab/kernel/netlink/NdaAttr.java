package org.netnslab.kernel.netlink;

/** Neighbour attributes ({@code NDA_*}, {@code include/uapi/linux/neighbour.h}). */
public enum NdaAttr implements AttrType {
    DST(1),
    LLADDR(2),
    CACHEINFO(3),
    PROBES(4),
    VLAN(5),
    PORT(6),
    VNI(7),
    IFINDEX(8),
    MASTER(9),
    LINK_NETNSID(10),
    SRC_VNI(11),
    PROTOCOL(12),
    NH_ID(13),
    FDB_EXT_ATTRS(14),
    FLAGS_EXT(15);

    private final int type;

    NdaAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
