package org.netnslab.kernel.netlink;

/** Route attributes ({@code RTA_*}, {@code include/uapi/linux/rtnetlink.h}). */
public enum RtaAttr implements AttrType {
    DST(1),
    SRC(2),
    IIF(3),
    OIF(4),
    GATEWAY(5),
    PRIORITY(6),
    PREFSRC(7),
    METRICS(8),
    MULTIPATH(9),
    FLOW(11),
    CACHEINFO(12),
    TABLE(15),
    MARK(16),
    VIA(18),
    PREF(20),
    EXPIRES(23),
    PAD(24),
    UID(25),
    TTL_PROPAGATE(26),
    IP_PROTO(27),
    SPORT(28),
    DPORT(29),
    NH_ID(30);

    private final int type;

    RtaAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
