package org.netnslab.kernel.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.kernel.netlink.XtMatch.Neg;
import org.netnslab.kernel.netlink.XtMatch.PortRange;

/**
 * Every batch iptables-nft 1.8.9 sent in {@code netlink/netfilter/} (one a command) made again by this backend,
 * message for message and byte for byte but for the {@code NLM_F_ACK} it asks for and the generation id in
 * the begin message; and every rule in them read back as the rule that was written.
 */
class XtRuleFixturesTests {

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int ICMP = 1;
    private static final String F = "filter";
    private static final String N = "nat";

    /** A rule of the tests: its ipt_entry fields, matches, target. */
    private static XtRule r(UnaryOperator<XtRule> edit) {
        return edit.apply(new XtRule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), new XtTarget.None()));
    }

    private static XtRule with(XtRule r, XtTarget t) {
        return new XtRule(r.in(), r.out(), r.protocol(), r.source(), r.destination(), r.matches(), t);
    }

    private static XtRule in(XtRule r, boolean not, String dev) {
        return new XtRule(Optional.of(new Neg<>(not, dev)), r.out(), r.protocol(), r.source(), r.destination(),
                r.matches(), r.target());
    }

    private static XtRule out(XtRule r, boolean not, String dev) {
        return new XtRule(r.in(), Optional.of(new Neg<>(not, dev)), r.protocol(), r.source(), r.destination(),
                r.matches(), r.target());
    }

    private static XtRule proto(XtRule r, boolean not, int p) {
        return new XtRule(r.in(), r.out(), Optional.of(new Neg<>(not, p)), r.source(), r.destination(), r.matches(),
                r.target());
    }

    private static XtRule src(XtRule r, boolean not, String cidr) {
        return new XtRule(r.in(), r.out(), r.protocol(), Optional.of(new Neg<>(not, Ipv4Cidr.parse(cidr))),
                r.destination(), r.matches(), r.target());
    }

    private static XtRule dst(XtRule r, boolean not, String cidr) {
        return new XtRule(r.in(), r.out(), r.protocol(), r.source(), Optional.of(new Neg<>(not, Ipv4Cidr.parse(cidr))),
                r.matches(), r.target());
    }

    private static XtRule match(XtRule r, XtMatch m) {
        List<XtMatch> ms = new ArrayList<>(r.matches());
        ms.add(m);
        return new XtRule(r.in(), r.out(), r.protocol(), r.source(), r.destination(), ms, r.target());
    }

    private static XtMatch.Ports ports(int proto, Neg<PortRange> sport, Neg<PortRange> dport) {
        return new XtMatch.Ports(proto, Optional.ofNullable(sport), Optional.ofNullable(dport));
    }

    private static Neg<PortRange> port(boolean not, int min, int max) {
        return new Neg<>(not, new PortRange(min, max));
    }

    private static XtTarget nat(boolean source, String min, String max, int minPort, int maxPort) {
        return new XtTarget.Nat(source, Ipv4Address.parse(min), Ipv4Address.parse(max), minPort, maxPort);
    }

    private static final XtTarget ACCEPT = XtTarget.Verdict.ACCEPT;
    private static final XtTarget DROP = XtTarget.Verdict.DROP;
    private static final int ESTABLISHED = XtMatch.Conntrack.ESTABLISHED;
    private static final int RELATED = XtMatch.Conntrack.RELATED;

    static Stream<Arguments> appended() {
        return Stream.of(
                Arguments.of("f-a-accept", F, "INPUT", r(x -> with(x, ACCEPT))),
                Arguments.of("f-a-s-host", F, "INPUT", r(x -> with(src(x, false, "10.0.0.1/32"), DROP))),
                Arguments.of("f-a-s-net24", F, "INPUT", r(x -> with(src(x, false, "10.0.0.0/24"), DROP))),
                Arguments.of("f-a-s-net20", F, "INPUT", r(x -> with(src(x, false, "10.0.0.0/20"), DROP))),
                Arguments.of("f-a-not-s", F, "INPUT", r(x -> with(src(x, true, "10.0.0.0/24"), DROP))),
                Arguments.of("f-a-d", F, "INPUT", r(x -> with(dst(x, false, "10.0.0.0/8"), ACCEPT))),
                Arguments.of("f-a-not-d", F, "INPUT", r(x -> with(dst(x, true, "192.168.1.1/32"), ACCEPT))),
                Arguments.of("f-a-i", F, "INPUT", r(x -> with(in(x, false, "eth0"), ACCEPT))),
                Arguments.of("f-a-not-i", F, "INPUT", r(x -> with(in(x, true, "eth0"), ACCEPT))),
                Arguments.of("f-a-i-plus", F, "INPUT", r(x -> with(in(x, false, "veth+"), ACCEPT))),
                Arguments.of("f-a-o", F, "FORWARD", r(x -> with(out(x, false, "br0"), ACCEPT))),
                Arguments.of("f-a-not-o", F, "FORWARD", r(x -> with(out(x, true, "br0"), ACCEPT))),
                Arguments.of("f-a-i-o", F, "FORWARD", r(x -> with(out(in(x, false, "br0"), false, "eth0"), ACCEPT))),
                Arguments.of("f-a-tcp", F, "INPUT", r(x -> with(proto(x, false, TCP), ACCEPT))),
                Arguments.of("f-a-udp", F, "INPUT", r(x -> with(proto(x, false, UDP), ACCEPT))),
                Arguments.of("f-a-icmp", F, "INPUT", r(x -> with(proto(x, false, ICMP), ACCEPT))),
                Arguments.of("f-a-not-tcp", F, "INPUT", r(x -> with(proto(x, true, TCP), ACCEPT))),
                Arguments.of("f-a-dport", F, "INPUT",
                        r(x -> with(match(proto(x, false, TCP), ports(TCP, null, port(false, 80, 80))), ACCEPT))),
                Arguments.of("f-a-sport", F, "INPUT",
                        r(x -> with(match(proto(x, false, TCP), ports(TCP, port(false, 1024, 1024), null)), ACCEPT))),
                Arguments.of("f-a-not-dport", F, "INPUT",
                        r(x -> with(match(proto(x, false, TCP), ports(TCP, null, port(true, 80, 80))), ACCEPT))),
                Arguments.of("f-a-dport-range", F, "INPUT",
                        r(x -> with(match(proto(x, false, TCP), ports(TCP, null, port(false, 1000, 2000))), ACCEPT))),
                Arguments.of("f-a-udp-dport", F, "INPUT",
                        r(x -> with(match(proto(x, false, UDP), ports(UDP, null, port(false, 53, 53))), ACCEPT))),
                Arguments.of("f-a-udp-sport-dport", F, "INPUT", r(x -> with(match(proto(x, false, UDP),
                        ports(UDP, port(false, 53, 53), port(false, 1053, 1053))), ACCEPT))),
                Arguments.of("f-a-icmp-type", F, "INPUT",
                        r(x -> with(match(proto(x, false, ICMP), new XtMatch.Icmp(8, 0, 0xff, false)), ACCEPT))),
                Arguments.of("f-a-icmp-type-num", F, "INPUT",
                        r(x -> with(match(proto(x, false, ICMP), new XtMatch.Icmp(3, 1, 1, false)), ACCEPT))),
                Arguments.of("f-a-icmp-any", F, "INPUT",
                        r(x -> with(match(proto(x, false, ICMP), new XtMatch.Icmp(0xff, 0, 0xff, false)), ACCEPT))),
                Arguments.of("f-a-not-icmp-type", F, "INPUT",
                        r(x -> with(match(proto(x, false, ICMP), new XtMatch.Icmp(0, 0, 0xff, true)), ACCEPT))),
                Arguments.of("f-a-ctstate", F, "FORWARD", r(x -> with(match(x,
                        new XtMatch.Conntrack(RELATED | ESTABLISHED, false, false)), ACCEPT))),
                Arguments.of("f-a-ctstate-new", F, "FORWARD", r(x -> with(match(x,
                        new XtMatch.Conntrack(XtMatch.Conntrack.NEW, false, false)), ACCEPT))),
                Arguments.of("f-a-not-ctstate", F, "FORWARD", r(x -> with(match(x,
                        new XtMatch.Conntrack(XtMatch.Conntrack.INVALID, true, false)), ACCEPT))),
                Arguments.of("f-a-ctstate-invalid", F, "FORWARD", r(x -> with(match(x,
                        new XtMatch.Conntrack(XtMatch.Conntrack.INVALID, false, false)), DROP))),
                Arguments.of("f-a-state", F, "INPUT", r(x -> with(match(x,
                        new XtMatch.Conntrack(RELATED | ESTABLISHED, false, true)), ACCEPT))),
                Arguments.of("f-a-addrtype", F, "INPUT", r(x -> with(match(x,
                        new XtMatch.AddrType(0, XtMatch.AddrType.LOCAL, false, false)), ACCEPT))),
                Arguments.of("f-a-not-addrtype", F, "INPUT", r(x -> with(match(x,
                        new XtMatch.AddrType(0, XtMatch.AddrType.LOCAL, false, true)), ACCEPT))),
                Arguments.of("f-a-comment", F, "INPUT", r(x -> with(match(x, new XtMatch.Comment("hello world")), ACCEPT))),
                Arguments.of("f-a-reject", F, "INPUT", r(x -> with(x, new XtTarget.Reject(3)))),
                Arguments.of("f-a-reject-port", F, "INPUT", r(x -> with(proto(x, false, ICMP), new XtTarget.Reject(3)))),
                Arguments.of("f-a-reject-tcp", F, "INPUT", r(x -> with(proto(x, false, TCP), new XtTarget.Reject(7)))),
                Arguments.of("f-a-reject-host", F, "INPUT", r(x -> with(x, new XtTarget.Reject(6)))),
                Arguments.of("f-a-reject-net", F, "INPUT", r(x -> with(x, new XtTarget.Reject(0)))),
                Arguments.of("f-a-reject-admin", F, "INPUT", r(x -> with(x, new XtTarget.Reject(8)))),
                Arguments.of("f-a-log", F, "INPUT", r(x -> with(x, new XtTarget.Log(4, 0, "")))),
                Arguments.of("f-a-log-prefix", F, "INPUT", r(x -> with(x, new XtTarget.Log(4, 0, "IN: ")))),
                Arguments.of("f-a-jump", F, "FORWARD", r(x -> with(out(x, false, "br0"), new XtTarget.Jump("DOCKER", false)))),
                Arguments.of("f-a-goto", F, "FORWARD", r(x -> with(x, new XtTarget.Jump("DOCKER", true)))),
                Arguments.of("f-a-return", F, "DOCKER", r(x -> with(x, XtTarget.Verdict.RETURN))),
                Arguments.of("f-a-user-drop", F, "DOCKER", r(x -> with(src(x, false, "10.0.0.0/24"), DROP))),
                Arguments.of("f-a-all", F, "FORWARD", r(x -> with(match(match(match(
                        dst(src(proto(out(in(x, false, "br0"), false, "br1"), false, TCP), false, "10.1.0.0/16"), false,
                                "10.2.0.0/16"),
                        ports(TCP, port(false, 1, 1), port(false, 2, 2))),
                        new XtMatch.Conntrack(XtMatch.Conntrack.NEW, false, false)), new XtMatch.Comment("c")), ACCEPT))),
                Arguments.of("n-a-dnat", N, "PREROUTING", r(x -> with(match(proto(x, false, TCP),
                        ports(TCP, null, port(false, 8080, 8080))), nat(false, "10.0.0.2", "10.0.0.2", 80, 80)))),
                Arguments.of("n-a-dnat-addr", N, "PREROUTING", r(x -> with(dst(x, false, "198.51.100.1/32"),
                        nat(false, "10.0.0.2", "10.0.0.2", 0, 0)))),
                Arguments.of("n-a-out-addrtype", N, "OUTPUT", r(x -> with(match(x,
                        new XtMatch.AddrType(0, XtMatch.AddrType.LOCAL, false, false)), new XtTarget.Jump("DOCKER", false)))),
                Arguments.of("n-a-pre-addrtype", N, "PREROUTING", r(x -> with(match(x,
                        new XtMatch.AddrType(0, XtMatch.AddrType.LOCAL, false, false)), new XtTarget.Jump("DOCKER", false)))),
                Arguments.of("n-a-out-not-lo", N, "OUTPUT", r(x -> with(match(dst(x, true, "127.0.0.0/8"),
                        new XtMatch.AddrType(0, XtMatch.AddrType.LOCAL, false, false)), new XtTarget.Jump("DOCKER", false)))),
                Arguments.of("n-a-docker-return", N, "DOCKER", r(x -> with(in(x, false, "br0"), XtTarget.Verdict.RETURN))),
                Arguments.of("n-a-docker-dnat", N, "DOCKER", r(x -> with(match(proto(in(x, true, "br0"), false, TCP),
                        ports(TCP, null, port(false, 8080, 8080))), nat(false, "10.0.0.2", "10.0.0.2", 80, 80)))),
                Arguments.of("n-a-masq-not-o", N, "POSTROUTING", r(x -> with(src(out(x, true, "br0"), false, "10.0.0.0/24"),
                        new XtTarget.Masquerade()))),
                Arguments.of("n-a-masq", N, "POSTROUTING", r(x -> with(src(out(x, false, "eth0"), false, "10.0.0.0/20"),
                        new XtTarget.Masquerade()))),
                Arguments.of("n-a-snat", N, "POSTROUTING", r(x -> with(out(x, false, "eth0"),
                        nat(true, "198.51.100.7", "198.51.100.7", 0, 0)))),
                Arguments.of("n-a-snat-ports", N, "POSTROUTING", r(x -> with(proto(out(x, false, "eth0"), false, UDP),
                        nat(true, "198.51.100.7", "198.51.100.7", 1000, 2000)))),
                Arguments.of("n-a-input", N, "INPUT", r(x -> with(x, ACCEPT))),
                Arguments.of("x-a1", F, "INPUT", r(x -> with(src(x, false, "10.0.0.1/32"), ACCEPT))),
                Arguments.of("x-a-b", F, "A", r(x -> with(x, new XtTarget.Jump("B", false)))));
    }

    /** The built-in chains as iptables-nft makes them on first use. */
    private static NftBatch ensure(NftBatch b, Dumps.Dump d, String table, String chain) {
        for (Message m : d.messages()) {
            if (NftMsgType.msgOf(m.type()) == NftMsgType.NEWTABLE) {
                b.addTable(table);
            } else if (NftMsgType.msgOf(m.type()) == NftMsgType.NEWCHAIN) {
                BuiltIn c = BuiltIn.of(table, chain);
                b.addBaseChain(table, chain, c.hook, c.priority, table);
            }
        }
        return b;
    }

    private record BuiltIn(int hook, int priority) {
        static BuiltIn of(String table, String chain) {
            int hook = List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING").indexOf(chain);
            int prio = table.equals("filter") ? 0 : (hook == 0 || hook == 3) ? -100 : 100;
            return new BuiltIn(hook, prio);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appended")
    void appendedAsIptablesNftAppends(String fixture, String table, String chain, XtRule rule) {
        Dumps.Dump d = Dumps.load("netfilter/" + fixture);
        NftBatch ours = ensure(new NftBatch(d.seq(), Family.NFPROTO_IPV4), d, table, chain).appendRule(table, chain, rule);
        assertSameBatch(d, ours);
        NftRule theirs = NftRule.parse(last(d));
        assertThat(XtRule.parse(theirs.expressions())).contains(rule);
    }

    @Test
    void insertedAndReplacedAsIptablesNftDoes() {
        XtRule drop = r(x -> with(x, DROP));
        assertSameBatch(Dumps.load("netfilter/f-i-top"),
                new NftBatch(1, Family.NFPROTO_IPV4).insertRule(F, "INPUT", Optional.empty(), drop));
        assertSameBatch(Dumps.load("netfilter/f-i-2"), new NftBatch(1, Family.NFPROTO_IPV4)
                .insertRule(F, "INPUT", Optional.of(2L), r(x -> with(src(x, false, "1.2.3.4/32"), DROP))));
        assertSameBatch(Dumps.load("netfilter/x-i-1"), new NftBatch(1, Family.NFPROTO_IPV4)
                .insertRule(F, "INPUT", Optional.empty(), r(x -> with(src(x, false, "10.0.0.0/32"), ACCEPT))));
        assertSameBatch(Dumps.load("netfilter/x-i-end"), new NftBatch(1, Family.NFPROTO_IPV4)
                .appendRule(F, "INPUT", r(x -> with(src(x, false, "10.0.0.3/32"), ACCEPT))));
        assertSameBatch(Dumps.load("netfilter/f-r-1"), new NftBatch(1, Family.NFPROTO_IPV4)
                .replaceRule(F, "INPUT", 0x34, r(x -> with(src(x, false, "4.3.2.1/32"), ACCEPT))));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"f-d-num", "f-d-spec", "x-d-counted"})
    void deletedAsTheDumpToldIt(String fixture) {
        Dumps.Dump d = Dumps.load("netfilter/" + fixture);
        NftRule dumped = NftRule.parse(last(d));
        assertThat(dumped.position()).isPresent();
        assertSameBatch(d, new NftBatch(1, Family.NFPROTO_IPV4).deleteRule(dumped));
    }

    @Test
    void chainsAsIptablesNftMakesThem() {
        assertSameBatch(Dumps.load("netfilter/f-n-docker"), new NftBatch(1, Family.NFPROTO_IPV4).addUserChain(F, "DOCKER"));
        assertSameBatch(Dumps.load("netfilter/x-n-fresh"),
                new NftBatch(1, Family.NFPROTO_IPV4).addTable(F).addUserChain(F, "X"));
        assertSameBatch(Dumps.load("netfilter/f-e-rename"),
                new NftBatch(1, Family.NFPROTO_IPV4).renameChain(F, 0x2e, "DOCKER-USER"));
        assertSameBatch(Dumps.load("netfilter/f-p-drop"), new NftBatch(1, Family.NFPROTO_IPV4)
                .setPolicy(F, "FORWARD", NftChain.NF_INET_FORWARD, 0, NftChain.NF_DROP, F));
        assertSameBatch(Dumps.load("netfilter/f-p-output"), new NftBatch(1, Family.NFPROTO_IPV4)
                .addBaseChain(F, "OUTPUT", NftChain.NF_INET_LOCAL_OUT, 0, F)
                .setPolicy(F, "OUTPUT", NftChain.NF_INET_LOCAL_OUT, 0, NftChain.NF_DROP, F));
        assertSameBatch(Dumps.load("netfilter/n-p"), new NftBatch(1, Family.NFPROTO_IPV4)
                .setPolicy(N, "PREROUTING", NftChain.NF_INET_PRE_ROUTING, -100, NftChain.NF_ACCEPT, N));
        assertSameBatch(Dumps.load("netfilter/f-f-chain"), new NftBatch(1, Family.NFPROTO_IPV4).flushChain(F, "DOCKER-USER"));
        assertSameBatch(Dumps.load("netfilter/f-f"), new NftBatch(1, Family.NFPROTO_IPV4).flushTable(F));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"f-x-one", "f-x-all", "n-x", "f-x-busy", "f-z", "x-z-counted"})
    void chainsEchoedAsTheDumpToldThem(String fixture) {
        Dumps.Dump d = Dumps.load("netfilter/" + fixture);
        NftBatch ours = new NftBatch(1, Family.NFPROTO_IPV4);
        for (Message m : d.messages()) {
            switch (NftMsgType.msgOf(m.type())) {
                case NftMsgType.DELCHAIN -> ours.deleteChain(NftChain.parse(m));
                case NftMsgType.NEWCHAIN -> ours.zeroChain(NftChain.parse(m));
                case NftMsgType.NEWRULE -> ours.zeroRule(NftRule.parse(m));
                default -> { }
            }
        }
        assertSameBatch(d, ours);
    }

    @Test
    void beginAndEndAsIptablesNftSendsThem() {
        Dumps.Dump d = Dumps.load("netfilter/f-a-s-host");
        Message theirBegin = d.messages().get(0);
        int genid = theirBegin.attributes(NfGenMsg.LENGTH).get(NfnlBatchAttr.GENID).orElseThrow().u32be();
        NftBatch ours = new NftBatch(d.seq(), Family.NFPROTO_IPV4, Optional.of(genid))
                .appendRule(F, "INPUT", r(x -> with(src(x, false, "10.0.0.1/32"), DROP)));
        List<Message> mine = Message.parseAll(ByteBuffer.wrap(ours.finish()).order(ByteOrder.nativeOrder()));
        assertThat(hex(raw(mine.get(0), false))).isEqualTo(hex(raw(theirBegin, false)));
        assertThat(hex(raw(mine.get(2), false))).isEqualTo(hex(raw(d.messages().get(2), false)));
        byte[] getgen = NftBatch.getGeneration(0);
        assertThat(getgen).hasSize(20);
        assertThat(Message.parseAll(ByteBuffer.wrap(getgen).order(ByteOrder.nativeOrder())).get(0).type())
                .isEqualTo(NftMsgType.of(NftMsgType.GETGEN));
    }

    @Test
    void aRuleNftMadeIsNotReadAsOneOfIptables() {
        List<NftExpr> exprs = List.of(new NftExpr.Meta(NftExpr.Meta.NFT_META_L4PROTO, 1),
                new NftExpr.Cmp(1, 0, new byte[] {6}), new NftExpr.Other("ct"), new NftExpr.Counter(0, 0),
                XtTarget.Verdict.ACCEPT.expressions().get(0));
        assertThat(XtRule.parse(exprs)).isEmpty();
        assertThat(XtRule.parse(List.of(new NftExpr.Counter(3, 1)))).contains(r(x -> x));
    }

    private static Message last(Dumps.Dump d) {
        List<Message> ms = d.messages();
        return ms.get(ms.size() - 2);
    }

    /** Message for message; the ack we ask for aside; the begin message's generation id aside. */
    private static void assertSameBatch(Dumps.Dump d, NftBatch ours) {
        List<Message> theirs = d.messages();
        List<Message> mine = Message.parseAll(ByteBuffer.wrap(ours.finish()).order(ByteOrder.nativeOrder()));
        assertThat(mine).as(d.name()).hasSameSizeAs(theirs);
        for (int i = 1; i < mine.size() - 1; i++) {
            assertThat(hex(raw(mine.get(i), true))).as("%s message %d", d.name(), i).isEqualTo(hex(raw(theirs.get(i), false)));
        }
        assertThat(mine.get(0).type()).isEqualTo(theirs.get(0).type());
        assertThat(mine.get(mine.size() - 1).type()).isEqualTo(theirs.get(theirs.size() - 1).type());
    }

    private static byte[] raw(Message m, boolean clearAck) {
        ByteBuffer b = m.payload().duplicate();
        byte[] body = new byte[b.remaining()];
        b.get(body);
        ByteBuffer h = ByteBuffer.allocate(16 + body.length).order(ByteOrder.nativeOrder());
        int flags = m.header().flags() & (clearAck ? ~NlmFlags.ACK : ~0);
        h.putInt(m.header().length()).putShort((short) m.type()).putShort((short) flags).putInt(m.header().seq())
                .putInt(m.header().pid()).put(body);
        return Arrays.copyOf(h.array(), h.capacity());
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
