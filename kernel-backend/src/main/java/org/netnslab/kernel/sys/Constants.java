package org.netnslab.kernel.sys;

/** Linux's numbers for the calls of {@link LibC} (x86-64 and arm64 share them). */
final class Constants {
    static final int AF_INET = 2;
    static final int AF_NETLINK = 16;

    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOCK_NONBLOCK = 0x800;

    static final int IPPROTO_ICMP = 1;

    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_ERROR = 4;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVTIMEO = 20;
    static final int SO_BINDTODEVICE = 25;
    static final int SOL_RAW = 255;
    static final int IPPROTO_IP = 0;
    static final int IP_TTL = 2;
    static final int IP_MTU_DISCOVER = 10;
    static final int IP_MTU = 14;
    static final int IP_PMTUDISC_DO = 2;
    static final int ICMP_FILTER = 1;
    static final int SOL_NETLINK = 270;
    static final int SO_RCVBUFFORCE = 33;
    static final int NETLINK_CAP_ACK = 10;
    static final int NETLINK_EXT_ACK = 11;
    static final int NETLINK_GET_STRICT_CHK = 12;

    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_TRUNC = 0x20;
    static final int MSG_NOSIGNAL = 0x4000;

    static final int SHUT_WR = 1;
    /** {@code SIOCINQ} ({@code FIONREAD}) and {@code SIOCOUTQ} ({@code TIOCOUTQ}): bytes queued in and out. */
    static final long SIOCINQ = 0x541B;
    static final long SIOCOUTQ = 0x5411;

    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_WRONLY = 1;
    static final int O_CLOEXEC = 0x80000;

    static final int CLONE_NEWNET = 0x40000000;

    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final short POLLRDHUP = 0x2000;

    private Constants() {}
}
