package org.netnslab.kernel.netlink;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;

/**
 * A neighbour as {@code RTM_NEWNEIGH} reports it, and the requests of {@code ip neigh}.
 *
 * @param destination {@code NDA_DST}: the neighbour's protocol address
 * @param lladdr {@code NDA_LLADDR}: its link-layer address, sent while the entry is valid
 */
public record NeighbourMessage(NdMsg header, Optional<byte[]> destination, Optional<byte[]> lladdr) {

    public static NeighbourMessage parse(Message m) {
        NdMsg h = NdMsg.parse(m.body());
        Attributes a = m.attributes(NdMsg.LENGTH);
        return new NeighbourMessage(h, a.get(NdaAttr.DST).map(Attribute::bytes),
                a.get(NdaAttr.LLADDR).map(Attribute::bytes));
    }

    // ------------------------------------------------------------------------------------------ requests

    /** {@code ip -4 neigh show}: the ARP table. */
    public static byte[] dump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETNEIGH, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new NdMsg(Family.AF_INET, 0, 0, 0, 0))
                .end().toBytes();
    }

    /**
     * {@code ip neigh add|change|replace ADDR [lladdr MAC] nud STATE dev DEV}.
     *
     * @param modifiers ipneigh_modify's: {@code CREATE|EXCL} for add, {@code REPLACE} for change, both
     *     {@code CREATE|REPLACE} for replace
     * @param state the {@code NUD_*} bit
     */
    public static byte[] add(int seq, int modifiers, int index, Ipv4Address address, Optional<MacAddress> lladdr,
            int state) {
        MessageWriter w = MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWNEIGH, NlmFlags.REQUEST | NlmFlags.ACK | modifiers, seq)
                .header(new NdMsg(Family.AF_INET, index, state, 0, 0))
                .bytes(NdaAttr.DST, address.toBytes());
        lladdr.ifPresent(mac -> w.bytes(NdaAttr.LLADDR, mac.toBytes()));
        return w.end().toBytes();
    }

    /** {@code ip neigh del ADDR dev DEV}: iproute2 sends the default state, PERMANENT, which the kernel ignores. */
    public static byte[] delete(int seq, int index, Ipv4Address address) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_DELNEIGH, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new NdMsg(Family.AF_INET, index, 0x80, 0, 0))
                .bytes(NdaAttr.DST, address.toBytes())
                .end().toBytes();
    }
}
