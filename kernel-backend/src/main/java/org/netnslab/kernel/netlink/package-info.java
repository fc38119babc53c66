/**
 * The netlink wire format, as data: the fixed header each message family mirrors ({@code struct ifinfomsg},
 * {@code struct rtmsg}, {@code struct nfgenmsg}, ...), attribute tables with the kernel's names
 * ({@link org.netnslab.kernel.netlink.IflaAttr}), a message per kernel object that reads the kernel's answers
 * and writes the requests iproute2 and iptables-nft write for the same commands. Host byte order, as netlink
 * is, except where nf_tables wants network order. No system calls here.
 */
package org.netnslab.kernel.netlink;
