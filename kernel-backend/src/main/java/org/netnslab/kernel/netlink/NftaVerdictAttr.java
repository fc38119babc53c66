package org.netnslab.kernel.netlink;

/** A verdict inside {@code NFTA_DATA_VERDICT} ({@code NFTA_VERDICT_*}): its code and, for a jump or goto, the chain. */
public enum NftaVerdictAttr implements AttrType {
    CODE(1),
    CHAIN(2);

    private final int type;

    NftaVerdictAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
