package org.netnslab.kernel.netlink;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.netnslab.core.net.MacAddress;

/**
 * A link as {@code RTM_NEWLINK} reports it, and the requests that make and change links, each the message
 * iproute2 sends for the same command.
 *
 * @param link {@code IFLA_LINK}: for a veth, its peer's index (in the peer's namespace)
 * @param linkNetnsId {@code IFLA_LINK_NETNSID}: the id this namespace gave the peer's namespace, when it is
 *     another one
 * @param kind {@code IFLA_INFO_KIND}: {@code veth}, {@code bridge}; empty for the loopback
 * @param alias {@code IFLA_IFALIAS}, when the link has one
 */
public record LinkMessage(
        IfInfoMsg header,
        String name,
        Optional<MacAddress> address,
        int mtu,
        int txQueueLen,
        Optional<String> qdisc,
        int operState,
        int master,
        Optional<Integer> link,
        Optional<Integer> linkNetnsId,
        Optional<String> kind,
        Optional<String> alias) {

    /** {@code IF_OPER_*}, in the kernel's order. */
    public static final int IF_OPER_UNKNOWN = 0;
    public static final int IF_OPER_DOWN = 2;
    public static final int IF_OPER_LOWERLAYERDOWN = 3;
    public static final int IF_OPER_UP = 6;

    public static LinkMessage parse(Message m) {
        IfInfoMsg h = IfInfoMsg.parse(m.body());
        Attributes a = m.attributes(IfInfoMsg.LENGTH);
        Optional<String> kind = a.get(IflaAttr.LINKINFO)
                .flatMap(info -> info.attributes().get(IflaInfoAttr.KIND))
                .map(Attribute::string);
        return new LinkMessage(
                h,
                a.get(IflaAttr.IFNAME).map(Attribute::string).orElse(""),
                a.get(IflaAttr.ADDRESS).filter(v -> v.value().remaining() == 6)
                        .map(v -> MacAddress.fromBytes(v.bytes(), 0)),
                a.get(IflaAttr.MTU).map(Attribute::u32).orElse(0),
                a.get(IflaAttr.TXQLEN).map(Attribute::u32).orElse(0),
                a.get(IflaAttr.QDISC).map(Attribute::string),
                a.get(IflaAttr.OPERSTATE).map(Attribute::u8).orElse(IF_OPER_UNKNOWN),
                a.get(IflaAttr.MASTER).map(Attribute::u32).orElse(0),
                a.get(IflaAttr.LINK).map(Attribute::u32),
                a.get(IflaAttr.LINK_NETNSID).map(Attribute::u32),
                kind,
                a.get(IflaAttr.IFALIAS).map(Attribute::string));
    }

    public int index() {
        return header.index();
    }

    public boolean adminUp() {
        return header.has(IfInfoMsg.IFF_UP);
    }

    public boolean lowerUp() {
        return header.has(IfInfoMsg.IFF_LOWER_UP);
    }

    public boolean loopback() {
        return header.type() == IfInfoMsg.ARPHRD_LOOPBACK;
    }

    /**
     * The index of the link below this one ({@code dev_get_iflink}): the peer for a veth, itself otherwise.
     * The kernel omits {@code IFLA_LINK} when it is the link itself.
     */
    public int iflink() {
        return link.orElse(index());
    }

    // ------------------------------------------------------------------------------------------ requests

    /** {@code ip link show}: every link of the namespace. */
    public static byte[] dump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETLINK, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(IfInfoMsg.of(0))
                .end().toBytes();
    }

    /** {@code ip link show dev NAME}: one link, by name. */
    public static byte[] get(int seq, String name) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETLINK, NlmFlags.REQUEST, seq)
                .header(IfInfoMsg.of(0))
                .string(IflaAttr.IFNAME, name)
                .end().toBytes();
    }

    /** One link, by index. */
    public static byte[] get(int seq, int index) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETLINK, NlmFlags.REQUEST, seq)
                .header(IfInfoMsg.of(index))
                .end().toBytes();
    }

    /**
     * {@code ip link add NAME type veth peer name PEER [netns NS]}: one message makes both ends, so the pair
     * is made whole or not at all.
     *
     * @param peerNamespaceFd an open file descriptor of the peer's namespace, or -1 for this one
     */
    public static byte[] newVeth(int seq, String name, String peer, int peerNamespaceFd) {
        MessageWriter w = MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.CREATE | NlmFlags.EXCL, seq)
                .header(IfInfoMsg.of(0))
                .string(IflaAttr.IFNAME, name)
                .nest(IflaAttr.LINKINFO)
                .chars(IflaInfoAttr.KIND, "veth")
                .nest(IflaInfoAttr.DATA)
                .nest(VethInfoAttr.PEER)
                .header(IfInfoMsg.of(0));
        if (peerNamespaceFd >= 0) { // iproute2 puts it before the name
            w.u32(IflaAttr.NET_NS_FD, peerNamespaceFd);
        }
        return w.string(IflaAttr.IFNAME, peer).endNest().endNest().endNest().end().toBytes();
    }

    /** {@code ip link add name NAME type bridge}. */
    public static byte[] newBridge(int seq, String name) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.CREATE | NlmFlags.EXCL, seq)
                .header(IfInfoMsg.of(0))
                .string(IflaAttr.IFNAME, name)
                .nest(IflaAttr.LINKINFO)
                .chars(IflaInfoAttr.KIND, "bridge")
                .endNest()
                .end().toBytes();
    }

    /** {@code ip link set dev DEV up|down}: {@code IFF_UP} in the change mask, set or clear in the flags. */
    public static byte[] setUp(int seq, int index, boolean up) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new IfInfoMsg(Family.AF_UNSPEC, 0, index, up ? IfInfoMsg.IFF_UP : 0, IfInfoMsg.IFF_UP))
                .end().toBytes();
    }

    /** {@code ip link set dev DEV netns NS}, the namespace given by an open file descriptor. */
    public static byte[] setNamespace(int seq, int index, int namespaceFd) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .u32(IflaAttr.NET_NS_FD, namespaceFd)
                .end().toBytes();
    }

    /** {@code ip link set dev DEV address MAC}: {@code IFLA_ADDRESS}, the six bytes. */
    public static byte[] setAddress(int seq, int index, byte[] mac) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .bytes(IflaAttr.ADDRESS, mac)
                .end().toBytes();
    }

    /** {@code ip link set dev DEV mtu MTU}: {@code IFLA_MTU}, a u32 (a negative one is refused as one). */
    public static byte[] setMtu(int seq, int index, int mtu) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .u32(IflaAttr.MTU, mtu)
                .end().toBytes();
    }

    /** {@code ip link set dev DEV name NAME}: the link by its index, {@code IFLA_IFNAME} its new name. */
    public static byte[] setName(int seq, int index, String name) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .string(IflaAttr.IFNAME, name)
                .end().toBytes();
    }

    /**
     * {@code ip link set dev DEV alias TEXT}: {@code IFLA_IFALIAS}, the text without its NUL, as iproute2 sends
     * it; an empty one takes the alias away.
     */
    public static byte[] setAlias(int seq, int index, String alias) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .bytes(IflaAttr.IFALIAS, alias.getBytes(StandardCharsets.UTF_8))
                .end().toBytes();
    }

    /**
     * {@code ip link set dev DEV promisc|arp|multicast|allmulticast on|off}: the flags in {@code ifi_flags}, the
     * ones changed in {@code ifi_change}.
     */
    public static byte[] setFlags(int seq, int index, int flags, int change) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new IfInfoMsg(Family.AF_UNSPEC, 0, index, flags, change))
                .end().toBytes();
    }

    /** {@code ip link set dev DEV txqueuelen N}: {@code IFLA_TXQLEN}, a u32. */
    public static byte[] setTxQueueLen(int seq, int index, int txQueueLen) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .u32(IflaAttr.TXQLEN, txQueueLen)
                .end().toBytes();
    }

    /** {@code ip link set dev DEV master BRIDGE}, or {@code nomaster} with master 0. */
    public static byte[] setMaster(int seq, int index, int masterIndex) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .u32(IflaAttr.MASTER, masterIndex)
                .end().toBytes();
    }

    /** {@code ip link del dev DEV}. */
    public static byte[] delete(int seq, int index) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_DELLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .end().toBytes();
    }
}
