package org.netnslab.kernel.netlink;

/** Namespace id attributes ({@code NETNSA_*}, {@code include/uapi/linux/net_namespace.h}). */
public enum NetnsaAttr implements AttrType {
    NSID(1),
    PID(2),
    FD(3),
    TARGET_NSID(4),
    CURRENT_NSID(5);

    private final int type;

    NetnsaAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
