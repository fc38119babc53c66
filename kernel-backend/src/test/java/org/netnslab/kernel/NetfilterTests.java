package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.kernel.netlink.Dumps;
import org.netnslab.kernel.netlink.NftExpr;
import org.netnslab.kernel.netlink.NftRule;
import org.netnslab.kernel.netlink.XtRule;

/** The port's rules as iptables-nft lays them out, and back: every match and target of the model. */
class NetfilterTests {

    private static final Optional<Rule.AddressMatch> NONE = Optional.empty();

    private static Rule rule(Optional<Rule.AddressMatch> src, Optional<Rule.AddressMatch> dst, String in, String out,
            Rule.ProtocolMatch proto, List<Match> matches, Target target) {
        return new Rule(src, dst, Optional.ofNullable(in).map(i -> new Rule.InterfaceMatch(i, i.startsWith("x"))),
                Optional.ofNullable(out).map(o -> new Rule.InterfaceMatch(o, false)), Optional.ofNullable(proto),
                matches, Optional.ofNullable(target));
    }

    private static Optional<Rule.AddressMatch> net(String cidr, boolean not) {
        return Optional.of(new Rule.AddressMatch(Ipv4Cidr.parse(cidr), not));
    }

    private static Target.NatRange range(String a, String b, int p, int q) {
        return new Target.NatRange(Ipv4Address.parse(a), Ipv4Address.parse(b),
                p == 0 ? Optional.empty() : Optional.of(new Match.PortRange(p, q, false)));
    }

    private static final Rule.ProtocolMatch TCP = new Rule.ProtocolMatch(Rule.ProtocolMatch.TCP, false);
    private static final Rule.ProtocolMatch UDP = new Rule.ProtocolMatch(Rule.ProtocolMatch.UDP, false);
    private static final Rule.ProtocolMatch ICMP = new Rule.ProtocolMatch(Rule.ProtocolMatch.ICMP, false);

    static Stream<Rule> rules() {
        Stream<Rule> targets = Stream.of(Target.Verdict.values()).map(v -> rule(NONE, NONE, null, null, null, List.of(), v));
        Stream<Rule> rejects = Stream.of(Target.RejectWith.values())
                .map(w -> rule(NONE, NONE, null, null, null, List.of(), new Target.Reject(w)));
        Stream<Rule> states = Stream.of(Match.CtState.values()).flatMap(s -> Stream.of(
                rule(NONE, NONE, null, null, null, List.of(new Match.Conntrack(Set.of(s), false)), null),
                rule(NONE, NONE, null, null, null, List.of(new Match.State(Set.of(s), true)), Target.Verdict.DROP)));
        Stream<Rule> types = Stream.of(Match.AddrType.values()).map(t -> rule(NONE, NONE, null, null, null,
                List.of(new Match.Addrtype(Optional.of(new Match.AddrTypes(Set.of(t), true)),
                        Optional.of(new Match.AddrTypes(java.util.EnumSet.of(Match.AddrType.LOCAL, t), false)))), null));
        Stream<Rule> others = Stream.of(
                rule(net("10.0.0.0/8", false), net("10.1.2.0/23", true), "eth0", "br+", TCP,
                        List.of(new Match.Ports(6, Optional.of(new Match.PortRange(1, 1023, true)),
                                Optional.of(new Match.PortRange(80, 80, false)))), Target.Verdict.ACCEPT),
                rule(NONE, NONE, "xveth+", null, UDP, List.of(new Match.Ports(17, Optional.of(Match.PortRange.of(53)),
                        Optional.of(Match.PortRange.of(1053)))), null),
                rule(NONE, NONE, null, null, UDP, List.of(new Match.Ports(17, Optional.of(new Match.PortRange(5, 5, true)),
                        Optional.of(new Match.PortRange(6, 6, true)))), null),
                rule(NONE, NONE, null, null, UDP, List.of(new Match.Ports(17, Optional.of(new Match.PortRange(5, 5, true)),
                        Optional.of(new Match.PortRange(6, 6, false)))), null),
                rule(NONE, NONE, null, null, new Rule.ProtocolMatch(6, true), List.of(), Target.Verdict.DROP),
                rule(NONE, NONE, null, null, ICMP, List.of(new Match.Icmp(255, 0, 255, false)), null),
                rule(NONE, NONE, null, null, ICMP, List.of(new Match.Icmp(3, 1, 1, true)), null),
                rule(NONE, NONE, null, null, null, List.of(new Match.Comment("Docker's rule, with spaces"),
                        new Match.Conntrack(Set.of(Match.CtState.RELATED, Match.CtState.ESTABLISHED), false)),
                        new Target.Jump("DOCKER-ISOLATION-STAGE-1")),
                rule(NONE, NONE, null, null, null, List.of(), new Target.Log(Optional.empty(), 4)),
                rule(NONE, NONE, null, null, null, List.of(), new Target.Log(Optional.of("[fw] "), 7)),
                rule(net("172.17.0.0/16", false), NONE, null, "eth0", null, List.of(), Target.Masquerade.PLAIN),
                rule(NONE, NONE, null, null, TCP, List.of(), new Target.Masquerade(Optional.of(new Match.PortRange(
                        1024, 65535, false)))),
                rule(NONE, NONE, null, "eth0", null, List.of(), new Target.Snat(range("203.0.113.2", "203.0.113.9", 0, 0))),
                rule(NONE, NONE, null, "eth0", UDP, List.of(), new Target.Snat(range("203.0.113.2", "203.0.113.2", 1000,
                        2000))),
                rule(NONE, net("198.51.100.1/32", false), null, null, null, List.of(),
                        new Target.Dnat(range("10.0.0.2", "10.0.0.2", 0, 0))),
                rule(NONE, NONE, "xbr0", null, TCP, List.of(new Match.Ports(6, Optional.empty(),
                        Optional.of(Match.PortRange.of(8080)))), new Target.Dnat(range("10.0.0.2", "10.0.0.3", 80, 81))));
        return Stream.of(targets, rejects, states, types, others).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleReadsBackAsItWasWritten(Rule r) {
        XtRule xt = Netfilter.xt(r);
        assertThat(XtRule.parse(xt.expressions())).contains(xt);
        assertThat(Netfilter.rule(xt)).contains(r);
    }

    @Test
    void theDockerRuleIptablesWroteIsTheModelsRule() {
        List<NftExpr> theirs = NftRule.parse(Dumps.load("netfilter/n-a-docker-dnat").messages().get(1)).expressions();
        Rule docker = new Rule(NONE, NONE, Optional.of(new Rule.InterfaceMatch("br0", true)), Optional.empty(),
                Optional.of(TCP), List.of(new Match.Ports(6, Optional.empty(), Optional.of(Match.PortRange.of(8080)))),
                Optional.of(new Target.Dnat(range("10.0.0.2", "10.0.0.2", 80, 80))));
        assertThat(Netfilter.xt(docker).expressions()).isEqualTo(theirs);
        assertThat(XtRule.parse(theirs).flatMap(Netfilter::rule)).contains(docker);
    }

    @Test
    void everywhereIsNoMatchAtAll() {
        Rule any = rule(net("0.0.0.0/0", false), net("0.0.0.0/0", false), null, null, null, List.of(),
                Target.Verdict.ACCEPT);
        assertThat(Netfilter.xt(any).expressions()).hasSize(2);
        assertThat(Netfilter.rule(Netfilter.xt(any))).contains(Rule.jump(Target.Verdict.ACCEPT));
    }
}
