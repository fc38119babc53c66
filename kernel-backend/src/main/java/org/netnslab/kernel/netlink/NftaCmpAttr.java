package org.netnslab.kernel.netlink;

/** The {@code cmp} expression ({@code NFTA_CMP_*}). */
public enum NftaCmpAttr implements AttrType {
    SREG(1),
    OP(2),
    DATA(3);

    private final int type;

    NftaCmpAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
