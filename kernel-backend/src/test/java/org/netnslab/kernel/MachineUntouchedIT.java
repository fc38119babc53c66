package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.netnslab.core.command.Terminal;
import org.netnslab.kernel.sys.Namespaces;

/** A whole lab, from its world to its close, leaves the machine's own namespace exactly as it was. */
@Isolated("it reads which namespaces this JVM holds and what its threads are in")
class MachineUntouchedIT {

    private static final String[] LAB = {
        "ip netns add blue", "ip netns add red",
        "ip link add veth0 type veth peer name veth1", "ip link set veth1 netns blue",
        "ip addr add 10.0.0.1/24 dev veth0", "ip link set veth0 up",
        "ip -n blue addr add 10.0.0.2/24 dev veth1", "ip -n blue link set veth1 up", "ip -n blue link set lo up",
        "ip link add name br0 type bridge", "ip link set br0 up",
        "ip link add vr type veth peer name vr1", "ip link set vr master br0", "ip link set vr up",
        "ip link set vr1 netns red", "ip -n red link set vr1 up",
        "ip -n blue route add default via 10.0.0.1",
        "sysctl -w net.ipv4.ip_forward=1",
        "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE",
        "ip netns exec blue ping -c 1 198.51.100.8",
        "iptables -t nat -D POSTROUTING -s 10.0.0.0/24 -j MASQUERADE", "iptables -t nat -F",
        "ip netns del red", "ip link del br0",
    };

    @Test
    void aWholeLabLeavesTheMachineAsItWas() throws IOException {
        KernelLabs.assumeKernel();
        String threadNamespace = Namespaces.currentThreadNamespace();
        String before = Machine.networkState();

        KernelBackend lab = KernelLabs.freshLab();
        Terminal t = new Terminal(lab);
        for (String line : LAB) {
            t.run(line);
            assertThat(Namespaces.currentThreadNamespace()).as("this thread's namespace after: " + line)
                    .isEqualTo(threadNamespace);
        }
        Set<String> held = Machine.namespaceDescriptorsOf(ProcessHandle.current().pid());
        assertThat(held).as("the lab's namespaces, held by descriptors, never the machine's")
                .hasSizeGreaterThanOrEqualTo(3).doesNotContain(threadNamespace);
        assertThat(Machine.networkState()).as("the machine, mid-lab").isEqualTo(before);
        lab.close();

        assertThat(Namespaces.currentThreadNamespace()).isEqualTo(threadNamespace);
        assertThat(Machine.threadNamespacesOfThisProcess()).as("every thread of this JVM")
                .allMatch(threadNamespace::equals);
        assertThat(Machine.namespaceDescriptorsOf(ProcessHandle.current().pid())).as("after close")
                .doesNotContainAnyElementsOf(held);
        assertThat(Machine.networkState()).as("the machine, after the lab").isEqualTo(before);
    }
}
