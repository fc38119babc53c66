package org.netnslab.kernel.netlink;

/** The {@code range} expression: a register between two values ({@code NFTA_RANGE_*}). */
public enum NftaRangeAttr implements AttrType {
    SREG(1),
    OP(2),
    FROM_DATA(3),
    TO_DATA(4);

    private final int type;

    NftaRangeAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
