package org.netnslab.kernel.netlink;

/** An element of a nested list ({@code NFTA_LIST_*}): each expression of a rule. */
public enum NftaListAttr implements AttrType {
    ELEM(1);

    private final int type;

    NftaListAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
