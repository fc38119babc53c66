package org.netnslab.kernel.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.net.MacAddress;

/** The kernel's own messages, captured from the real tools, read by the message classes. */
class KernelAnswersTests {

    @Test
    void aVethWhosePeerLivesInAnotherNamespace() {
        Dumps.Dump d = Dumps.load("rtm-newlink-veth-peer-elsewhere");
        Message m = d.message();
        assertThat(m.type()).isEqualTo(NlMsgType.RTM_NEWLINK);
        LinkMessage l = LinkMessage.parse(m);
        assertThat(l.name()).isEqualTo("veth0");
        assertThat(l.index()).isEqualTo(2);
        assertThat(l.header().type()).isEqualTo(IfInfoMsg.ARPHRD_ETHER);
        assertThat(l.adminUp()).isTrue();
        assertThat(l.lowerUp()).isFalse();
        assertThat(l.mtu()).isEqualTo(1500);
        assertThat(l.txQueueLen()).isEqualTo(1000);
        assertThat(l.qdisc()).contains("noqueue");
        // up without a carrier: DOWN here, as linkwatch ran after its peer had left (LOWERLAYERDOWN before)
        assertThat(l.operState()).isEqualTo(LinkMessage.IF_OPER_DOWN);
        assertThat(l.kind()).contains("veth");
        assertThat(l.link()).contains(2);
        assertThat(l.linkNetnsId()).contains(0);
        assertThat(l.master()).isZero();
        assertThat(l.address()).contains(MacAddress.fromBytes(new byte[] {0x5a, (byte) 0xb4, 0x38, (byte) 0xdf, 0x06, (byte) 0xdb}, 0));
    }

    @Test
    void theLoopbackUp() {
        LinkMessage l = LinkMessage.parse(Dumps.load("rtm-newlink-loopback-up").message());
        assertThat(l.name()).isEqualTo("lo");
        assertThat(l.index()).isEqualTo(1);
        assertThat(l.loopback()).isTrue();
        assertThat(l.adminUp()).isTrue();
        assertThat(l.lowerUp()).isTrue();
        assertThat(l.header().has(IfInfoMsg.IFF_RUNNING)).isTrue();
        assertThat(l.mtu()).isEqualTo(65536);
        assertThat(l.operState()).isEqualTo(LinkMessage.IF_OPER_UNKNOWN);
        assertThat(l.qdisc()).contains("noqueue");
        assertThat(l.kind()).isEmpty();
        assertThat(l.link()).isEmpty();
        assertThat(l.address()).contains(MacAddress.ZERO);
    }

    @Test
    void aBridgeJustMade() {
        LinkMessage l = LinkMessage.parse(Dumps.load("rtm-newlink-bridge").message());
        assertThat(l.name()).isEqualTo("br0");
        assertThat(l.kind()).contains("bridge");
        assertThat(l.adminUp()).isFalse();
        assertThat(l.operState()).isEqualTo(LinkMessage.IF_OPER_DOWN);
        assertThat(l.qdisc()).contains("noop");
        assertThat(l.iflink()).isEqualTo(l.index());
    }

    @Test
    void anAddressDumpIpv4FirstThenIpv6() {
        List<AddressMessage> addrs = Dumps.load("rtm-newaddr-dump").messages().stream()
                .map(AddressMessage::parse).toList();
        assertThat(addrs).extracting(AddressMessage::family)
                .containsExactly(Family.AF_INET, Family.AF_INET, Family.AF_INET6, Family.AF_INET6);
        AddressMessage lo = addrs.get(0);
        assertThat(Ipv4Address.fromBytes(lo.printed(), 0)).isEqualTo(Ipv4Address.parse("127.0.0.1"));
        assertThat(lo.header().prefixLength()).isEqualTo(8);
        assertThat(lo.header().scope()).isEqualTo(RtMsg.RT_SCOPE_HOST);
        assertThat(lo.label()).contains("lo");
        AddressMessage veth = addrs.get(1);
        assertThat(Ipv4Address.fromBytes(veth.printed(), 0)).isEqualTo(Ipv4Address.parse("10.0.0.1"));
        assertThat(veth.header().prefixLength()).isEqualTo(24);
        assertThat(veth.label()).contains("veth0");
        assertThat(veth.secondary()).isFalse();
        assertThat(addrs.get(2).printed()).hasSize(16);
        assertThat(addrs.get(2).header().scope()).isEqualTo(RtMsg.RT_SCOPE_HOST);
        assertThat(addrs.get(3).header().scope()).isEqualTo(RtMsg.RT_SCOPE_LINK);
        assertThat(addrs.get(3).printed()[0] & 0xff).isEqualTo(0xfe);
    }

    @Test
    void theMainTableInDumpOrder() {
        List<RouteMessage> routes = Dumps.load("rtm-newroute-dump").messages().stream()
                .map(RouteMessage::parse).toList();
        assertThat(routes).extracting(RouteMessage::prefix).containsExactly(
                Ipv4Cidr.DEFAULT, Ipv4Cidr.parse("10.0.0.0/24"), Ipv4Cidr.parse("10.1.0.0/16"),
                Ipv4Cidr.parse("10.2.0.0/24"));
        RouteMessage def = routes.get(0);
        assertThat(def.gateway()).contains(Ipv4Address.parse("10.0.0.2"));
        assertThat(def.header().protocol()).isEqualTo(RtMsg.RTPROT_BOOT);
        assertThat(def.table()).isEqualTo(RtMsg.RT_TABLE_MAIN);
        RouteMessage connected = routes.get(1);
        assertThat(connected.header().protocol()).isEqualTo(RtMsg.RTPROT_KERNEL);
        assertThat(connected.header().scope()).isEqualTo(RtMsg.RT_SCOPE_LINK);
        assertThat(connected.preferredSource()).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(connected.linkDown()).isFalse();
        assertThat(routes.get(2).header().scope()).isEqualTo(RtMsg.RT_SCOPE_LINK);
        assertThat(routes.get(2).preferredSource()).isEmpty();
        assertThat(routes.get(3).linkDown()).as("its link has no carrier").isTrue();
    }

    @Test
    void routeGetAnswers() {
        RouteMessage r = RouteMessage.parse(Dumps.load("rtm-newroute-get").message());
        assertThat(r.header().type()).isEqualTo(RtMsg.RTN_UNICAST);
        assertThat(r.cloned()).isTrue();
        assertThat(r.destination()).contains(Ipv4Address.parse("10.9.9.9"));
        assertThat(r.gateway()).contains(Ipv4Address.parse("10.0.0.2"));
        assertThat(r.preferredSource()).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(r.outputInterface()).isEqualTo(2);
        RouteMessage local = RouteMessage.parse(Dumps.load("rtm-newroute-get-local").message());
        assertThat(local.header().type()).isEqualTo(RtMsg.RTN_LOCAL);
        assertThat(local.outputInterface()).as("lo").isEqualTo(1);
        assertThat(local.gateway()).isEmpty();
    }

    @Test
    void aRefusalWithTheKernelsOwnSentence() {
        NlMsgErr e = NlMsgErr.parse(Dumps.load("nlmsgerr-extack").message());
        assertThat(e.errno()).as("ENETUNREACH").isEqualTo(101);
        assertThat(e.message()).contains("Nexthop has invalid gateway");
        assertThat(e.request().type()).isEqualTo(NlMsgType.RTM_NEWROUTE);
    }

    @Test
    void aRefusalWithoutSentenceEchoesTheWholeRequest() {
        Message m = Dumps.load("nlmsgerr-eexist").message();
        NlMsgErr e = NlMsgErr.parse(m);
        assertThat(e.errno()).as("EEXIST").isEqualTo(17);
        assertThat(e.message()).isEmpty();
        assertThat(e.request().length()).isEqualTo(92);
        assertThat(m.header().has(NlmFlags.CAPPED)).isFalse();
    }

    @Test
    void anAcknowledgementCapped() {
        Message m = Dumps.load("nlmsgerr-ack-capped").message();
        NlMsgErr e = NlMsgErr.parse(m);
        assertThat(e.isAck()).isTrue();
        assertThat(m.header().has(NlmFlags.CAPPED)).isTrue();
        assertThat(e.request().type()).isEqualTo(NlMsgType.RTM_NEWLINK);
    }

    @Test
    void theIdOfAnotherNamespace() {
        Message m = Dumps.load("rtm-newnsid").message();
        assertThat(m.type()).isEqualTo(NlMsgType.RTM_NEWNSID);
        assertThat(NsidMessage.parse(m)).isEqualTo(new NsidMessage(0));
    }

    @Test
    void iptablesNftsBaseChain() {
        Message m = Dumps.load("nft-newchain").message();
        assertThat(NftMsgType.msgOf(m.type())).isEqualTo(NftMsgType.NEWCHAIN);
        NftChain c = NftChain.parse(m);
        assertThat(c.table()).isEqualTo("nat");
        assertThat(c.name()).isEqualTo("POSTROUTING");
        assertThat(c.hook()).contains(NftChain.NF_INET_POST_ROUTING);
        assertThat(c.priority()).contains(NftChain.NF_IP_PRI_NAT_SRC);
        assertThat(c.type()).contains("nat");
        assertThat(c.counters()).isEmpty();
    }

    @Test
    void iptablesNftsMasqueradeRule() {
        NftRule r = NftRule.parse(Dumps.load("nft-newrule").message());
        assertThat(r.table()).isEqualTo("nat");
        assertThat(r.chain()).isEqualTo("POSTROUTING");
        assertThat(r.handle()).isEqualTo(2);
        assertThat(r.expressions()).containsExactly(
                new NftExpr.Meta(NftExpr.Meta.NFT_META_OIFNAME, 1),
                new NftExpr.Cmp(1, NftExpr.Cmp.NFT_CMP_EQ, new byte[] {'e', 't', 'h', '0', 0}),
                new NftExpr.Payload(1, NftExpr.Payload.NFT_PAYLOAD_NETWORK_HEADER, 12, 4),
                new NftExpr.Bitwise(1, 1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xf0, 0}, new byte[4]),
                new NftExpr.Cmp(1, NftExpr.Cmp.NFT_CMP_EQ, new byte[] {10, 0, 0, 0}),
                new NftExpr.Counter(0, 0),
                NftExpr.Target.masquerade());
    }
}
