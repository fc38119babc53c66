package org.netnslab.kernel.netlink;

/**
 * One row of a netlink attribute table: the kernel's number for an attribute of one message family
 * ({@code IFLA_IFNAME} is 3). Each table is an enum named after the kernel's prefix ({@link IflaAttr}).
 */
public interface AttrType {

    /** The attribute's type number, without the {@code NLA_F_NESTED} and {@code NLA_F_NET_BYTEORDER} bits. */
    int type();
}
