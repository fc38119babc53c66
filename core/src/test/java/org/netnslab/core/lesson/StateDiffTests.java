package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.Route;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.shell.Terminal;

class StateDiffTests {

    private final FakeBackend lab = new FakeBackend();
    private final Terminal terminal = new Terminal(lab);

    private LabState after(String... commands) {
        for (String c : commands) {
            assertThat(terminal.run(c).exitStatus()).as(c).isZero();
        }
        return lab.snapshot();
    }

    @Test
    void nothingChangedIsEmpty() {
        LabState s = lab.snapshot();

        assertThat(StateDiff.between(s, s).isEmpty()).isTrue();
        assertThat(StateDiffFormat.text(StateDiff.between(s, s))).isEmpty();
    }

    @Test
    void aLinkMovedToANamespaceLeavesOneAndArrivesInTheOther() {
        LabState before = after("ip netns add blue", "ip link add veth0 type veth peer name veth1");
        LabState after = after("ip link set veth1 netns blue");

        StateDiff diff = StateDiff.between(before, after);

        assertThat(diff.namespacesAdded()).isEmpty();
        assertThat(diff.namespace(Backend.HOST).orElseThrow().links()).extracting(Change::kind)
                .containsExactly(Change.Kind.REMOVED);
        assertThat(diff.namespace("blue").orElseThrow().links()).extracting(c -> c.subject().name(), Change::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("veth1", Change.Kind.ADDED));
        assertThat(StateDiffFormat.text(diff)).isEqualTo("""
                host
                  - link veth1 (veth, peer veth0)
                blue
                  + link veth1 (veth, peer veth0): state DOWN
                """);
    }

    @Test
    void aNewNamespaceShowsWhatItHasAsAdded() {
        LabState before = lab.snapshot();
        LabState after = after("ip netns add blue");

        StateDiff diff = StateDiff.between(before, after);

        assertThat(diff.namespacesAdded()).containsExactly("blue");
        assertThat(StateDiffFormat.text(diff)).isEqualTo("""
                + namespace blue
                blue
                  + link lo (loopback): state DOWN
                """);
    }

    @Test
    void aDeletedNamespaceShowsWhatItHadAsRemoved() {
        LabState before = after("ip netns add blue", "ip netns exec blue ip link set lo up");
        LabState after = after("ip netns del blue");

        StateDiff diff = StateDiff.between(before, after);

        assertThat(diff.namespacesRemoved()).containsExactly("blue");
        assertThat(diff.namespace("blue").orElseThrow().links()).extracting(Change::kind)
                .containsExactly(Change.Kind.REMOVED);
    }

    @Test
    void forwardingAndNatRules() {
        LabState before = after("iptables -t nat -A POSTROUTING -s 10.9.0.0/24 -j MASQUERADE");
        LabState after = after("sysctl -w net.ipv4.ip_forward=1",
                "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE",
                "iptables -t nat -D POSTROUTING -s 10.9.0.0/24 -j MASQUERADE");

        NamespaceDiff host = StateDiff.between(before, after).namespace(Backend.HOST).orElseThrow();

        assertThat(host.ipForward()).contains(Change.changed(0, 1));
        assertThat(host.natRules()).containsExactly(
                Change.added(new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/24")), Optional.empty())),
                Change.removed(new NatRule(Optional.of(Ipv4Cidr.parse("10.9.0.0/24")), Optional.empty())));
        assertThat(StateDiffFormat.lines(host)).containsExactly(
                "~ net.ipv4.ip_forward: 0 -> 1",
                "+ nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE",
                "- nat -A POSTROUTING -s 10.9.0.0/24 -j MASQUERADE");
    }

    @Test
    void aRouteThatOnlyLostItsLinkdownFlagChanged() {
        LabState before = after("ip link add veth0 type veth peer name veth1", "ip addr add 10.0.0.10/24 dev veth0");
        NamespaceState host = before.namespace(Backend.HOST).orElseThrow();
        Route route = host.routes().get(0);
        NamespaceState linkDown = new NamespaceState(host.name(), host.links(), host.addresses(),
                List.of(route.withLinkDown(true)), host.ipForward(), host.nat(), host.netnsIds());
        LabState withLinkDown = new LabState(before.namespaces(), List.of(linkDown,
                before.namespace(Backend.UPSTREAM).orElseThrow()));

        NamespaceDiff diff = StateDiff.between(withLinkDown, before).namespace(Backend.HOST).orElseThrow();

        assertThat(diff.routes()).containsExactly(Change.changed(route.withLinkDown(true), route));
        assertThat(StateDiffFormat.lines(diff)).containsExactly("~ route 10.0.0.0/24 dev veth0 proto kernel scope link"
                + " src 10.0.0.10 (was 10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.10 linkdown)");
    }
}
