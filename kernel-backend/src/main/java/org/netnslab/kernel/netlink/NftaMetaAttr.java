package org.netnslab.kernel.netlink;

/** The {@code meta} expression ({@code NFTA_META_*}). */
public enum NftaMetaAttr implements AttrType {
    DREG(1),
    KEY(2),
    SREG(3);

    private final int type;

    NftaMetaAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
