package org.netnslab.kernel.netlink;

/** Address and protocol families ({@code AF_*}, {@code NFPROTO_*}) and netlink protocols ({@code NETLINK_*}). */
public final class Family {
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    /** {@code PF_BRIDGE}: the bridge's own views of links and of its forwarding database. */
    public static final int AF_BRIDGE = 7;
    public static final int AF_NETLINK = 16;
    public static final int AF_INET6 = 10;

    /** nf_tables' family of the {@code ip} tables, which iptables-nft uses. */
    public static final int NFPROTO_IPV4 = 2;

    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_NETFILTER = 12;
    /** {@code NETLINK_SOCK_DIAG}: the sockets of a namespace, as ss dumps them. */
    public static final int NETLINK_SOCK_DIAG = 4;

    private Family() {}
}
