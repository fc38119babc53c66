package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.tcpdump.Pcap;
import org.netnslab.kernel.sys.Namespaces;

/**
 * The kernel lab's packets since it began, what {@code Download capture (.pcap)} offers: each link's frames as
 * its namespace's packet socket saw them, written as a pcap that the real tcpdump reads with every checksum
 * correct; a namespace made later, or a device moved into it, has only what came after.
 */
class PacketHistoryIT {

    private KernelBackend lab;
    private Terminal t;
    private String machineBefore;
    private String threadNamespace;

    @TempDir
    Path dir;

    @BeforeEach
    void lab() throws Exception {
        KernelLabs.assumeKernel();
        machineBefore = Machine.networkState();
        threadNamespace = Namespaces.currentThreadNamespace();
        lab = KernelLabs.freshLab();
        t = new Terminal(lab);
        for (String line : List.of("ip netns add blue", "ip link add veth0 type veth peer name veth1",
                "ip link set veth1 netns blue", "ip addr add 10.0.0.1/24 dev veth0", "ip link set veth0 up",
                "ip -n blue addr add 10.0.0.2/24 dev veth1", "ip -n blue link set veth1 up")) {
            assertThat(t.run(line).exitStatus()).as(line).isZero();
        }
    }

    @AfterEach
    void close() throws Exception {
        if (lab != null) {
            lab.close();
            assertThat(Namespaces.currentThreadNamespace()).isEqualTo(threadNamespace);
            assertThat(Machine.networkState()).as("the machine, after the lab").isEqualTo(machineBefore);
        }
    }

    @Test
    void aPingsFramesAreKeptOnBothEndsAndTheRealTcpdumpReadsThem() throws Exception {
        String tcpdump = List.of("/usr/bin/tcpdump", "/usr/sbin/tcpdump").stream()
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        assumeTrue(tcpdump != null, "the real tcpdump is not installed (apt-get install tcpdump)");
        assertThat(t.run("ping -c 2 10.0.0.2").exitStatus()).isZero();
        for (String line : List.of("ip netns exec blue nc -l -p 8080", "nc 10.0.0.2 8080", "hello", "exit")) {
            t.run(line);
        }

        String host = read(tcpdump, lab.history(Backend.HOST, "veth0"), "host.pcap", "-nn");
        assertThat(host).containsSubsequence(
                "Out ", "ARP, Request who-has 10.0.0.2 tell 10.0.0.1",
                "In ", "ARP, Reply 10.0.0.2 is-at",
                "Out ", "10.0.0.1 > 10.0.0.2: ICMP echo request", "seq 1",
                "In ", "10.0.0.2 > 10.0.0.1: ICMP echo reply", "seq 1",
                "Out ", "10.0.0.1 > 10.0.0.2: ICMP echo request", "seq 2",
                "In ", "10.0.0.2 > 10.0.0.1: ICMP echo reply", "seq 2");
        String blue = read(tcpdump, lab.history("blue", "veth1"), "blue.pcap", "-nn");
        assertThat(blue).containsSubsequence(
                "In ", "ARP, Request who-has 10.0.0.2 tell 10.0.0.1",
                "Out ", "ARP, Reply 10.0.0.2 is-at",
                "In ", "ICMP echo request", "seq 1", "Out ", "ICMP echo reply", "seq 1");

        String vv = read(tcpdump, lab.history(Backend.HOST, "veth0"), "host.pcap", "-vv", "-nn");
        assertThat(vv).contains("ICMP echo request", "Flags [S]", "Flags [P.]", "Flags [F.]")
                .doesNotContain("incorrect", "bad cksum", "wrong icmp cksum", "truncated");
        assertThat(vv.split("cksum 0x[0-9a-f]{4} \\(correct\\)", -1).length - 1)
                .as("TCP segments whose checksum tcpdump found correct").isGreaterThanOrEqualTo(6);
        assertThat(lab.history(Backend.HOST, "lo")).as("nothing crossed the host's lo").isEmpty();
        assertThat(lab.history("nosuch", "veth0")).isEmpty();
    }

    @Test
    void aNamespaceMadeLaterOrADeviceMovedHasOnlyWhatCameAfter() throws Exception {
        assertThat(t.run("ping -c 1 10.0.0.2").exitStatus()).isZero();
        for (String line : List.of("ip netns add red", "ip link set veth0 netns red",
                "ip -n red addr add 10.0.0.1/24 dev veth0", "ip -n red link set veth0 up")) {
            assertThat(t.run(line).exitStatus()).as(line).isZero();
        }
        assertThat(lab.history("red", "veth0")).as("the ping veth0 carried in the host is the host's")
                .noneMatch(f -> icmpType(f) == 8 || icmpType(f) == 0);
        assertThat(t.run("ip netns exec red ping -c 1 10.0.0.2").exitStatus()).isZero();

        List<CapturedFrame> red = lab.history("red", "veth0");
        assertThat(red).isNotEmpty().allMatch(f -> f.device().equals("veth0"));
        List<CapturedFrame> host = lab.history(Backend.HOST, "veth0");
        assertThat(host).as("the host keeps what its veth0 carried while it was the host's").isNotEmpty();
        long requestsInRed = red.stream().filter(f -> icmpType(f) == 8 && f.outgoing()).count();
        assertThat(requestsInRed).isEqualTo(1);
        assertThat(Machine.networkState()).as("the machine, mid-lab").isEqualTo(machineBefore);
    }

    @Test
    void pingsPatternIsTheDataOfItsRequestsOnTheWire() throws Exception {
        assertThat(t.run("ping -c 1 -p ab0c 10.0.0.2").output()).startsWith("PATTERN: 0xab0c\n");

        byte[] request = lab.history(Backend.HOST, "veth0").stream().filter(f -> f.outgoing() && icmpType(f) == 8)
                .map(CapturedFrame::frame).findFirst().orElseThrow();
        int data = 14 + 20 + 8;
        assertThat(request).hasSize(data + 56);
        for (int i = 16; i < 56; i++) {
            assertThat(request[data + i]).as("byte %d", i).isEqualTo(i % 2 == 0 ? (byte) 0xab : (byte) 0x0c);
        }
    }

    private static int icmpType(CapturedFrame f) {
        byte[] d = f.frame();
        boolean ipv4 = d.length > 34 && (d[12] & 0xff) == 0x08 && d[13] == 0 && (d[23] & 0xff) == 1;
        return ipv4 ? d[14 + (d[14] & 0x0f) * 4] & 0xff : -1;
    }

    private String read(String tcpdump, List<CapturedFrame> frames, String name, String... flags) throws Exception {
        List<Pcap.Packet> packets = frames.stream().map(f -> new Pcap.Packet(f.micros(), f.frame().length, f.frame()))
                .toList();
        Path file = dir.resolve(name);
        Files.write(file, Pcap.write(Pcap.LINKTYPE_ETHERNET, packets));
        // the direction (In/Out) is not in a pcap: it is read from the frames' order and said by the test
        StringBuilder sb = new StringBuilder();
        List<String> lines = run(tcpdump, flags, file).lines().filter(l -> !l.startsWith("reading from")).toList();
        int i = 0;
        for (String l : lines) {
            if (!l.isEmpty() && Character.isDigit(l.charAt(0)) && i < frames.size()) {
                sb.append(frames.get(i++).outgoing() ? "Out " : "In ");
            }
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    private static String run(String tcpdump, String[] flags, Path file) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(tcpdump, "-r", file.toString()));
        cmd.addAll(List.of(flags));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
