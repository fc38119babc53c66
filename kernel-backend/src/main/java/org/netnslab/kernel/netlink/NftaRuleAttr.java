package org.netnslab.kernel.netlink;

/** nf_tables rule attributes ({@code NFTA_RULE_*}). */
public enum NftaRuleAttr implements AttrType {
    TABLE(1),
    CHAIN(2),
    HANDLE(3),
    EXPRESSIONS(4),
    COMPAT(5),
    POSITION(6),
    USERDATA(7),
    PAD(8),
    ID(9),
    POSITION_ID(10),
    CHAIN_ID(11);

    private final int type;

    NftaRuleAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
