package org.netnslab.kernel.netlink;

/** The {@code match} expression: an xtables match run by nft_compat ({@code NFTA_MATCH_*}). */
public enum NftaMatchAttr implements AttrType {
    NAME(1),
    REV(2),
    INFO(3);

    private final int type;

    NftaMatchAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
