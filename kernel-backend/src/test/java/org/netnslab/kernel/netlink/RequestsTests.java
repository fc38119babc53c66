package org.netnslab.kernel.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * The requests this backend sends, byte for byte the ones the real tools sent for the same command (same
 * sequence number, same descriptor numbers), and read back by the message classes.
 */
class RequestsTests {

    @Test
    void aVethPairWithItsPeerInAnotherNamespace() {
        Dumps.Dump d = Dumps.load("rtm-newlink-veth-request");
        assertThat(LinkMessage.newVeth(d.seq(), "veth0", "veth1", 4)).isEqualTo(d.bytes());
        Message m = d.message();
        assertThat(m.header().flags()).isEqualTo(NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.CREATE | NlmFlags.EXCL);
        Attributes a = m.attributes(IfInfoMsg.LENGTH);
        assertThat(a.get(IflaAttr.IFNAME).orElseThrow().string()).isEqualTo("veth0");
        Attributes info = a.get(IflaAttr.LINKINFO).orElseThrow().attributes();
        assertThat(info.get(IflaInfoAttr.KIND).orElseThrow().string()).isEqualTo("veth");
        Attribute peer = info.get(IflaInfoAttr.DATA).orElseThrow().attributes().get(VethInfoAttr.PEER).orElseThrow();
        ByteBuffer p = peer.value().duplicate().order(ByteOrder.nativeOrder());
        assertThat(IfInfoMsg.parse(p)).isEqualTo(IfInfoMsg.of(0));
        Attributes peerAttrs = Attributes.parse(p);
        assertThat(peerAttrs.get(IflaAttr.IFNAME).orElseThrow().string()).isEqualTo("veth1");
        assertThat(peerAttrs.get(IflaAttr.NET_NS_FD).orElseThrow().u32()).isEqualTo(4);
    }

    @Test
    void linkUp() {
        Dumps.Dump d = Dumps.load("rtm-newlink-up-request");
        IfInfoMsg h = IfInfoMsg.parse(d.message().body());
        assertThat(h.flags()).isEqualTo(IfInfoMsg.IFF_UP);
        assertThat(h.change()).isEqualTo(IfInfoMsg.IFF_UP);
        assertThat(LinkMessage.setUp(d.seq(), h.index(), true)).isEqualTo(d.bytes());
    }

    @Test
    void addressAdd() {
        Dumps.Dump d = Dumps.load("rtm-newaddr-request");
        IfAddrMsg h = IfAddrMsg.parse(d.message().body());
        assertThat(h).isEqualTo(new IfAddrMsg(Family.AF_INET, 24, 0, RtMsg.RT_SCOPE_UNIVERSE, h.index()));
        assertThat(AddressMessage.add(d.seq(), h.index(), Ipv4Cidr.parse("10.0.0.1/24"))).isEqualTo(d.bytes());
    }

    @Test
    void defaultRouteViaAGateway() {
        Dumps.Dump d = Dumps.load("rtm-newroute-via-request");
        assertThat(RouteMessage.add(d.seq(), Ipv4Cidr.DEFAULT, Optional.of(Ipv4Address.parse("10.0.0.2")), 0))
                .isEqualTo(d.bytes());
    }

    @Test
    void routeOnALinkHasScopeLink() {
        Dumps.Dump d = Dumps.load("rtm-newroute-dev-request");
        RouteMessage r = RouteMessage.parse(d.message());
        assertThat(r.header().scope()).isEqualTo(RtMsg.RT_SCOPE_LINK);
        assertThat(RouteMessage.add(d.seq(), Ipv4Cidr.parse("10.1.0.0/16"), Optional.empty(), r.outputInterface()))
                .isEqualTo(d.bytes());
    }

    @Test
    void routeGet() {
        Dumps.Dump d = Dumps.load("rtm-getroute-request");
        assertThat(RouteMessage.get(d.seq(), Ipv4Address.parse("10.9.9.9"), Optional.empty(), 0)).isEqualTo(d.bytes());
    }

    @Test
    void theIdOfANamespaceByDescriptor() {
        Dumps.Dump d = Dumps.load("rtm-getnsid-request");
        assertThat(NsidMessage.get(d.seq(), 6)).isEqualTo(d.bytes());
    }

    /**
     * iptables-nft's batch for {@code -A POSTROUTING -s 10.0.0.0/20 -o eth0 -j MASQUERADE}: the same table,
     * chain and rule messages; this backend leaves out the generation id and asks each message for an ack.
     */
    @Test
    void iptablesNftsBatchMessageForMessage() {
        Dumps.Dump d = Dumps.load("nft-batch-append");
        List<Message> theirs = d.messages();
        List<NftExpr> exprs = List.of(
                new NftExpr.Meta(NftExpr.Meta.NFT_META_OIFNAME, 1),
                new NftExpr.Cmp(1, NftExpr.Cmp.NFT_CMP_EQ, new byte[] {'e', 't', 'h', '0', 0}),
                new NftExpr.Payload(1, NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER, 12, 4),
                new NftExpr.Bitwise(1, 1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xf0, 0}, new byte[4]),
                new NftExpr.Cmp(1, NftExpr.Cmp.NFT_CMP_EQ, new byte[] {10, 0, 0, 0}),
                new NftExpr.Counter(0, 0),
                NftExpr.Target.masquerade());
        NftBatch batch = new NftBatch(1, Family.NFPROTO_IPV4)
                .addTable("nat")
                .addBaseChain("nat", "POSTROUTING", NftChain.NF_INET_POST_ROUTING, NftChain.NF_IP_PRI_NAT_SRC, "nat")
                .appendRule("nat", "POSTROUTING", exprs);
        List<Message> ours = Message.parseAll(ByteBuffer.wrap(batch.finish()).order(ByteOrder.nativeOrder()));
        assertThat(ours).hasSameSizeAs(theirs);
        assertThat(batch.acknowledged()).containsExactly(2, 3, 4);
        for (int i = 0; i < ours.size(); i++) {
            Message o = ours.get(i);
            Message t = theirs.get(i);
            assertThat(o.type()).isEqualTo(t.type());
            assertThat(o.header().seq()).isEqualTo(t.header().seq());
            assertThat(o.header().flags() & ~NlmFlags.ACK).isEqualTo(t.header().flags());
            if (i > 0 && i < ours.size() - 1) {
                assertThat(bytes(o)).as("message %d", i).isEqualTo(bytes(t));
            }
        }
        NfGenMsg begin = NfGenMsg.parse(theirs.get(0).body());
        assertThat(begin.resId()).isEqualTo(NftMsgType.NFNL_SUBSYS_NFTABLES);
        assertThat(NftRule.parse(theirs.get(3)).expressions()).isEqualTo(exprs);
    }

    private static byte[] bytes(Message m) {
        ByteBuffer b = m.body();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void attributesWriteAndReadBack() {
        byte[] msg = MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST, 7)
                .header(IfInfoMsg.of(3))
                .string(IflaAttr.IFNAME, "br-lan")
                .u8(IflaAttr.OPERSTATE, 6)
                .u32(IflaAttr.MTU, 9000)
                .nest(IflaAttr.LINKINFO).string(IflaInfoAttr.KIND, "bridge").endNest()
                .end().toBytes();
        assertThat(msg.length % 4).isZero();
        Message m = Message.parseAll(ByteBuffer.wrap(msg).order(ByteOrder.nativeOrder())).get(0);
        assertThat(m.header()).isEqualTo(new NlMsgHdr(msg.length, NlMsgType.RTM_NEWLINK, NlmFlags.REQUEST, 7, 0));
        LinkMessage l = LinkMessage.parse(m);
        assertThat(l.index()).isEqualTo(3);
        assertThat(l.name()).isEqualTo("br-lan");
        assertThat(l.operState()).isEqualTo(6);
        assertThat(l.mtu()).isEqualTo(9000);
        assertThat(l.kind()).contains("bridge");
        Attribute linkinfo = m.attributes(IfInfoMsg.LENGTH).get(IflaAttr.LINKINFO).orElseThrow();
        assertThat(linkinfo.nested()).as("iproute2 leaves NLA_F_NESTED off").isFalse();

        byte[] nft = MessageWriter.nfnetlink().begin(NftMsgType.of(NftMsgType.NEWCHAIN), NlmFlags.REQUEST, 1)
                .header(new NfGenMsg(Family.NFPROTO_IPV4, 0, 0))
                .nest(NftaChainAttr.HOOK).u32be(NftaHookAttr.HOOKNUM, 4).u32be(NftaHookAttr.PRIORITY, -100).endNest()
                .end().toBytes();
        Attribute hook = Message.parseAll(ByteBuffer.wrap(nft).order(ByteOrder.nativeOrder())).get(0)
                .attributes(NfGenMsg.LENGTH).get(NftaChainAttr.HOOK).orElseThrow();
        assertThat(hook.nested()).as("libnftnl sets NLA_F_NESTED").isTrue();
        assertThat(hook.attributes().get(NftaHookAttr.PRIORITY).orElseThrow().u32be()).isEqualTo(-100);
        assertThat(Arrays.copyOfRange(nft, 28, 32)).as("network order").containsExactly(0, 0, 0, 4);
    }
}
