package org.netnslab.kernel.netlink;

/** Routing rule attributes ({@code FRA_*}, {@code include/uapi/linux/fib_rules.h}). */
public enum FraAttr implements AttrType {
    DST(1),
    SRC(2),
    IIFNAME(3),
    GOTO(4),
    PRIORITY(6),
    FWMARK(10),
    FLOW(11),
    TUN_ID(12),
    SUPPRESS_IFGROUP(13),
    SUPPRESS_PREFIXLEN(14),
    TABLE(15),
    FWMASK(16),
    OIFNAME(17),
    PROTOCOL(21);

    private final int type;

    FraAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
