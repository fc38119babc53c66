package org.netnslab.kernel.netlink;

/** The {@code target} expression: an xtables target run by nft_compat ({@code NFTA_TARGET_*}). */
public enum NftaTargetAttr implements AttrType {
    NAME(1),
    REV(2),
    INFO(3);

    private final int type;

    NftaTargetAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
