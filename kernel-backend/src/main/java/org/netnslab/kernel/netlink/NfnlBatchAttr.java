package org.netnslab.kernel.netlink;

/** Attributes of a batch's begin message ({@code NFNL_BATCH_*}). */
public enum NfnlBatchAttr implements AttrType {
    GENID(1);

    private final int type;

    NfnlBatchAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
