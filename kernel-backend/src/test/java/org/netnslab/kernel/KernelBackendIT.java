package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.iptables.IptablesFormat;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.OperState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/** The backend's own promises, one fresh lab each, on the real kernel. */
class KernelBackendIT {

    private static final String HOST = Backend.HOST;
    private KernelBackend lab;

    @BeforeEach
    void freshLab() {
        lab = KernelLabs.freshLab();
    }

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theWorldIsBuiltAndSettled() {
        LabState s = lab.snapshot();
        assertThat(s.namespaces()).isEmpty();
        assertThat(s.all()).extracting(NamespaceState::name).containsExactly(HOST, Backend.UPSTREAM);
        NamespaceState host = s.namespace(HOST).orElseThrow();
        Link eth0 = host.link("eth0").orElseThrow();
        assertThat(eth0.operState()).isEqualTo(OperState.UP);
        assertThat(eth0.peer().orElseThrow().namespace()).contains(Backend.UPSTREAM);
        assertThat(eth0.peer().orElseThrow().name()).isEqualTo("eth0");
        assertThat(host.addressesOf(eth0.index())).extracting(Address::prefix)
                .contains("203.0.113.2/24").anyMatch(p -> p.startsWith("fe80::"));
        assertThat(host.routes()).extracting(r -> r.destination().toString())
                .containsExactly("0.0.0.0/0", "203.0.113.0/24");
        assertThat(host.ipForward()).isZero();
        assertThat(host.netnsIds()).containsKey(Backend.UPSTREAM);
        NamespaceState up = s.namespace(Backend.UPSTREAM).orElseThrow();
        assertThat(up.addresses()).extracting(Address::prefix).contains("198.51.100.8/32", "203.0.113.1/24");
        assertThat(lab.settleTimeouts()).isZero();
    }

    @Test
    void aVethPairIsMadeWholeOrNotAtAll() throws KernelException {
        lab.addNamespace("blue");
        lab.addBridge("blue", "taken");
        assertThatThrownBy(() -> lab.addVeth(HOST, "x", "taken", Optional.of("blue")))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        assertThat(lab.namespace(HOST).orElseThrow().link("x")).isEmpty();
        assertThat(lab.namespace("blue").orElseThrow().links()).extracting(Link::name).containsExactly("lo", "taken");
    }

    @Test
    void aRefusalCarriesTheKernelsOwnSentence() {
        RouteSpec unreachable = new RouteSpec(Ipv4Cidr.parse("10.5.0.0/16"),
                Optional.of(Ipv4Address.parse("10.9.9.9")), Optional.empty());
        assertThatThrownBy(() -> lab.addRoute(HOST, unreachable))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH);
                    assertThat(e.extack()).contains("Nexthop has invalid gateway");
                });
        RouteSpec missing = new RouteSpec(Ipv4Cidr.parse("10.6.0.0/16"), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> lab.deleteRoute(HOST, missing))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    }

    @Test
    void pingWithoutARouteIsRefusedByConnect() throws KernelException {
        lab.addNamespace("lonely");
        assertThatThrownBy(() -> lab.ping("lonely", PingRequest.of(Ipv4Address.parse("198.51.100.8"), 1)))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH));
    }

    @Test
    void pingThroughTheHostWithMasquerade() throws KernelException {
        lab.addNamespace("blue");
        lab.addVeth(HOST, "veth0", "veth1", Optional.of("blue"));
        lab.addAddress(HOST, "veth0", Ipv4Cidr.parse("10.0.0.1/24"));
        lab.setLinkUp(HOST, "veth0", true);
        lab.addAddress("blue", "veth1", Ipv4Cidr.parse("10.0.0.2/24"));
        lab.setLinkUp("blue", "veth1", true);
        lab.addRoute("blue", new RouteSpec(Ipv4Cidr.DEFAULT, Optional.of(Ipv4Address.parse("10.0.0.1")), Optional.empty()));
        Ipv4Address internet = Ipv4Address.parse("198.51.100.8");
        PingRequest once = new PingRequest(internet, 1, Optional.empty(), 1000, 1000);
        assertThat(lab.ping("blue", once).received()).as("no forwarding yet").isZero();

        lab.setIpForward(HOST, 1);
        lab.appendMasquerade(HOST, new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/24")), Optional.empty()));
        PingResult r = lab.ping("blue", new PingRequest(internet, 2, Optional.empty(), 200, 1000));
        assertThat(r.probes()).extracting(Probe::outcome).containsExactly(Probe.Outcome.REPLY, Probe.Outcome.REPLY);
        assertThat(r.probes()).extracting(Probe::ttl).containsOnly(63);
        assertThat(r.probes()).extracting(Probe::from).containsOnly(Optional.of(internet));
        assertThat(r.source()).contains(Ipv4Address.parse("10.0.0.2"));
        assertThat(lab.namespace(HOST).orElseThrow().nat().postrouting().get(0).counters().packets())
                .as("the rule's counter: the first packet of the connection").isEqualTo(1);
    }

    @Test
    void forwardingIsPerNamespaceAndKeepsAnyInteger() throws KernelException {
        lab.setIpForward(HOST, 2);
        assertThat(lab.namespace(HOST).orElseThrow().ipForward()).isEqualTo(2);
        assertThat(lab.namespace(Backend.UPSTREAM).orElseThrow().ipForward()).isZero();
    }

    @Test
    void deletingANamespaceTakesItsVethPeers() throws KernelException {
        lab.addNamespace("blue");
        lab.addVeth(HOST, "veth0", "veth1", Optional.of("blue"));
        lab.setLinkUp(HOST, "veth0", true);
        lab.setLinkUp("blue", "veth1", true);
        assertThat(lab.namespace(HOST).orElseThrow().link("veth0")).isPresent();
        lab.deleteNamespace("blue");
        assertThat(lab.namespaces()).isEmpty();
        assertThat(lab.namespace("blue")).isEmpty();
        assertThat(lab.namespace(HOST).orElseThrow().link("veth0")).as("gone with its peer's namespace").isEmpty();
        assertThat(lab.namespace(HOST).orElseThrow().netnsIds()).doesNotContainKey("blue");
    }

    @Test
    void theRealIptablesReadsTheRulesBack() throws Exception {
        assumeTrue(installed("nsenter") && installed("iptables"), "nsenter and iptables are needed to read back");
        List<NatRule> rules = List.of(
                new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/24")), Optional.empty()),
                new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/20")), Optional.of("eth0")),
                new NatRule(Optional.of(Ipv4Cidr.parse("10.1.2.3/23")), Optional.empty(), false),
                new NatRule(Optional.empty(), Optional.of("veth+")),
                new NatRule(Optional.of(Ipv4Cidr.parse("192.168.7.9/32")), Optional.empty()));
        for (NatRule r : rules) {
            lab.appendMasquerade(HOST, r);
        }
        lab.deleteMasquerade(HOST, rules.get(0));
        String ours = IptablesFormat.rules(lab.namespace(HOST).orElseThrow().nat(), Optional.empty());
        assertThat(realTool(HOST, "iptables", "-t", "nat", "-S")).isEqualTo(ours);
        assertThat(ours).contains("-A POSTROUTING -s 10.1.2.0/23\n");
        lab.flushNat(HOST);
        assertThat(realTool(HOST, "iptables", "-t", "nat", "-S"))
                .isEqualTo(IptablesFormat.rules(lab.namespace(HOST).orElseThrow().nat(), Optional.empty()));
    }

    @Test
    void theRealIpSeesTheSameLinks() throws Exception {
        assumeTrue(installed("nsenter") && installed("ip"), "nsenter and ip are needed to compare");
        lab.addNamespace("blue");
        lab.addVeth(HOST, "veth0", "veth1", Optional.of("blue"));
        lab.addBridge(HOST, "br0");
        lab.setMaster(HOST, "veth0", Optional.of("br0"));
        lab.setLinkUp(HOST, "br0", true);
        lab.setLinkUp(HOST, "veth0", true);
        lab.setLinkUp("blue", "veth1", true);
        String real = realTool(HOST, "ip", "-br", "link");
        String ours = org.netnslab.core.ip.LinkFormat.linksBrief(lab.namespace(HOST).orElseThrow(),
                lab.namespace(HOST).orElseThrow().links());
        assertThat(ours.replaceAll("[0-9a-f]{2}(:[0-9a-f]{2}){5}", "MAC"))
                .isEqualTo(real.replaceAll("[0-9a-f]{2}(:[0-9a-f]{2}){5}", "MAC"));
    }

    private static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (new java.io.File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** A real tool run inside one of the lab's namespaces, entered through the descriptor that holds it. */
    private String realTool(String ns, String... command) throws IOException, InterruptedException {
        String path = "/proc/" + ProcessHandle.current().pid() + "/fd/" + lab.namespaceDescriptor(ns);
        List<String> argv = new java.util.ArrayList<>(List.of("nsenter", "--net=" + path));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
