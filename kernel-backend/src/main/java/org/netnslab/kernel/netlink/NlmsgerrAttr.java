package org.netnslab.kernel.netlink;

/** Extended ack attributes after an {@code NLMSG_ERROR} ({@code enum nlmsgerr_attrs}). */
public enum NlmsgerrAttr implements AttrType {
    MSG(1),
    OFFS(2),
    COOKIE(3),
    POLICY(4),
    MISS_TYPE(5),
    MISS_NEST(6);

    private final int type;

    NlmsgerrAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
