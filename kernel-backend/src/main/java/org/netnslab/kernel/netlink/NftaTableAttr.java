package org.netnslab.kernel.netlink;

/** nf_tables table attributes ({@code NFTA_TABLE_*}, {@code include/uapi/linux/netfilter/nf_tables.h}). */
public enum NftaTableAttr implements AttrType {
    NAME(1),
    FLAGS(2),
    USE(3),
    HANDLE(4),
    PAD(5),
    USERDATA(6),
    OWNER(7);

    private final int type;

    NftaTableAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
