package org.netnslab.kernel.netlink;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * An IPv4 route as {@code RTM_NEWROUTE} reports it (a table's route, or the answer to {@code RTM_GETROUTE}),
 * and the requests of {@code ip route add|del|get}.
 */
public record RouteMessage(
        RtMsg header,
        Optional<Ipv4Address> destination,
        Optional<Ipv4Address> source,
        Optional<Ipv4Address> gateway,
        Optional<Ipv4Address> preferredSource,
        int outputInterface,
        int inputInterface,
        int table,
        int priority) {

    public static RouteMessage parse(Message m) {
        RtMsg h = RtMsg.parse(m.body());
        Attributes a = m.attributes(RtMsg.LENGTH);
        return new RouteMessage(
                h,
                ipv4(a, RtaAttr.DST),
                ipv4(a, RtaAttr.SRC),
                ipv4(a, RtaAttr.GATEWAY),
                ipv4(a, RtaAttr.PREFSRC),
                a.get(RtaAttr.OIF).map(Attribute::u32).orElse(0),
                a.get(RtaAttr.IIF).map(Attribute::u32).orElse(0),
                a.get(RtaAttr.TABLE).map(Attribute::u32).orElse(h.table()),
                a.get(RtaAttr.PRIORITY).map(Attribute::u32).orElse(0));
    }

    private static Optional<Ipv4Address> ipv4(Attributes a, RtaAttr t) {
        return a.get(t).filter(v -> v.value().remaining() == 4).map(v -> Ipv4Address.fromBytes(v.bytes(), 0));
    }

    /** The destination prefix, host bits clear; {@code 0.0.0.0/0} for the default route. */
    public Ipv4Cidr prefix() {
        return new Ipv4Cidr(destination.orElse(Ipv4Address.ANY), header.dstLength()).network();
    }

    public boolean cloned() {
        return (header.flags() & RtMsg.RTM_F_CLONED) != 0;
    }

    public boolean onlink() {
        return (header.flags() & RtMsg.RTNH_F_ONLINK) != 0;
    }

    public boolean linkDown() {
        return (header.flags() & RtMsg.RTNH_F_LINKDOWN) != 0;
    }

    // ------------------------------------------------------------------------------------------ requests

    /** {@code ip route show}: the IPv4 routes of every table; the caller keeps the main one. */
    public static byte[] dump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETROUTE, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new RtMsg(Family.AF_INET, 0, 0, 0, 0, 0, 0, 0, 0))
                .end().toBytes();
    }

    /**
     * {@code ip route show table main dev DEV}: the main table's IPv4 routes through one link, in the kernel's
     * order; on a socket that checks dumps strictly, which then filters by table and device.
     */
    public static byte[] dumpMain(int seq, int outputInterface) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETROUTE, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new RtMsg(Family.AF_INET, 0, 0, 0, RtMsg.RT_TABLE_MAIN, 0, 0, 0, 0))
                .u32(RtaAttr.TABLE, RtMsg.RT_TABLE_MAIN)
                .u32(RtaAttr.OIF, outputInterface)
                .end().toBytes();
    }

    /**
     * {@code ip route add PREFIX [via GW] [dev DEV]}: table main, protocol boot, a unicast route whose
     * scope is link when it has no gateway, as iproute2 makes it.
     *
     * @param outputInterface the link's index, or 0
     */
    public static byte[] add(int seq, Ipv4Cidr prefix, Optional<Ipv4Address> gateway, int outputInterface) {
        int scope = gateway.isPresent() ? RtMsg.RT_SCOPE_UNIVERSE : RtMsg.RT_SCOPE_LINK;
        RtMsg h = new RtMsg(Family.AF_INET, prefix.prefixLength(), 0, 0, RtMsg.RT_TABLE_MAIN, RtMsg.RTPROT_BOOT,
                scope, RtMsg.RTN_UNICAST, 0);
        return change(NlMsgType.RTM_NEWROUTE, NlmFlags.CREATE | NlmFlags.EXCL, seq, h, prefix, gateway,
                outputInterface);
    }

    /**
     * {@code ip route del PREFIX [via GW] [dev DEV]}: scope nowhere and no protocol or type, so that the
     * kernel matches any route with that prefix and whatever else was given.
     */
    public static byte[] delete(int seq, Ipv4Cidr prefix, Optional<Ipv4Address> gateway, int outputInterface) {
        RtMsg h = new RtMsg(Family.AF_INET, prefix.prefixLength(), 0, 0, RtMsg.RT_TABLE_MAIN, RtMsg.RTPROT_UNSPEC,
                RtMsg.RT_SCOPE_NOWHERE, RtMsg.RTN_UNSPEC, 0);
        return change(NlMsgType.RTM_DELROUTE, 0, seq, h, prefix, gateway, outputInterface);
    }

    /**
     * {@code ip route add|change|replace|prepend|append|test|del ROUTE}: the rtmsg iproute_modify fills (table main,
     * the type, protocol and scope given or its defaults, {@code RTNH_F_ONLINK}) with {@code RTA_DST},
     * {@code RTA_GATEWAY}, {@code RTA_OIF}, {@code RTA_PRIORITY} and {@code RTA_PREFSRC} as given.
     *
     * @param flags the NLM_F_* of the subcommand, none for a delete
     * @param outputInterface the link's index, or 0
     */
    public static byte[] modify(int seq, boolean delete, int flags, int type, int protocol, int scope,
            boolean onlink, Ipv4Cidr prefix, Optional<Ipv4Address> gateway, int outputInterface,
            Optional<Integer> priority, Optional<Ipv4Address> preferredSource) {
        RtMsg h = new RtMsg(Family.AF_INET, prefix.prefixLength(), 0, 0, RtMsg.RT_TABLE_MAIN, protocol, scope, type,
                onlink ? RtMsg.RTNH_F_ONLINK : 0);
        MessageWriter w = MessageWriter.rtnetlink()
                .begin(delete ? NlMsgType.RTM_DELROUTE : NlMsgType.RTM_NEWROUTE, NlmFlags.REQUEST | NlmFlags.ACK | flags,
                        seq)
                .header(h);
        preferredSource.ifPresent(s -> w.bytes(RtaAttr.PREFSRC, s.toBytes()));
        gateway.ifPresent(g -> w.bytes(RtaAttr.GATEWAY, g.toBytes()));
        priority.ifPresent(p -> w.u32(RtaAttr.PRIORITY, p));
        if (!prefix.isDefault()) {
            w.bytes(RtaAttr.DST, prefix.address().toBytes());
        }
        if (outputInterface > 0) {
            w.u32(RtaAttr.OIF, outputInterface);
        }
        return w.end().toBytes();
    }

    private static byte[] change(int type, int flags, int seq, RtMsg h, Ipv4Cidr prefix,
            Optional<Ipv4Address> gateway, int outputInterface) {
        MessageWriter w = MessageWriter.rtnetlink()
                .begin(type, NlmFlags.REQUEST | NlmFlags.ACK | flags, seq)
                .header(h);
        if (!prefix.isDefault()) {
            w.bytes(RtaAttr.DST, prefix.address().toBytes());
        }
        gateway.ifPresent(g -> w.bytes(RtaAttr.GATEWAY, g.toBytes()));
        if (outputInterface > 0) {
            w.u32(RtaAttr.OIF, outputInterface);
        }
        return w.end().toBytes();
    }

    /**
     * {@code ip route get ADDR [from SRC iif DEV]}: the route the kernel would give one packet.
     *
     * @param inputInterface the index of the link the packet arrives on, or 0 for a packet sent from here
     */
    public static byte[] get(int seq, Ipv4Address destination, Optional<Ipv4Address> source, int inputInterface) {
        MessageWriter w = MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETROUTE, NlmFlags.REQUEST, seq)
                .header(new RtMsg(Family.AF_INET, 32, source.isPresent() ? 32 : 0, 0, RtMsg.RT_TABLE_UNSPEC,
                        RtMsg.RTPROT_UNSPEC, RtMsg.RT_SCOPE_UNIVERSE, RtMsg.RTN_UNSPEC, RtMsg.RTM_F_LOOKUP_TABLE))
                .bytes(RtaAttr.DST, destination.toBytes());
        source.ifPresent(s -> w.bytes(RtaAttr.SRC, s.toBytes()));
        if (inputInterface > 0) {
            w.u32(RtaAttr.IIF, inputInterface);
        }
        return w.end().toBytes();
    }
}
