package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * The netfilter operations on the real kernel: rules written through the backend read back as written, the
 * kernel's refusals as their errno, and the same commands given to the real iptables-nft in a namespace
 * beside it leave the same ruleset, as {@code nft --debug=netlink list ruleset} shows it, handles and all.
 */
class NetfilterIT {

    private static final Table F = Table.FILTER;
    private static final Table N = Table.NAT;
    private KernelBackend lab;

    @BeforeEach
    void freshLab() throws KernelException {
        lab = KernelLabs.freshLab();
        lab.addNamespace("ours");
        lab.addNamespace("theirs");
    }

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    private static Rule rule(UnaryRule... parts) {
        Rule r = new Rule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty());
        for (UnaryRule p : parts) {
            r = p.apply(r);
        }
        return r;
    }

    private interface UnaryRule {
        Rule apply(Rule r);
    }

    private static UnaryRule src(boolean not, String cidr) {
        return r -> new Rule(Optional.of(new Rule.AddressMatch(Ipv4Cidr.parse(cidr), not)), r.destination(),
                r.inInterface(), r.outInterface(), r.protocol(), r.matches(), r.target());
    }

    private static UnaryRule dst(boolean not, String cidr) {
        return r -> new Rule(r.source(), Optional.of(new Rule.AddressMatch(Ipv4Cidr.parse(cidr), not)),
                r.inInterface(), r.outInterface(), r.protocol(), r.matches(), r.target());
    }

    private static UnaryRule in(boolean not, String dev) {
        return r -> new Rule(r.source(), r.destination(), Optional.of(new Rule.InterfaceMatch(dev, not)),
                r.outInterface(), r.protocol(), r.matches(), r.target());
    }

    private static UnaryRule out(boolean not, String dev) {
        return r -> new Rule(r.source(), r.destination(), r.inInterface(),
                Optional.of(new Rule.InterfaceMatch(dev, not)), r.protocol(), r.matches(), r.target());
    }

    private static UnaryRule proto(boolean not, int p) {
        return r -> new Rule(r.source(), r.destination(), r.inInterface(), r.outInterface(),
                Optional.of(new Rule.ProtocolMatch(p, not)), r.matches(), r.target());
    }

    private static UnaryRule m(Match m) {
        return r -> {
            List<Match> ms = new ArrayList<>(r.matches());
            ms.add(m);
            return new Rule(r.source(), r.destination(), r.inInterface(), r.outInterface(), r.protocol(), ms,
                    r.target());
        };
    }

    private static UnaryRule j(Target t) {
        return r -> new Rule(r.source(), r.destination(), r.inInterface(), r.outInterface(), r.protocol(),
                r.matches(), Optional.of(t));
    }

    private static Match dport(int proto, int first, int last, boolean not) {
        return new Match.Ports(proto, Optional.empty(), Optional.of(new Match.PortRange(first, last, not)));
    }

    private static Target.NatRange to(String addr, int port) {
        Ipv4Address a = Ipv4Address.parse(addr);
        return new Target.NatRange(a, a, port == 0 ? Optional.empty() : Optional.of(Match.PortRange.of(port)));
    }

    private static final Match LOCAL = new Match.Addrtype(Optional.empty(),
            Optional.of(new Match.AddrTypes(Set.of(Match.AddrType.LOCAL), false)));

    /** One command: the real iptables' words, and what the backend is asked. */
    private record Step(String iptables, Op op) {}

    private interface Op {
        void run(KernelBackend b, String ns) throws KernelException;
    }

    private static final int TCP = Rule.ProtocolMatch.TCP;
    private static final int UDP = Rule.ProtocolMatch.UDP;
    private static final int ICMP = Rule.ProtocolMatch.ICMP;

    /** Docker's rules and the lessons' firewall, in the order a learner types them. */
    private static List<Step> steps() {
        return List.of(
                new Step("-N DOCKER", (b, ns) -> b.newChain(ns, F, "DOCKER")),
                new Step("-N DOCKER-USER", (b, ns) -> b.newChain(ns, F, "DOCKER-USER")),
                new Step("-P FORWARD DROP", (b, ns) -> b.setPolicy(ns, F, "FORWARD", Policy.DROP)),
                new Step("-A FORWARD -j DOCKER-USER", (b, ns) -> b.appendRule(ns, F, "FORWARD",
                        rule(j(new Target.Jump("DOCKER-USER"))))),
                new Step("-A FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
                        (b, ns) -> b.appendRule(ns, F, "FORWARD", rule(out(false, "br0"),
                                m(new Match.Conntrack(Set.of(Match.CtState.RELATED, Match.CtState.ESTABLISHED), false)),
                                j(Target.Verdict.ACCEPT)))),
                new Step("-A FORWARD -o br0 -j DOCKER", (b, ns) -> b.appendRule(ns, F, "FORWARD",
                        rule(out(false, "br0"), j(new Target.Jump("DOCKER"))))),
                new Step("-A FORWARD -i br0 ! -o br0 -j ACCEPT", (b, ns) -> b.appendRule(ns, F, "FORWARD",
                        rule(in(false, "br0"), out(true, "br0"), j(Target.Verdict.ACCEPT)))),
                new Step("-A DOCKER-USER -j RETURN", (b, ns) -> b.appendRule(ns, F, "DOCKER-USER",
                        rule(j(Target.Verdict.RETURN)))),
                new Step("-A DOCKER -d 172.17.0.2/32 ! -i br0 -o br0 -p tcp -m tcp --dport 80 -j ACCEPT",
                        (b, ns) -> b.appendRule(ns, F, "DOCKER", rule(dst(false, "172.17.0.2/32"), in(true, "br0"),
                                out(false, "br0"), proto(false, TCP), m(dport(TCP, 80, 80, false)),
                                j(Target.Verdict.ACCEPT)))),
                new Step("-I INPUT -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-host-prohibited",
                        (b, ns) -> b.insertRule(ns, F, "INPUT", 1, rule(proto(false, ICMP),
                                m(new Match.Icmp(8, 0, 255, false)),
                                j(new Target.Reject(Target.RejectWith.ICMP_HOST_PROHIBITED))))),
                new Step("-I INPUT 1 -s 10.0.0.0/8 -m comment --comment lab -j LOG --log-prefix \"IN: \"",
                        (b, ns) -> b.insertRule(ns, F, "INPUT", 1, rule(src(false, "10.0.0.0/8"),
                                m(new Match.Comment("lab")), j(new Target.Log(Optional.of("IN: "), 4))))),
                new Step("-I INPUT 2 -p udp ! --sport 53 -m state --state NEW -j DROP",
                        (b, ns) -> b.insertRule(ns, F, "INPUT", 2, rule(proto(false, UDP),
                                m(new Match.Ports(UDP, Optional.of(new Match.PortRange(53, 53, true)), Optional.empty())),
                                m(new Match.State(Set.of(Match.CtState.NEW), false)), j(Target.Verdict.DROP)))),
                new Step("-A INPUT -p tcp --dport 1000:2000 -j REJECT --reject-with tcp-reset",
                        (b, ns) -> b.appendRule(ns, F, "INPUT", rule(proto(false, TCP), m(dport(TCP, 1000, 2000, false)),
                                j(new Target.Reject(Target.RejectWith.TCP_RESET))))),
                new Step("-R INPUT 3 ! -s 192.168.0.0/20 -j ACCEPT", (b, ns) -> b.replaceRule(ns, F, "INPUT", 3,
                        rule(src(true, "192.168.0.0/20"), j(Target.Verdict.ACCEPT)))),
                new Step("-A OUTPUT -m addrtype ! --dst-type LOCAL -j ACCEPT", (b, ns) -> b.appendRule(ns, F, "OUTPUT",
                        rule(m(new Match.Addrtype(Optional.empty(),
                                Optional.of(new Match.AddrTypes(Set.of(Match.AddrType.LOCAL), true)))),
                                j(Target.Verdict.ACCEPT)))),
                new Step("-D INPUT 2", (b, ns) -> b.deleteRule(ns, F, "INPUT", 2)),
                new Step("-E DOCKER-USER USER", (b, ns) -> b.renameChain(ns, F, "DOCKER-USER", "USER")),
                new Step("-Z", (b, ns) -> b.zeroCounters(ns, F, Optional.empty(), Optional.empty())),
                new Step("-t nat -N DOCKER", (b, ns) -> b.newChain(ns, N, "DOCKER")),
                new Step("-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER", (b, ns) -> b.appendRule(ns, N,
                        "PREROUTING", rule(m(LOCAL), j(new Target.Jump("DOCKER"))))),
                new Step("-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER",
                        (b, ns) -> b.appendRule(ns, N, "OUTPUT", rule(dst(true, "127.0.0.0/8"), m(LOCAL),
                                j(new Target.Jump("DOCKER"))))),
                new Step("-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o br0 -j MASQUERADE",
                        (b, ns) -> b.appendRule(ns, N, "POSTROUTING", rule(src(false, "172.17.0.0/16"), out(true, "br0"),
                                j(Target.Masquerade.PLAIN)))),
                new Step("-t nat -A DOCKER -i br0 -j RETURN", (b, ns) -> b.appendRule(ns, N, "DOCKER",
                        rule(in(false, "br0"), j(Target.Verdict.RETURN)))),
                new Step("-t nat -A DOCKER ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80",
                        (b, ns) -> b.appendRule(ns, N, "DOCKER", rule(in(true, "br0"), proto(false, TCP),
                                m(dport(TCP, 8080, 8080, false)), j(new Target.Dnat(to("172.17.0.2", 80)))))),
                new Step("-t nat -A POSTROUTING -o eth0 -p udp -j SNAT --to-source 203.0.113.2",
                        (b, ns) -> b.appendRule(ns, N, "POSTROUTING", rule(out(false, "eth0"), proto(false, UDP),
                                j(new Target.Snat(to("203.0.113.2", 0)))))),
                new Step("-t nat -A INPUT -j ACCEPT", (b, ns) -> b.appendRule(ns, N, "INPUT",
                        rule(j(Target.Verdict.ACCEPT)))),
                new Step("-t nat -F INPUT", (b, ns) -> b.flushChain(ns, N, Optional.of("INPUT"))),
                new Step("-N GONE", (b, ns) -> b.newChain(ns, F, "GONE")),
                new Step("-X GONE", (b, ns) -> b.deleteChain(ns, F, Optional.of("GONE"))),
                new Step("-F USER", (b, ns) -> b.flushChain(ns, F, Optional.of("USER"))),
                new Step("-D FORWARD 1", (b, ns) -> b.deleteRule(ns, F, "FORWARD", 1)),
                new Step("-X USER", (b, ns) -> b.deleteChain(ns, F, Optional.of("USER"))));
    }

    @Test
    void theRealIptablesAndTheBackendLeaveTheSameRuleset() throws Exception {
        assumeTrue(installed("nsenter") && installed("iptables") && installed("nft"), "nsenter, iptables, nft");
        for (Step s : steps()) {
            List<String> argv = new ArrayList<>(List.of("iptables"));
            argv.addAll(shellWords(s.iptables()));
            Result real = realTool("theirs", argv.toArray(String[]::new));
            assertThat(real.status()).as("iptables %s: %s", s.iptables(), real.out()).isZero();
            s.op().run(lab, "ours");
            assertThat(realTool("ours", "nft", "-a", "--debug=netlink", "list", "ruleset").out())
                    .as("after iptables %s", s.iptables())
                    .isEqualTo(realTool("theirs", "nft", "-a", "--debug=netlink", "list", "ruleset").out());
        }
        assertThat(lab.netfilter("ours")).isEqualTo(lab.netfilter("theirs"));
        assertThat(save("ours")).isEqualTo(save("theirs")).contains(":FORWARD DROP [0:0]",
                "-A DOCKER ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80");
    }

    private static Target.NatRange span(String a, String b, int p, int q) {
        return new Target.NatRange(Ipv4Address.parse(a), Ipv4Address.parse(b),
                p == 0 ? Optional.empty() : Optional.of(new Match.PortRange(p, q, false)));
    }

    /** What the captures did not hold: ranges, levels, other types and states, and negations side by side. */
    private static List<Step> moreSteps() {
        return List.of(
                new Step("-A INPUT -p tcp --sport 1:1023 --dport 80 -j ACCEPT", (b, ns) -> b.appendRule(ns, F, "INPUT",
                        rule(proto(false, TCP), m(new Match.Ports(TCP, Optional.of(new Match.PortRange(1, 1023, false)),
                                Optional.of(Match.PortRange.of(80)))), j(Target.Verdict.ACCEPT)))),
                new Step("-A INPUT -p udp ! --sport 5 ! --dport 6", (b, ns) -> b.appendRule(ns, F, "INPUT",
                        rule(proto(false, UDP), m(new Match.Ports(UDP, Optional.of(new Match.PortRange(5, 5, true)),
                                Optional.of(new Match.PortRange(6, 6, true))))))),
                new Step("-A INPUT -p udp ! --sport 5 --dport 6", (b, ns) -> b.appendRule(ns, F, "INPUT",
                        rule(proto(false, UDP), m(new Match.Ports(UDP, Optional.of(new Match.PortRange(5, 5, true)),
                                Optional.of(Match.PortRange.of(6))))))),
                new Step("-A INPUT -p icmp ! --icmp-type 3/1 -j DROP", (b, ns) -> b.appendRule(ns, F, "INPUT",
                        rule(proto(false, ICMP), m(new Match.Icmp(3, 1, 1, true)), j(Target.Verdict.DROP)))),
                new Step("-A INPUT -m conntrack --ctstate UNTRACKED,SNAT,DNAT -j ACCEPT", (b, ns) -> b.appendRule(ns, F,
                        "INPUT", rule(m(new Match.Conntrack(Set.of(Match.CtState.UNTRACKED, Match.CtState.SNAT,
                                Match.CtState.DNAT), false)), j(Target.Verdict.ACCEPT)))),
                new Step("-A INPUT -m state ! --state INVALID,UNTRACKED -j ACCEPT", (b, ns) -> b.appendRule(ns, F,
                        "INPUT", rule(m(new Match.State(Set.of(Match.CtState.INVALID, Match.CtState.UNTRACKED), true)),
                                j(Target.Verdict.ACCEPT)))),
                new Step("-A INPUT -m addrtype --src-type LOCAL,BROADCAST ! --dst-type UNICAST -j LOG --log-level 7 "
                        + "--log-prefix \"[fw] \"", (b, ns) -> b.appendRule(ns, F, "INPUT", rule(m(new Match.Addrtype(
                                Optional.of(new Match.AddrTypes(Set.of(Match.AddrType.LOCAL, Match.AddrType.BROADCAST),
                                        false)),
                                Optional.of(new Match.AddrTypes(Set.of(Match.AddrType.UNICAST), true)))),
                                j(new Target.Log(Optional.of("[fw] "), 7))))),
                new Step("-A OUTPUT -j REJECT --reject-with icmp-proto-unreachable", (b, ns) -> b.appendRule(ns, F,
                        "OUTPUT", rule(j(new Target.Reject(Target.RejectWith.ICMP_PROTO_UNREACHABLE))))),
                new Step("-I OUTPUT -j REJECT --reject-with icmp-net-prohibited", (b, ns) -> b.insertRule(ns, F,
                        "OUTPUT", 1, rule(j(new Target.Reject(Target.RejectWith.ICMP_NET_PROHIBITED))))),
                new Step("-I OUTPUT 3 -j REJECT --reject-with icmp-host-unreachable", (b, ns) -> b.insertRule(ns, F,
                        "OUTPUT", 3, rule(j(new Target.Reject(Target.RejectWith.ICMP_HOST_UNREACHABLE))))),
                new Step("-t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-65535", (b, ns) -> b.appendRule(ns,
                        N, "POSTROUTING", rule(proto(false, TCP), j(new Target.Masquerade(Optional.of(
                                new Match.PortRange(1024, 65535, false))))))),
                new Step("-t nat -A POSTROUTING -o eth+ -j SNAT --to-source 203.0.113.2-203.0.113.9",
                        (b, ns) -> b.appendRule(ns, N, "POSTROUTING", rule(out(false, "eth+"),
                                j(new Target.Snat(span("203.0.113.2", "203.0.113.9", 0, 0)))))),
                new Step("-t nat -A OUTPUT -p tcp -j DNAT --to-destination 10.0.0.2-10.0.0.3:80-81",
                        (b, ns) -> b.appendRule(ns, N, "OUTPUT", rule(proto(false, TCP),
                                j(new Target.Dnat(span("10.0.0.2", "10.0.0.3", 80, 81)))))),
                new Step("-t nat -A PREROUTING -s 10.9.0.0/16 -j RETURN", (b, ns) -> b.appendRule(ns, N, "PREROUTING",
                        rule(src(false, "10.9.0.0/16"), j(Target.Verdict.RETURN)))),
                new Step("-t nat -Z PREROUTING", (b, ns) -> b.zeroCounters(ns, N, Optional.of("PREROUTING"),
                        Optional.empty())),
                new Step("-t nat -P PREROUTING ACCEPT", (b, ns) -> b.setPolicy(ns, N, "PREROUTING", Policy.ACCEPT)),
                new Step("-t nat -F", (b, ns) -> b.flushChain(ns, N, Optional.empty())),
                new Step("-t nat -X", (b, ns) -> b.deleteChain(ns, N, Optional.empty())),
                new Step("-Z OUTPUT 2", (b, ns) -> b.zeroCounters(ns, F, Optional.of("OUTPUT"), Optional.of(2))));
    }

    @Test
    void moreOfWhatIptablesWritesIsWrittenTheSame() throws Exception {
        assumeTrue(installed("nsenter") && installed("iptables") && installed("nft"), "nsenter, iptables, nft");
        for (Step s : moreSteps()) {
            List<String> argv = new ArrayList<>(List.of("iptables"));
            argv.addAll(shellWords(s.iptables()));
            Result real = realTool("theirs", argv.toArray(String[]::new));
            assertThat(real.status()).as("iptables %s: %s", s.iptables(), real.out()).isZero();
            s.op().run(lab, "ours");
            assertThat(realTool("ours", "nft", "-a", "--debug=netlink", "list", "ruleset").out())
                    .as("after iptables %s", s.iptables())
                    .isEqualTo(realTool("theirs", "nft", "-a", "--debug=netlink", "list", "ruleset").out());
            assertThat(save("ours")).as("after iptables %s", s.iptables()).isEqualTo(save("theirs"));
            // what this backend reads back it would write byte for byte, so the same model means the same bytes
            assertThat(lab.netfilter("ours")).as("after iptables %s", s.iptables()).isEqualTo(lab.netfilter("theirs"));
        }
        assertThat(lab.netfilter("theirs").table(F).orElseThrow().chain("INPUT").orElseThrow().rules()).hasSize(7);
    }

    @Test
    void rulesReadBackAsTheyWereWritten() throws KernelException {
        List<Step> steps = steps();
        for (Step s : steps.subList(0, 16)) {
            s.op().run(lab, "ours");
        }
        NfTable filter = lab.netfilter("ours").table(F).orElseThrow();
        assertThat(filter.chains()).extracting(Chain::name)
                .containsExactly("DOCKER", "DOCKER-USER", "FORWARD", "INPUT", "OUTPUT");
        Chain forward = filter.chain("FORWARD").orElseThrow();
        assertThat(forward.policy()).contains(Policy.DROP);
        assertThat(forward.base().orElseThrow().hook()).isEqualTo(Table.Hook.FORWARD);
        assertThat(forward.rules()).extracting(Chain.RuleEntry::rule).containsExactly(
                rule(j(new Target.Jump("DOCKER-USER"))),
                rule(out(false, "br0"), m(new Match.Conntrack(Set.of(Match.CtState.RELATED, Match.CtState.ESTABLISHED),
                        false)), j(Target.Verdict.ACCEPT)),
                rule(out(false, "br0"), j(new Target.Jump("DOCKER"))),
                rule(in(false, "br0"), out(true, "br0"), j(Target.Verdict.ACCEPT)));
        Chain input = filter.chain("INPUT").orElseThrow();
        assertThat(input.rules()).extracting(Chain.RuleEntry::rule).containsExactly(
                rule(src(false, "10.0.0.0/8"), m(new Match.Comment("lab")), j(new Target.Log(Optional.of("IN: "), 4))),
                rule(src(true, "192.168.0.0/20"), j(Target.Verdict.ACCEPT)),
                rule(proto(false, TCP), m(dport(TCP, 1000, 2000, false)), j(new Target.Reject(Target.RejectWith.TCP_RESET))));
        for (Step s : steps.subList(16, 26)) {
            s.op().run(lab, "ours");
        }
        NfTable nat = lab.netfilter("ours").table(N).orElseThrow();
        assertThat(nat.chains()).extracting(Chain::name).containsExactly("DOCKER", "PREROUTING", "OUTPUT", "POSTROUTING",
                "INPUT");
        assertThat(nat.chain("PREROUTING").orElseThrow().base().orElseThrow().priority()).isEqualTo(-100);
        assertThat(nat.chain("DOCKER").orElseThrow().rules()).extracting(Chain.RuleEntry::rule).containsExactly(
                rule(in(false, "br0"), j(Target.Verdict.RETURN)),
                rule(in(true, "br0"), proto(false, TCP), m(dport(TCP, 8080, 8080, false)),
                        j(new Target.Dnat(to("172.17.0.2", 80)))));
        assertThat(lab.netfilter("ours").tables()).extracting(NfTable::table).containsExactly(F, N);
    }

    @Test
    void countersCountWhatPassedAndZeroAgain() throws Exception {
        lab.setLinkUp("ours", "lo", true);
        lab.appendRule("ours", F, "OUTPUT", rule(dst(false, "127.0.0.1/32"), proto(false, ICMP), j(Target.Verdict.ACCEPT)));
        lab.setPolicy("ours", F, "INPUT", Policy.DROP);
        org.netnslab.core.backend.PingResult ping = lab.ping("ours",
                org.netnslab.core.backend.PingRequest.of(Ipv4Address.parse("127.0.0.1"), 2));
        assertThat(ping.received()).isZero();
        NfTable filter = lab.netfilter("ours").table(F).orElseThrow();
        Counters rule = filter.chain("OUTPUT").orElseThrow().rules().get(0).counters();
        assertThat(rule.packets()).isEqualTo(2);
        assertThat(rule.bytes()).isEqualTo(2 * 84);
        assertThat(filter.chain("INPUT").orElseThrow().counters().packets()).isEqualTo(2);
        lab.zeroCounters("ours", F, Optional.empty(), Optional.empty());
        filter = lab.netfilter("ours").table(F).orElseThrow();
        assertThat(filter.chain("OUTPUT").orElseThrow().rules().get(0).counters()).isEqualTo(Counters.ZERO);
        assertThat(filter.chain("INPUT").orElseThrow().counters()).isEqualTo(Counters.ZERO);
        assertThat(filter.chain("INPUT").orElseThrow().policy()).contains(Policy.DROP);
    }

    @Test
    void theKernelsRefusalsAreItsErrno() throws KernelException {
        lab.newChain("ours", F, "A");
        lab.newChain("ours", F, "B");
        lab.appendRule("ours", F, "A", rule(j(new Target.Jump("B"))));
        assertErrno(() -> lab.deleteChain("ours", F, Optional.of("B")), Errno.EBUSY);
        assertErrno(() -> lab.deleteChain("ours", F, Optional.empty()), Errno.EBUSY);
        assertThat(lab.netfilter("ours").table(F).orElseThrow().chains()).extracting(Chain::name).contains("A", "B");
        assertErrno(() -> lab.newChain("ours", F, "A"), Errno.EEXIST);
        assertErrno(() -> lab.renameChain("ours", F, "A", "B"), Errno.EEXIST);
        assertErrno(() -> lab.deleteRule("ours", F, "A", 2), Errno.ENOENT);
        assertErrno(() -> lab.appendRule("ours", F, "INPUT", rule(j(new Target.Jump("NOPE")))), Errno.ENOENT);
        lab.appendRule("ours", F, "B", rule(j(new Target.Jump("A"))));
        // a loop is refused once a base chain reaches it, with EMLINK ("Too many links"), as iptables-nft meets it
        assertErrno(() -> lab.appendRule("ours", F, "INPUT", rule(j(new Target.Jump("A")))), Errno.EMLINK);
        assertErrno(() -> lab.appendRule("ours", F, "INPUT", rule(j(Target.Masquerade.PLAIN))), Errno.EINVAL);
        assertThat(lab.netfilter("ours").table(F).orElseThrow().chain("INPUT")).as("nothing half-made").isEmpty();
        lab.flushChain("ours", F, Optional.empty());
        lab.deleteChain("ours", F, Optional.empty());
        assertThat(lab.netfilter("ours").table(F).orElseThrow().chains()).isEmpty();
    }

    private static void assertErrno(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Errno errno) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    private String save(String ns) throws Exception {
        return realTool(ns, "iptables-save", "-c").out().replaceAll("(?m)^# (Generated|Completed).*\n", "");
    }

    private static List<String> shellWords(String s) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (new java.io.File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private record Result(int status, String out) {}

    /** A real tool run inside one of the lab's namespaces, entered through the descriptor that holds it. */
    private Result realTool(String ns, String... command) throws IOException, InterruptedException {
        String path = "/proc/" + ProcessHandle.current().pid() + "/fd/" + lab.namespaceDescriptor(ns);
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=" + path));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
