package org.netnslab.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.LabState;
import org.netnslab.core.shell.Terminal;
import org.netnslab.sim.SimBackend;

class TopologyTests {

    private static Terminal lab(String... commands) throws Exception {
        SimBackend backend = new SimBackend(7);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String c : commands) {
            assertThat(t.run(c).exitStatus()).as(c).isZero();
        }
        return t;
    }

    @Test
    void theWorldAloneIsTheHostCabledToTheInternet() throws Exception {
        String svg = Topology.svg(lab().backend().snapshot());
        assertThat(svg).contains("internet (198.51.100.8)", "data-namespace=\"host\"");
        assertThat(Topology.cables(svg)).containsExactly("eth0 \u2194 eth0");
    }

    @Test
    void aBridgeIsASwitchWithItsPortsCabledToTheirNamespaces() throws Exception {
        Terminal t = lab("ip netns add one", "ip netns add two",
                "ip link add veth-one-in type veth peer name veth-one-out",
                "ip link add veth-two-in type veth peer name veth-two-out",
                "ip link set veth-one-in netns one", "ip link set veth-two-in netns two",
                "ip link add name br0 type bridge", "ip link set veth-one-out master br0",
                "ip link set veth-two-out master br0", "ip link set br0 up", "ip link set veth-one-out up",
                "ip -n one link set veth-one-in up");
        String svg = Topology.svg(t.backend().snapshot());
        assertThat(svg).contains("data-bridge=\"br0\"", "data-namespace=\"one\"", "data-namespace=\"two\"");
        List<String> cables = Topology.cables(svg);
        assertThat(cables).hasSize(3);
        // one cable has both ends up, the other does not
        assertThat(svg).containsPattern("class=\"cable up\"[^>]*><title>veth-one-(in|out)");
        assertThat(svg).containsPattern("class=\"cable down\"[^>]*><title>veth-two-(in|out)");
    }

    @Test
    void namesAreEscaped() throws Exception {
        Terminal t = lab("ip netns add '<b>'", "ip link add 'x<y' type veth peer name 'z&w'");
        String svg = Topology.svg(t.backend().snapshot());
        assertThat(svg).doesNotContain("<b>").contains("&lt;b&gt;", "x&lt;y", "z&amp;w");
    }

    @Test
    void panelsMarkWhatTheLastActionAddedAndRemoved() throws Exception {
        Terminal t = lab("ip netns add blue", "ip link add veth0 type veth peer name veth1");
        LabState before = t.backend().snapshot();
        t.run("ip addr add 10.0.0.1/24 dev veth0");
        t.run("ip link del veth1");
        List<Map<String, Object>> panels = StatePanels.of(before, t.backend().snapshot());
        Map<String, Object> host = panels.get(0);
        assertThat(host.get("name")).isEqualTo("host");
        assertThat(host.get("links").toString()).contains("mark=removed").contains("veth0@veth1");
        assertThat(panels).extracting(p -> p.get("name")).containsExactly("host", "blue");
        assertThat(Backend.HOST).isNotEqualTo("host");
    }
}
