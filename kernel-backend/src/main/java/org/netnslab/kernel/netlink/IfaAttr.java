package org.netnslab.kernel.netlink;

/** Address attributes ({@code IFA_*}, {@code include/uapi/linux/if_addr.h}). */
public enum IfaAttr implements AttrType {
    ADDRESS(1),
    LOCAL(2),
    LABEL(3),
    BROADCAST(4),
    ANYCAST(5),
    CACHEINFO(6),
    MULTICAST(7),
    FLAGS(8),
    RT_PRIORITY(9),
    TARGET_NETNSID(10),
    PROTO(11);

    private final int type;

    IfaAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
