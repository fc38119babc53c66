package org.netnslab.kernel.netlink;

/** The match-compatibility part of a rule that iptables-nft writes ({@code NFTA_RULE_COMPAT_*}). */
public enum NftaRuleCompatAttr implements AttrType {
    PROTO(1),
    FLAGS(2);

    private final int type;

    NftaRuleCompatAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
