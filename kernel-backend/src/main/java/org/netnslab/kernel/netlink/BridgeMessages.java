package org.netnslab.kernel.netlink;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.netnslab.core.net.MacAddress;

/**
 * The bridge's {@code PF_BRIDGE} messages: a port as an {@code AF_BRIDGE} link dump reports it, an entry of a
 * forwarding-database dump ({@code RTM_NEWNEIGH}, {@code ndm_family = PF_BRIDGE}), and their requests.
 */
public final class BridgeMessages {

    /** {@code NTF_SELF}: the entry is the device's own, not its bridge's. */
    public static final int NTF_SELF = 0x02;
    /** {@code NTF_MASTER}: the request is for the device's master. */
    public static final int NTF_MASTER = 0x04;

    private BridgeMessages() {}

    /**
     * One port: its index, and {@code IFLA_PROTINFO}'s state, priority and cost.
     *
     * @param master {@code IFLA_MASTER}, 0 for a link that is no port
     */
    public record Port(int index, int master, int state, int priority, int cost) {

        public static Optional<Port> parse(Message m) {
            IfInfoMsg h = IfInfoMsg.parse(m.body());
            Attributes a = m.attributes(IfInfoMsg.LENGTH);
            Optional<Attributes> info = a.get(IflaAttr.PROTINFO).map(Attribute::attributes);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            Attributes p = info.get();
            return Optional.of(new Port(h.index(), a.get(IflaAttr.MASTER).map(Attribute::u32).orElse(0),
                    p.get(IflaBrportAttr.STATE).map(Attribute::u8).orElse(0),
                    p.get(IflaBrportAttr.PRIORITY).map(Attribute::u16).orElse(0),
                    p.get(IflaBrportAttr.COST).map(Attribute::u32).orElse(0)));
        }
    }

    /** One entry of the forwarding database, or of a device's address lists. */
    public record Fdb(NdMsg header, Optional<MacAddress> lladdr, OptionalInt master) {

        public static Fdb parse(Message m) {
            NdMsg h = NdMsg.parse(m.body());
            Attributes a = m.attributes(NdMsg.LENGTH);
            Optional<MacAddress> mac = a.get(NdaAttr.LLADDR).filter(v -> v.value().remaining() == 6)
                    .map(v -> MacAddress.fromBytes(v.bytes(), 0));
            Optional<Integer> master = a.get(NdaAttr.MASTER).map(Attribute::u32);
            return new Fdb(h, mac, master.map(OptionalInt::of).orElse(OptionalInt.empty()));
        }

        public boolean self() {
            return (header.flags() & NTF_SELF) != 0;
        }
    }

    /** {@code bridge link show}: the {@code AF_BRIDGE} link dump. */
    public static byte[] portDump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETLINK, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new IfInfoMsg(Family.AF_BRIDGE, 0, 0, 0, 0))
                .end().toBytes();
    }

    /**
     * {@code bridge fdb show}: the {@code PF_BRIDGE} neighbour dump, unfiltered. Its header is a
     * {@code struct ndmsg}: a socket that asks for strict checking ({@code NETLINK_GET_STRICT_CHK}) has the
     * legacy {@code ifinfomsg} refused with EINVAL ({@code valid_fdb_dump_strict}).
     */
    public static byte[] fdbDump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETNEIGH, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new NdMsg(Family.AF_BRIDGE, 0, 0, 0, 0))
                .end().toBytes();
    }

    /**
     * {@code ip link set BR type bridge OPTIONS}: the bridge's {@code IFLA_INFO_DATA}, each option as
     * iplink_bridge.c puts it (the priority a u16, the others u32), in the order given.
     */
    public static byte[] changelink(int seq, int index, Map<IflaBrAttr, Long> options) {
        MessageWriter w = MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(IfInfoMsg.of(index))
                .nest(IflaAttr.LINKINFO)
                .chars(IflaInfoAttr.KIND, "bridge")
                .nest(IflaInfoAttr.DATA);
        options.forEach((attr, v) -> {
            if (attr == IflaBrAttr.PRIORITY) {
                w.u16(attr, v.intValue());
            } else {
                w.u32(attr, v.intValue());
            }
        });
        return w.endNest().endNest().end().toBytes();
    }

    /** {@code bridge fdb del MAC dev DEV self|master}, with fdb_modify's default state, PERMANENT. */
    public static byte[] fdbDelete(int seq, int index, MacAddress mac, boolean self) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_DELNEIGH, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new NdMsg(Family.AF_BRIDGE, index, 0x80, self ? NTF_SELF : NTF_MASTER, 0))
                .bytes(NdaAttr.LLADDR, mac.toBytes())
                .end().toBytes();
    }
}
