package org.netnslab.kernel.netlink;

/** The {@code bitwise} expression ({@code NFTA_BITWISE_*}). */
public enum NftaBitwiseAttr implements AttrType {
    SREG(1),
    DREG(2),
    LEN(3),
    MASK(4),
    XOR(5),
    OP(6),
    DATA(7);

    private final int type;

    NftaBitwiseAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
