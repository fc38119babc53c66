package org.netnslab.kernel.netlink;

/** nf_tables chain attributes ({@code NFTA_CHAIN_*}). */
public enum NftaChainAttr implements AttrType {
    TABLE(1),
    HANDLE(2),
    NAME(3),
    HOOK(4),
    POLICY(5),
    USE(6),
    TYPE(7),
    COUNTERS(8),
    PAD(9),
    FLAGS(10),
    ID(11),
    USERDATA(12);

    private final int type;

    NftaChainAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
