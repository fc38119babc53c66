package org.netnslab.kernel.netlink;

/** An expression: its name and its own attributes ({@code NFTA_EXPR_*}). */
public enum NftaExprAttr implements AttrType {
    NAME(1),
    DATA(2);

    private final int type;

    NftaExprAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
