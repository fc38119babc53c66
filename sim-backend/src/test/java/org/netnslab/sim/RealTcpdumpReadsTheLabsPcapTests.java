package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netnslab.core.coreutils.LabFiles;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;

/**
 * A pcap the lab wrote ({@code tcpdump -w} on the simulator: ARP, a ping, an nc chat over TCP) read back by the
 * real tcpdump, which checks every checksum with {@code -vv}: none is wrong, and the real tcpdump prints of the
 * file exactly what the lab's own {@code tcpdump -r} prints of it. Runs the real tool; skipped, saying so, only
 * where tcpdump is not installed (CI installs it).
 */
class RealTcpdumpReadsTheLabsPcapTests {

    @TempDir
    Path dir;

    @Test
    void theRealTcpdumpFindsEveryChecksumCorrect() throws Exception {
        String tcpdump = List.of("/usr/bin/tcpdump", "/usr/sbin/tcpdump").stream()
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        assumeTrue(tcpdump != null, "the real tcpdump is not installed (apt-get install tcpdump): this test reads"
                + " the lab's pcap with it");
        SimBackend backend = new SimBackend(7);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String line : List.of("ip netns add blue", "ip link add veth0 type veth peer name veth1",
                "ip link set veth1 netns blue", "ip addr add 10.0.0.1/24 dev veth0", "ip link set veth0 up",
                "ip -n blue addr add 10.0.0.2/24 dev veth1", "ip -n blue link set veth1 up",
                "tcpdump -i veth0 -w /tmp/lab.pcap 2>/dev/null &", "ping -c 2 10.0.0.2",
                "ip netns exec blue nc -l -p 8080", "nc 10.0.0.2 8080", "hello", "exit")) {
            t.run(line);
        }
        byte[] pcap = LabFiles.of(backend).read("/tmp/lab.pcap").orElseThrow();
        Path file = dir.resolve("lab.pcap");
        Files.write(file, pcap);

        String vv = run(tcpdump, "-r", file.toString(), "-vv", "-nn");
        assertThat(vv).contains("ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 10.0.0.2 tell 10.0.0.1",
                "ICMP echo request", "ICMP echo reply", "Flags [S]", "Flags [S.]", "Flags [P.]", "Flags [F.]",
                "cksum 0x");
        assertThat(vv).doesNotContain("incorrect", "bad cksum", "wrong icmp cksum", "bad udp cksum", "truncated");
        assertThat(vv.split("cksum 0x[0-9a-f]{4} \\(correct\\)", -1).length - 1)
                .as("TCP segments whose checksum tcpdump found correct").isGreaterThanOrEqualTo(6);

        String real = run(tcpdump, "-r", file.toString(), "-nn");
        String lab = t.run("tcpdump -r /tmp/lab.pcap -nn").output();
        assertThat(lab.replace("/tmp/lab.pcap", file.toString())).isEqualTo(real);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
