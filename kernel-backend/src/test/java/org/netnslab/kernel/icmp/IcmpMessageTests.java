package org.netnslab.kernel.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.netnslab.core.net.Ipv4Address;

/** ping's packets both ways: an echo request as iputils writes it, a reply and an error as they come back. */
class IcmpMessageTests {

    @Test
    void anEchoRequestAsIputilsWritesIt() {
        byte[] req = IcmpMessage.echoRequest(0x3a75, 1, 0);
        assertThat(req).hasSize(64);
        assertThat(HexFormat.of().formatHex(req, 0, 8)).startsWith("0800").endsWith("3a750001");
        assertThat(req[24]).isEqualTo((byte) 0x10);
        assertThat(req[63]).isEqualTo((byte) 0x37);
        assertThat(IcmpMessage.checksum(req)).as("a correct checksum sums to zero").isZero();
    }

    @Test
    void anEchoReplyWithItsTtl() {
        // an echo reply from 198.51.100.8 to 10.0.0.30 after one router: TTL 63
        byte[] packet = HexFormat.of().parseHex("4500005400004000" + "3f01" + "0000" + "c6336408" + "0a00001e"
                + "0000" + "0000" + "1234" + "0003" + "00".repeat(56));
        ByteBuffer b = ByteBuffer.wrap(packet);
        Ipv4Header ip = Ipv4Header.parse(b);
        assertThat(ip.ttl()).isEqualTo(63);
        assertThat(ip.source()).isEqualTo(Ipv4Address.parse("198.51.100.8"));
        assertThat(ip.protocol()).isEqualTo(Ipv4Header.PROTOCOL_ICMP);
        IcmpMessage m = IcmpMessage.parse(b).orElseThrow();
        assertThat(m.type()).isEqualTo(IcmpMessage.ECHO_REPLY);
        assertThat(m.id()).isEqualTo(0x1234);
        assertThat(m.sequence()).isEqualTo(3);
        assertThat(m.quoted()).isEmpty();
    }

    @Test
    void aRoutersNetUnreachableQuotesTheRequest() {
        String inner = "45000054abcd4000" + "3f01" + "0000" + "0a000002" + "c6336408" + "0800" + "0000" + "beef" + "0002";
        byte[] packet = HexFormat.of().parseHex("45c0007000004000" + "4001" + "0000" + "0a000001" + "0a000002"
                + "0300" + "0000" + "00000000" + inner);
        ByteBuffer b = ByteBuffer.wrap(packet);
        Ipv4Header ip = Ipv4Header.parse(b);
        IcmpMessage m = IcmpMessage.parse(b).orElseThrow();
        assertThat(ip.source()).isEqualTo(Ipv4Address.parse("10.0.0.1"));
        assertThat(m.describe()).isEqualTo("Destination Net Unreachable");
        IcmpMessage.Quoted q = m.quoted().orElseThrow();
        assertThat(q.type()).isEqualTo(IcmpMessage.ECHO);
        assertThat(q.id()).isEqualTo(0xbeef);
        assertThat(q.sequence()).isEqualTo(2);
        assertThat(q.ip().destination()).isEqualTo(Ipv4Address.parse("198.51.100.8"));
    }

    @Test
    void whatPingPrintsForEachError() {
        assertThat(new IcmpMessage(3, 1, 0, 0, java.util.Optional.empty()).describe())
                .isEqualTo("Destination Host Unreachable");
        assertThat(new IcmpMessage(3, 4, 0, 1400, java.util.Optional.empty()).describe())
                .isEqualTo("Frag needed and DF set (mtu = 1400)");
        assertThat(new IcmpMessage(11, 0, 0, 0, java.util.Optional.empty()).describe())
                .isEqualTo("Time to live exceeded");
    }
}
