package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.shell.Terminal;
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

    /** The machine's own TCP sockets, local and remote address, as its namespace lists them in hex. */
    private static List<String> machineTcp() throws IOException {
        return Files.readString(Path.of("/proc/thread-self/net/tcp")).lines()
                .map(line -> line.strip().split("\\s+"))
                .filter(f -> f.length > 3 && !f[0].equals("sl"))
                .map(f -> f[1] + " " + f[2]).toList();
    }

    private static boolean machineHasPort(int port) throws IOException {
        String hex = String.format(":%04X", port);
        return machineTcp().stream().anyMatch(l -> l.split(" ")[0].endsWith(hex) || l.split(" ")[1].endsWith(hex));
    }

    @Test
    void ncsSocketsNeverLiveInTheMachinesNamespaceAndGoWithTheLab() throws Exception {
        KernelLabs.assumeKernel();
        String before = Machine.networkState();
        String threadNamespace = Namespaces.currentThreadNamespace();
        Set<String> heldBefore = Machine.namespaceDescriptorsOf(ProcessHandle.current().pid());
        KernelBackend lab = KernelLabs.freshLab();
        KernelTcpIT.twoNamespaces(lab);
        Listener l = lab.listen("ns1", 48123);
        Connection c = lab.connect("ns2", Ipv4Address.parse("10.0.0.1"), 48123);
        l.accept().orElseThrow().send(KernelTcpIT.bytes("x"));
        lab.listen(Backend.HOST, 48124);
        assertThat(machineHasPort(48123)).as("no socket of the lab in the machine's namespace").isFalse();
        assertThat(machineHasPort(48124)).as("the lab's host is not the machine").isFalse();
        assertThat(Namespaces.currentThreadNamespace()).isEqualTo(threadNamespace);
        assertThat(Machine.networkState()).as("the machine, mid-lab").isEqualTo(before);
        Set<String> held = Machine.namespaceDescriptorsOf(ProcessHandle.current().pid());

        lab.close(); // a listener, a connection and its accepted end still open
        assertThatThrownBy(c::receive)
                .satisfies(e -> assertThat(KernelTcpIT.errnoOf(e)).isEqualTo(Errno.ENOTCONN));
        Set<String> labs = new TreeSet<>(held);
        labs.removeAll(heldBefore);
        assertThat(labs).hasSizeGreaterThanOrEqualTo(4);
        assertThat(Machine.namespaceDescriptorsOf(ProcessHandle.current().pid())).as("after close")
                .doesNotContainAnyElementsOf(labs);
        assertThat(Machine.threadNamespacesOfThisProcess()).allMatch(threadNamespace::equals);
        assertThat(Machine.networkState()).as("the machine, after the lab").isEqualTo(before);
    }
}
