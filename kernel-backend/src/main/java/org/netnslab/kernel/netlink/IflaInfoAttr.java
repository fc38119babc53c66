package org.netnslab.kernel.netlink;

/** What {@code IFLA_LINKINFO} nests ({@code IFLA_INFO_*}): the kind of link and its own data. */
public enum IflaInfoAttr implements AttrType {
    KIND(1),
    DATA(2),
    XSTATS(3),
    SLAVE_KIND(4),
    SLAVE_DATA(5);

    private final int type;

    IflaInfoAttr(int type) {
        this.type = type;
    }

    @Override
    public int type() {
        return type;
    }
}
