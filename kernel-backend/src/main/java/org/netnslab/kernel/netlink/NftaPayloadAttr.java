package org.netnslab.kernel.netlink;

/** The {@code payload} expression ({@code NFTA_PAYLOAD_*}). */
public enum NftaPayloadAttr implements AttrType {
    DREG(1),
    BASE(2),
    OFFSET(3),
    LEN(4),
    SREG(5),
    CSUM_TYPE(6),
    CSUM_OFFSET(7),
    CSUM_FLAGS(8);

    private final int type;

    NftaPayloadAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
