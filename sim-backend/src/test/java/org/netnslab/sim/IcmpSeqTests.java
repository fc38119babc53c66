package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.ping.PingFormat;

/**
 * icmp_seq has 16 bits: past the 65,535th probe the sequence starts again from 0, and every reply still
 * counts, as iputils counts them. (A lab's ping command sends 1,000 at the most; the backend itself sends
 * whatever it is asked.)
 */
class IcmpSeqTests {

    @Test
    void repliesPastTheSixteenBitsOfIcmpSeqAreAllCounted() throws KernelException {
        Lab lab = Lab.world();
        Ipv4Address loopback = Ipv4Address.parse("127.0.0.1");
        PingRequest request = new PingRequest(loopback, 65_540, Optional.empty(), 1, 10_000);
        PingResult result = lab.backend.ping(HOST, request);

        assertThat(result.probes()).hasSize(65_540).allMatch(p -> p.outcome() == Probe.Outcome.REPLY);
        assertThat(result.received()).isEqualTo(65_540);
        Probe wrapped = result.probes().get(65_535);
        assertThat(wrapped.sequence()).isEqualTo(65_536);
        assertThat(wrapped.icmpSeq()).isZero();
        assertThat(PingFormat.report(request, result)).contains(": icmp_seq=65535 ttl=64 ", ": icmp_seq=0 ttl=64 ",
                ": icmp_seq=4 ttl=64 ").contains("65540 packets transmitted, 65540 received, 0% packet loss");
    }
}
