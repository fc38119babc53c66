package org.netnslab.kernel.netlink;

/**
 * nf_tables message types ({@code enum nf_tables_msg_types}). On the wire the subsystem,
 * {@code NFNL_SUBSYS_NFTABLES}, is in the high byte: see {@link #of(int)}.
 */
public final class NftMsgType {
    public static final int NFNL_SUBSYS_NFTABLES = 10;

    public static final int NEWTABLE = 0;
    public static final int GETTABLE = 1;
    public static final int DELTABLE = 2;
    public static final int NEWCHAIN = 3;
    public static final int GETCHAIN = 4;
    public static final int DELCHAIN = 5;
    public static final int NEWRULE = 6;
    public static final int GETRULE = 7;
    public static final int DELRULE = 8;
    public static final int NEWGEN = 15;
    public static final int GETGEN = 16;

    private NftMsgType() {}

    /** The {@code nlmsg_type} of an nf_tables message. */
    public static int of(int msg) {
        return (NFNL_SUBSYS_NFTABLES << 8) | msg;
    }

    /** The nf_tables message of an {@code nlmsg_type}, or -1 when it is not one. */
    public static int msgOf(int nlmsgType) {
        return (nlmsgType >>> 8) == NFNL_SUBSYS_NFTABLES ? nlmsgType & 0xff : -1;
    }
}
