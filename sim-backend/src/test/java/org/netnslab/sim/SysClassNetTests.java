package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;

/**
 * /sys/class/net as the host's shell reads it, which the goldens leave out (the recorder's host /sys is mounted
 * once, before the lab's links): a veth's iflink is its peer's index wherever the peer is; what a real machine
 * has and the lab does not model is said to be so, not said to be missing.
 */
class SysClassNetTests {

    private static Terminal lab() throws Exception {
        SimBackend backend = new SimBackend(7);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String line : List.of("ip netns add a", "ip link add v0 type veth peer name v1", "ip link set v1 netns a",
                "ip link add br0 type bridge", "ip link add p0 type veth peer name p1", "ip link set p0 master br0")) {
            assertThat(t.run(line).exitStatus()).as(line).isZero();
        }
        return t;
    }

    @Test
    void aVethsIflinkIsItsPeersIndexOnEitherSide() throws Exception {
        Terminal t = lab();
        String v0 = t.run("cat /sys/class/net/v0/ifindex").output().strip();
        String v1 = t.run("ip netns exec a cat /sys/class/net/v1/ifindex").output().strip();
        assertThat(t.run("cat /sys/class/net/v0/iflink").output()).isEqualTo(v1 + "\n");
        assertThat(t.run("ip netns exec a cat /sys/class/net/v1/iflink").output()).isEqualTo(v0 + "\n");
        assertThat(t.run("ip -o link show v0").output()).startsWith(v0 + ": v0@if" + v1 + ":");
        assertThat(t.run("cat /sys/class/net/br0/iflink").output())
                .isEqualTo(t.run("cat /sys/class/net/br0/ifindex").output());
        assertThat(t.run("cat /sys/class/net/eth0/operstate /sys/class/net/eth0/carrier").output()).isEqualTo("up\n1\n");
    }

    @Test
    void whatARealMachineHasAndTheLabDoesNotIsSaidSo() throws Exception {
        Terminal t = lab();
        for (String file : List.of("/sys/class/net/v0/statistics/rx_bytes", "/sys/class/net/v0/speed",
                "/sys/class/net/p0/brport", "/sys/class/net/p0/master", "/sys/class/net/br0/bridge")) {
            assertThat(t.run("cat " + file).output()).as(file).startsWith("netns-lab: cat " + file
                    + " is not part of the lab");
        }
        assertThat(t.run("cat /sys/class/net/v0/brport").output())
                .isEqualTo("cat: /sys/class/net/v0/brport: No such file or directory\n");
        assertThat(t.run("cat /sys/class/net/v0/mtu/x").output())
                .isEqualTo("cat: /sys/class/net/v0/mtu/x: Not a directory\n");
        assertThat(t.run("cat /sys/class/net/").output()).isEqualTo("cat: /sys/class/net/: Is a directory\n");
        assertThat(t.run("cat /sys/class/net/v1/mtu").output())
                .isEqualTo("cat: /sys/class/net/v1/mtu: No such file or directory\n");
    }
}
