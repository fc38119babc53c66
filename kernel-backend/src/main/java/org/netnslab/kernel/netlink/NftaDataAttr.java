package org.netnslab.kernel.netlink;

/** A value held by an expression ({@code NFTA_DATA_*}). */
public enum NftaDataAttr implements AttrType {
    VALUE(1),
    VERDICT(2);

    private final int type;

    NftaDataAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
