package org.netnslab.kernel.netlink;

/**
 * Message types: the control messages every netlink family shares, the rtnetlink ones this backend sends
 * and receives ({@code include/uapi/linux/rtnetlink.h}), and nfnetlink's.
 */
public final class NlMsgType {
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    /** sock_diag's one request ({@code include/uapi/linux/sock_diag.h}). */
    public static final int SOCK_DIAG_BY_FAMILY = 20;

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_SETLINK = 19;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;
    public static final int RTM_NEWNEIGH = 28;
    public static final int RTM_DELNEIGH = 29;
    public static final int RTM_GETNEIGH = 30;
    public static final int RTM_NEWRULE = 32;
    public static final int RTM_GETRULE = 34;
    public static final int RTM_NEWNSID = 88;
    public static final int RTM_DELNSID = 89;
    public static final int RTM_GETNSID = 90;

    /** nfnetlink: a batch of messages applied as one transaction. */
    public static final int NFNL_MSG_BATCH_BEGIN = 16;
    public static final int NFNL_MSG_BATCH_END = 17;

    private NlMsgType() {}
}
