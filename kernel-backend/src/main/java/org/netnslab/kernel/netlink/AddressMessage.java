package org.netnslab.kernel.netlink;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * An address as {@code RTM_NEWADDR} reports it, and the requests of {@code ip addr add|del}.
 *
 * @param address {@code IFA_ADDRESS}: for IPv4 the peer's address (the local one when there is no peer),
 *     for IPv6 the address itself
 * @param local {@code IFA_LOCAL}: the IPv4 address of the interface
 * @param label {@code IFA_LABEL}: for IPv4, the link's name or an alias
 * @param flags {@code IFA_FLAGS} when given, else the header's 8 bits
 */
public record AddressMessage(IfAddrMsg header, Optional<byte[]> address, Optional<byte[]> local,
        Optional<String> label, int flags, Optional<byte[]> broadcast) {

    public AddressMessage(IfAddrMsg header, Optional<byte[]> address, Optional<byte[]> local,
            Optional<String> label, int flags) {
        this(header, address, local, label, flags, Optional.empty());
    }

    public static AddressMessage parse(Message m) {
        IfAddrMsg h = IfAddrMsg.parse(m.body());
        Attributes a = m.attributes(IfAddrMsg.LENGTH);
        return new AddressMessage(
                h,
                a.get(IfaAttr.ADDRESS).map(Attribute::bytes),
                a.get(IfaAttr.LOCAL).map(Attribute::bytes),
                a.get(IfaAttr.LABEL).map(Attribute::string),
                a.get(IfaAttr.FLAGS).map(Attribute::u32).orElse(h.flags()),
                a.get(IfaAttr.BROADCAST).map(Attribute::bytes));
    }

    public int index() {
        return header.index();
    }

    public int family() {
        return header.family();
    }

    /** The address {@code ip} prints: {@code IFA_LOCAL} for IPv4, else {@code IFA_ADDRESS}. */
    public byte[] printed() {
        return (header.family() == Family.AF_INET ? local.or(this::address) : address).orElse(new byte[0]);
    }

    public boolean secondary() {
        return (flags & IfAddrMsg.IFA_F_SECONDARY) != 0;
    }

    // ------------------------------------------------------------------------------------------ requests

    /** {@code ip addr show}: every address of the namespace, IPv4 first. */
    public static byte[] dump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETADDR, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new IfAddrMsg(Family.AF_UNSPEC, 0, 0, 0, 0))
                .end().toBytes();
    }

    /**
     * {@code ip addr show dev DEV}: one link's addresses, IPv4 first, in the kernel's order; on a socket that
     * checks dumps strictly, which then filters by the index.
     */
    public static byte[] dumpLink(int seq, int index) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETADDR, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new IfAddrMsg(Family.AF_UNSPEC, 0, 0, 0, index))
                .end().toBytes();
    }

    /**
     * {@code ip addr add CIDR dev DEV}: the scope iproute2 picks by default ({@code host} for 127/8, else
     * global), {@code IFA_LOCAL} and {@code IFA_ADDRESS} both the address, no broadcast.
     */
    public static byte[] add(int seq, int index, Ipv4Cidr cidr) {
        return add(seq, index, cidr, Optional.empty(), Optional.empty());
    }

    /**
     * {@code ip addr add CIDR [brd BRD] dev DEV [label LABEL]}: IFA_LABEL and IFA_BROADCAST after the addresses,
     * in iproute2's order.
     */
    public static byte[] add(int seq, int index, Ipv4Cidr cidr, Optional<Ipv4Address> broadcast,
            Optional<String> label) {
        int scope = cidr.address().isLoopback() ? RtMsg.RT_SCOPE_HOST : RtMsg.RT_SCOPE_UNIVERSE;
        MessageWriter w = MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWADDR, NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.CREATE | NlmFlags.EXCL, seq)
                .header(new IfAddrMsg(Family.AF_INET, cidr.prefixLength(), 0, scope, index))
                .bytes(IfaAttr.LOCAL, cidr.address().toBytes())
                .bytes(IfaAttr.ADDRESS, cidr.address().toBytes());
        label.ifPresent(l -> w.string(IfaAttr.LABEL, l));
        broadcast.ifPresent(b -> w.bytes(IfaAttr.BROADCAST, b.toBytes()));
        return w.end().toBytes();
    }

    /** {@code ip addr del CIDR dev DEV}. */
    public static byte[] delete(int seq, int index, Ipv4Cidr cidr) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_DELADDR, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new IfAddrMsg(Family.AF_INET, cidr.prefixLength(), 0, 0, index))
                .bytes(IfaAttr.LOCAL, cidr.address().toBytes())
                .bytes(IfaAttr.ADDRESS, cidr.address().toBytes())
                .end().toBytes();
    }

    /** What {@code ip addr flush} sends for an IPv6 address it dumped: {@code IFA_ADDRESS}, sixteen bytes. */
    public static byte[] deleteInet6(int seq, int index, byte[] address, int prefixLength) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_DELADDR, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new IfAddrMsg(Family.AF_INET6, prefixLength, 0, 0, index))
                .bytes(IfaAttr.ADDRESS, address)
                .end().toBytes();
    }
}
