package org.netnslab.kernel.netlink;

/** The {@code immediate} expression: a verdict, or data, loaded into a register ({@code NFTA_IMMEDIATE_*}). */
public enum NftaImmediateAttr implements AttrType {
    DREG(1),
    DATA(2);

    private final int type;

    NftaImmediateAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
