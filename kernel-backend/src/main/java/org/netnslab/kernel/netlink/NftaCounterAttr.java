package org.netnslab.kernel.netlink;

/** The {@code counter} expression, and a base chain's counters ({@code NFTA_COUNTER_*}). */
public enum NftaCounterAttr implements AttrType {
    BYTES(1),
    PACKETS(2),
    PAD(3);

    private final int type;

    NftaCounterAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
