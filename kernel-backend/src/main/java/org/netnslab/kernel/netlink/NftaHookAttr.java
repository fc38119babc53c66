package org.netnslab.kernel.netlink;

/** A base chain's hook ({@code NFTA_HOOK_*}). */
public enum NftaHookAttr implements AttrType {
    HOOKNUM(1),
    PRIORITY(2),
    DEV(3),
    DEVS(4);

    private final int type;

    NftaHookAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
