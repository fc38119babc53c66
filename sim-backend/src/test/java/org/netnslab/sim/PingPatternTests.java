package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;

/** {@code ping -p}'s pattern is the data of the echo requests on the wire, after their timeval. */
class PingPatternTests {

    @Test
    void theRequestsDataRepeatsThePatternAfterItsTimeval() throws Exception {
        SimBackend lab = new SimBackend(7);
        LabWorld.build(lab);
        Terminal t = new Terminal(lab);
        for (String line : List.of("ip netns add a", "ip link add v0 type veth peer name v1", "ip link set v1 netns a",
                "ip addr add 10.0.0.1/24 dev v0", "ip link set v0 up", "ip -n a addr add 10.0.0.2/24 dev v1",
                "ip -n a link set v1 up")) {
            t.run(line);
        }
        assertThat(t.run("ping -c 1 -p ab0c 10.0.0.2").output()).startsWith("PATTERN: 0xab0c\n");
        assertThat(t.run("ping -c 1 10.0.0.2").exitStatus()).isZero();

        List<byte[]> requests = lab.history(Backend.HOST, "v0").stream().filter(CapturedFrame::outgoing)
                .map(CapturedFrame::frame).filter(f -> f.length > 34 && f[23] == 1 && f[34] == 8).toList();
        assertThat(requests).hasSize(2);
        byte[] patterned = requests.get(0);
        byte[] counting = requests.get(1);
        int data = 14 + 20 + 8;
        assertThat(patterned).hasSize(data + 56);
        for (int i = 16; i < 56; i++) {
            assertThat(patterned[data + i]).as("byte %d", i).isEqualTo(i % 2 == 0 ? (byte) 0xab : (byte) 0x0c);
            assertThat(counting[data + i]).as("byte %d", i).isEqualTo((byte) i);
        }
    }
}
