package org.netnslab.kernel.netlink;

/** The {@code NLM_F_*} flags of {@code nlmsg_flags} ({@code include/uapi/linux/netlink.h}). */
public final class NlmFlags {
    public static final int REQUEST = 0x01;
    public static final int MULTI = 0x02;
    public static final int ACK = 0x04;
    public static final int ECHO = 0x08;
    public static final int DUMP_INTR = 0x10;

    /** Modifiers to GET requests. */
    public static final int ROOT = 0x100;
    public static final int MATCH = 0x200;
    public static final int DUMP = ROOT | MATCH;

    /** Modifiers to NEW requests. */
    public static final int REPLACE = 0x100;
    public static final int EXCL = 0x200;
    public static final int CREATE = 0x400;
    public static final int APPEND = 0x800;

    /** Flags of an {@code NLMSG_ERROR}: the request was not echoed whole, and extended ack TLVs follow. */
    public static final int CAPPED = 0x100;
    public static final int ACK_TLVS = 0x200;

    private NlmFlags() {}
}
