package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;

/** A lost ping's first wrong turn: the default route out to the internet, taken for an address of the lab. */
class WrongTurnTests {

    private static Terminal lab(String... commands) throws Exception {
        SimBackend backend = new SimBackend(7);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String c : commands) {
            assertThat(t.run(c).exitStatus()).as(c).isZero();
        }
        return t;
    }

    private static Optional<String> turn(Terminal t, String ping) throws Exception {
        PingResult result = t.run(ping).ping().orElseThrow();
        return JourneyFormat.wrongTurn(t.backend().snapshot(), result).map(w -> w.text(x -> x));
    }

    @Test
    void theHostPingingANamespaceItHasNoRouteToTookTheDefaultRoute() throws Exception {
        Terminal t = lab("ip netns add one", "ip link add v1 type veth peer name v2", "ip link set v1 netns one",
                "ip -n one addr add 10.0.0.1/24 dev v1", "ip -n one link set v1 up");
        assertThat(turn(t, "ping -c1 -W1 10.0.0.1")).hasValue("host has no route to 10.0.0.1, so it sent the ping by"
                + " its default route, via 203.0.113.1 out of eth0, towards upstream, where 10.0.0.1 is not. There the"
                + " kernel dropped it at eth0: not for this namespace, and forwarding is off (net.ipv4.ip_forward = 0)"
                + " [IP_INADDRERRORS]");
    }

    @Test
    void aPingToTheInternetByTheDefaultRouteTookNoWrongTurn() throws Exception {
        Terminal t = lab("ip netns add one", "ip link add v1 type veth peer name v2", "ip link set v1 netns one",
                "ip -n one addr add 10.0.0.10/24 dev v1", "ip -n one link set v1 up", "ip addr add 10.0.0.1/24 dev v2",
                "ip link set v2 up", "ip -n one route add default via 10.0.0.1");
        // forwarding is off in the host: lost there, but the default route was the right way
        assertThat(turn(t, "ip netns exec one ping -c1 -W1 198.51.100.8")).isEmpty();
        // forwarding on, no masquerade: lost on the way back
        t.run("sysctl -w net.ipv4.ip_forward=1");
        assertThat(turn(t, "ip netns exec one ping -c1 -W1 198.51.100.8")).isEmpty();
    }
}
