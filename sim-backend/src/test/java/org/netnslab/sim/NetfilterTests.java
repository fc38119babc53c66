package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.PingAssert.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/** The simulator's netfilter: its hooks in their order, conntrack's states, NAT both ways, REJECT and counters. */
class NetfilterTests {

    private static Rule rule(Optional<String> in, Optional<String> out, Optional<Integer> protocol, List<Match> matches,
            Target target) {
        return new Rule(Optional.empty(), Optional.empty(), in.map(i -> new Rule.InterfaceMatch(i, false)),
                out.map(o -> new Rule.InterfaceMatch(o, false)),
                protocol.map(p -> new Rule.ProtocolMatch(p, false)), matches, Optional.of(target));
    }

    private static Rule dnat(String destination, String to) {
        return new Rule(Optional.empty(), Optional.of(new Rule.AddressMatch(Ipv4Cidr.parse(destination + "/32"), false)),
                Optional.empty(), Optional.empty(), Optional.of(new Rule.ProtocolMatch(1, false)), List.of(),
                Optional.of(new Target.Dnat(Target.NatRange.of(Ipv4Address.parse(to)))));
    }

    private static Chain chain(Lab lab, Table table, String name) throws Exception {
        return lab.backend.netfilter(HOST).table(table).orElseThrow().chain(name).orElseThrow();
    }

    @Test
    void forwardPolicyDropDropsWhatIsForwardedAndNamesThePolicy() throws Exception {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0");
        lab.step(() -> lab.backend.setPolicy(HOST, Table.FILTER, "FORWARD", Policy.DROP));
        assertThat(lab.ping("red", "198.51.100.8")).isLost()
                .droppedIn("host", "dropped by filter/FORWARD policy DROP [NETFILTER_DROP]");
        assertThat(chain(lab, Table.FILTER, "FORWARD").counters()).isEqualTo(new Counters(1, 84));
        assertThat(lab.ping("red", "192.168.1.1")).as("the host's own address is INPUT's, not FORWARD's")
                .reached("192.168.1.1");
    }

    @Test
    void repliesAreEstablishedAndPassWhatOnlyLetsNewOnesOut() throws Exception {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0");
        lab.step(() -> {
            lab.backend.setPolicy(HOST, Table.FILTER, "FORWARD", Policy.DROP);
            lab.backend.appendRule(HOST, Table.FILTER, "FORWARD", rule(Optional.of("veth-host"), Optional.of("eth0"),
                    Optional.empty(), List.of(), Target.Verdict.ACCEPT));
        });
        assertThat(lab.ping("red", "198.51.100.8")).isLost()
                .droppedIn("host", "dropped by filter/FORWARD policy DROP");
        lab.step(() -> lab.backend.appendRule(HOST, Table.FILTER, "FORWARD", rule(Optional.empty(),
                Optional.of("veth-host"), Optional.empty(), List.of(new Match.Conntrack(
                        EnumSet.of(Match.CtState.RELATED, Match.CtState.ESTABLISHED), false)), Target.Verdict.ACCEPT)));
        assertThat(lab.ping("red", "198.51.100.8", 2)).reached("198.51.100.8").withTtl(63);
        Chain forward = chain(lab, Table.FILTER, "FORWARD");
        assertThat(forward.rules()).extracting(Chain.RuleEntry::counters)
                .containsExactly(new Counters(3, 252), new Counters(2, 168));
        assertThat(forward.counters()).isEqualTo(new Counters(1, 84));
    }

    @Test
    void aNewConnectionFromOutsideIsNotEstablished() {
        Lab lab = Labs.redBehindTheHost();
        lab.step(() -> {
            lab.backend.setPolicy(HOST, Table.FILTER, "FORWARD", Policy.DROP);
            lab.backend.appendRule(HOST, Table.FILTER, "FORWARD", rule(Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(new Match.Conntrack(EnumSet.of(Match.CtState.ESTABLISHED), false)),
                    Target.Verdict.ACCEPT));
        });
        assertThat(lab.ping("red", "203.0.113.1")).isLost()
                .droppedIn("host", "dropped by filter/FORWARD policy DROP");
    }

    @Test
    void rejectAnswersTheSenderAndNamesTheRule() {
        Lab lab = Labs.redBehindTheHost();
        lab.step(() -> {
            lab.backend.appendRule(HOST, Table.FILTER, "INPUT", Rule.jump(Target.Verdict.ACCEPT));
            lab.backend.appendRule(HOST, Table.FILTER, "INPUT", rule(Optional.empty(), Optional.empty(), Optional.of(1),
                    List.of(), new Target.Reject(Target.RejectWith.ICMP_PORT_UNREACHABLE)));
            lab.backend.deleteRule(HOST, Table.FILTER, "INPUT", 1);
            lab.backend.insertRule(HOST, Table.FILTER, "INPUT", 1, rule(Optional.of("lo"), Optional.empty(),
                    Optional.empty(), List.of(), Target.Verdict.ACCEPT));
        });
        assertThat(lab.ping("red", "192.168.1.1")).failedWith("Destination Port Unreachable").from("192.168.1.1")
                .droppedIn("host", "rejected by filter/INPUT rule 2 -p icmp -j REJECT");
    }

    @Test
    void dnatSendsToTheServerAndTheReplyComesBackFromTheAddressPinged() {
        Lab lab = Labs.redBehindTheHost();
        lab.step(() -> lab.backend.appendRule(HOST, Table.NAT, "OUTPUT", dnat("203.0.113.2", "192.168.1.2")));
        assertThat(lab.ping(HOST, "203.0.113.2")).reached("203.0.113.2").withTtl(64)
                .passedThrough("host", "DNAT: destination 203.0.113.2 -> 192.168.1.2")
                .passedThrough("red", "echo reply 192.168.1.2 > 203.0.113.2")
                .passedThrough("host", "reply to a DNAT'd connection: source 192.168.1.2 -> 203.0.113.2");
    }

    @Test
    void masqueradeAfterDnatMakesTheServerSeeTheHost() {
        Lab lab = Labs.redBehindTheHost();
        lab.step(() -> {
            lab.backend.appendRule(HOST, Table.NAT, "OUTPUT", dnat("203.0.113.2", "192.168.1.2"));
            lab.backend.appendRule(HOST, Table.NAT, "POSTROUTING", new Rule(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(new Rule.InterfaceMatch("veth-host", false)), Optional.empty(),
                    List.of(), Optional.of(Target.Masquerade.PLAIN)));
        });
        assertThat(lab.ping(HOST, "203.0.113.2")).reached("203.0.113.2")
                .passedThrough("host", "masqueraded 203.0.113.2 -> 192.168.1.1");
    }

    @Test
    void hooksRunInPriorityOrderNatBeforeFilterOnTheWayOut() throws Exception {
        // OUTPUT: nat (-100) DNATs first, so the filter (0) sees the new destination
        Lab lab = Labs.redBehindTheHost();
        lab.step(() -> {
            lab.backend.appendRule(HOST, Table.NAT, "OUTPUT", dnat("203.0.113.2", "192.168.1.2"));
            lab.backend.appendRule(HOST, Table.FILTER, "OUTPUT", new Rule(Optional.empty(), Optional.of(
                    new Rule.AddressMatch(Ipv4Cidr.parse("192.168.1.2/32"), false)), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.of(Target.Verdict.DROP)));
        });
        assertThat(lab.ping(HOST, "203.0.113.2")).isLost()
                .droppedIn("host", "dropped by filter/OUTPUT rule 1 -d 192.168.1.2/32 -j DROP");
        assertThat(chain(lab, Table.NAT, "OUTPUT").rules().get(0).counters()).isEqualTo(new Counters(1, 84));
    }

    @Test
    void bridgedTrafficMeetsForwardAsBrNetfilterHasIt() {
        Lab lab = Labs.onOneBridge(2);
        lab.step(() -> lab.backend.setPolicy(HOST, Table.FILTER, "FORWARD", Policy.DROP));
        assertThat(lab.ping("n0", Labs.address(1))).isLost()
                .droppedIn("host", "dropped by filter/FORWARD policy DROP");
        lab.step(() -> lab.backend.appendRule(HOST, Table.FILTER, "FORWARD", rule(Optional.of("br0"),
                Optional.of("br0"), Optional.empty(), List.of(), Target.Verdict.ACCEPT)));
        assertThat(lab.ping("n0", Labs.address(1))).reached(Labs.address(1));
    }

    @Test
    void theKernelRefusesWhatItRefuses() {
        Lab lab = Labs.redBehindTheHost();
        assertThat(Lab.refused(() -> lab.backend.appendRule(HOST, Table.NAT, "PREROUTING",
                Rule.jump(Target.Masquerade.PLAIN))).errno()).isEqualTo(Errno.EINVAL);
        assertThat(Lab.refused(() -> lab.backend.appendRule(HOST, Table.FILTER, "INPUT",
                Rule.jump(new Target.Reject(Target.RejectWith.TCP_RESET)))).errno()).isEqualTo(Errno.EINVAL);
        lab.step(() -> {
            lab.backend.newChain(HOST, Table.FILTER, "X");
            lab.backend.appendRule(HOST, Table.FILTER, "FORWARD", Rule.jump(new Target.Jump("X")));
        });
        assertThat(Lab.refused(() -> lab.backend.deleteChain(HOST, Table.FILTER, Optional.of("X"))).errno())
                .isEqualTo(Errno.EBUSY);
        assertThat(Lab.refused(() -> lab.backend.newChain(HOST, Table.FILTER, "X")).errno()).isEqualTo(Errno.EEXIST);
    }
}
