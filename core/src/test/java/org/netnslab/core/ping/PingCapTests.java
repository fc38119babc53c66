package org.netnslab.core.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.lesson.FakeBackend;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.shell.Terminal;

/**
 * A lab's ping sends {@link Ping#MAX_PROBES} at the most: the report of those, as the real ping prints it,
 * then one netns-lab line. The golden ping-count holds its -c to the real one.
 */
class PingCapTests {

    private final List<PingRequest> asked = new ArrayList<>();
    private final Terminal terminal = terminal();

    @ParameterizedTest(name = "-c {0}")
    @ValueSource(strings = {"1001", "100000", "4294967296", "9223372036854775807"})
    void aCountOverTheCapSendsTheCapAndSaysSo(String count) {
        CommandResult result = terminal.run("ping -c " + count + " 203.0.113.1");
        assertThat(asked).extracting(PingRequest::count).containsExactly(Ping.MAX_PROBES);
        List<String> lines = result.output().lines().toList();
        assertThat(lines.get(lines.size() - 3)).isEqualTo("1000 packets transmitted, 1000 received, 0% packet loss,"
                + " time 999000ms");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("netns-lab: ping stops after 1000 probes in a lab (-c "
                + count + " asked for more).");
        assertThat(lines).filteredOn(l -> l.startsWith("64 bytes from")).hasSize(Ping.MAX_PROBES);
        assertThat(result.exitStatus()).isZero();
        assertThat(result.ping().orElseThrow().probes()).hasSize(Ping.MAX_PROBES);
    }

    @Test
    void aCountAtTheCapIsTheRealPingAlone() {
        CommandResult result = terminal.run("ping -c 1000 -i 0.001 203.0.113.1");
        assertThat(asked).extracting(PingRequest::count).containsExactly(1000);
        assertThat(result.output()).doesNotContain("netns-lab").endsWith("rtt min/avg/max/mdev = 0.050/0.050/0.050"
                + "/0.000 ms\n");
    }

    @Test
    void aPingRefusedBeforeItSendsSaysOnlyWhatTheRealOneSays() {
        assertThat(terminal.run("ping -c 4294967296 -I nosuch 203.0.113.1")).isEqualTo(new CommandResult(
                "ping: SO_BINDTODEVICE nosuch: No such device\n", 2));
    }

    @Test
    void everyReplyIsPrintedWithItsIcmpSeqInSixteenBits() {
        PingRequest request = PingRequest.of(Ipv4Address.parse("203.0.113.1"), 65_537);
        PingResult result = replies(request);
        String report = PingFormat.report(request, result);
        assertThat(report).contains("icmp_seq=65535 ttl=64", "icmp_seq=0 ttl=64", "icmp_seq=1 ttl=64")
                .contains("65537 packets transmitted, 65537 received, 0% packet loss");
        assertThat(result.probes().get(65_535).icmpSeq()).isZero();
    }

    private Terminal terminal() {
        FakeBackend lab = new FakeBackend();
        lab.answerPings((ns, request) -> {
            asked.add(request);
            return replies(request);
        });
        return new Terminal(lab);
    }

    /** A reply to every request, 50 microseconds each. */
    private static PingResult replies(PingRequest request) {
        List<Probe> probes = IntStream.rangeClosed(1, request.count())
                .mapToObj(seq -> Probe.reply(seq, request.destination(), 64, 50, List.of()))
                .toList();
        return new PingResult(request.destination(), probes);
    }
}
