package org.netnslab.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;

/**
 * Each packet format both ways against one byte array (smoltcp's way): the value parsed from the bytes, and
 * the bytes emitted from the value. Checksums in the arrays were computed apart, by RFC 1071.
 */
class WireFormatTests {

    private static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    private static final MacAddress A = MacAddress.fromBytes(hex("02 00 00 00 00 01"), 0);
    private static final MacAddress B = MacAddress.fromBytes(hex("02 00 00 00 00 02"), 0);
    private static final Ipv4Address IP_A = Ipv4Address.parse("10.0.0.1");
    private static final Ipv4Address IP_B = Ipv4Address.parse("10.0.0.2");

    static final byte[] ARP_REQUEST = hex("00 01 08 00 06 04 00 01 02 00 00 00 00 01 0a 00 00 01"
            + " 00 00 00 00 00 00 0a 00 00 02");
    static final byte[] ARP_REPLY = hex("00 01 08 00 06 04 00 02 02 00 00 00 00 02 0a 00 00 02"
            + " 02 00 00 00 00 01 0a 00 00 01");
    static final byte[] ICMP_ECHO = hex("08 00 21 04 12 34 00 01 61 62 63 64");
    static final byte[] IPV4_ECHO = hex("45 00 00 20 00 07 40 00 40 01 26 d4 0a 00 00 01 0a 00 00 02"
            + " 08 00 21 04 12 34 00 01 61 62 63 64");

    @Test
    void arpRequestParsesAndEmits() {
        ArpPacket arp = ArpPacket.request(A, IP_A, IP_B);
        assertThat(ArpPacket.parse(ARP_REQUEST)).isEqualTo(arp);
        assertThat(arp.toBytes()).isEqualTo(ARP_REQUEST);
        assertThat(arp.length()).isEqualTo(ARP_REQUEST.length);
    }

    @Test
    void arpReplyParsesAndEmits() {
        ArpPacket arp = ArpPacket.reply(B, IP_B, A, IP_A);
        assertThat(ArpPacket.parse(ARP_REPLY)).isEqualTo(arp);
        assertThat(arp.toBytes()).isEqualTo(ARP_REPLY);
    }

    @Test
    void ethernetFrameCarryingArpParsesAndEmits() {
        byte[] bytes = new byte[14 + ARP_REQUEST.length];
        System.arraycopy(hex("ff ff ff ff ff ff 02 00 00 00 00 01 08 06"), 0, bytes, 0, 14);
        System.arraycopy(ARP_REQUEST, 0, bytes, 14, ARP_REQUEST.length);
        EthernetFrame frame = new EthernetFrame(MacAddress.BROADCAST, A, EtherType.ARP, ARP_REQUEST);
        assertThat(EthernetFrame.parse(bytes)).isEqualTo(frame);
        assertThat(frame.toBytes()).isEqualTo(bytes);
        assertThat(frame.length()).isEqualTo(42);
    }

    @Test
    void icmpEchoParsesAndEmitsWithItsChecksum() {
        IcmpPacket echo = IcmpPacket.echoRequest(0x1234, 1, "abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(echo.toBytes()).isEqualTo(ICMP_ECHO);
        IcmpPacket parsed = IcmpPacket.parse(ICMP_ECHO);
        assertThat(parsed).isEqualTo(echo);
        assertThat(parsed.identifier()).isEqualTo(0x1234);
        assertThat(parsed.sequence()).isEqualTo(1);
    }

    @Test
    void ipv4ParsesAndEmitsWithItsHeaderChecksum() {
        Ipv4Packet p = new Ipv4Packet(0, 7, Ipv4Packet.DONT_FRAGMENT, 64, Ipv4Packet.PROTO_ICMP, IP_A, IP_B, ICMP_ECHO);
        assertThat(p.toBytes()).isEqualTo(IPV4_ECHO);
        assertThat(Ipv4Packet.parse(IPV4_ECHO)).isEqualTo(p);
        assertThat(p.length()).isEqualTo(32);
    }

    @Test
    void parsingReadsFromTheBufferPositionAndLeavesTheRest() {
        ByteBuffer in = ByteBuffer.allocate(2 + IPV4_ECHO.length + 3);
        in.put(new byte[] {9, 9}).put(IPV4_ECHO).put(new byte[] {7, 7, 7}).flip();
        in.position(2);
        Ipv4Packet p = Ipv4Packet.parse(in);
        assertThat(p.destination()).isEqualTo(IP_B);
        assertThat(in.remaining()).isEqualTo(3);
    }

    @Test
    void anEchoReplyKeepsIdentifierSequenceAndData() {
        IcmpPacket reply = IcmpPacket.parse(ICMP_ECHO).echoReply();
        IcmpPacket back = IcmpPacket.parse(reply.toBytes());
        assertThat(back.type()).isEqualTo(IcmpPacket.ECHO_REPLY);
        assertThat(back.identifier()).isEqualTo(0x1234);
        assertThat(back.sequence()).isEqualTo(1);
        assertThat(back.data()).isEqualTo("abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void anErrorQuotesTheOffendingHeaderAndEightBytes() {
        Ipv4Packet offending = Ipv4Packet.parse(IPV4_ECHO);
        IcmpPacket error = IcmpPacket.error(IcmpPacket.DEST_UNREACH, IcmpPacket.HOST_UNREACH, offending);
        assertThat(error.data()).hasSize(28);
        IcmpPacket parsed = IcmpPacket.parse(error.toBytes());
        IcmpPacket.QuotedDatagram q = parsed.quoted();
        assertThat(q.source()).isEqualTo(IP_A);
        assertThat(q.destination()).isEqualTo(IP_B);
        assertThat(q.icmpType()).isEqualTo(IcmpPacket.ECHO_REQUEST);
        assertThat(q.icmpId()).isEqualTo(0x1234);
        assertThat(q.icmpSequence()).isEqualTo(1);
    }

    @Test
    void checksumOfOddLengthPadsWithZero() {
        assertThat(Checksum.of(hex("01"), 0, 1)).isEqualTo(0xfeff);
        assertThat(Checksum.of(ICMP_ECHO, 0, ICMP_ECHO.length)).isZero();
    }

    static Stream<Arguments> malformed() {
        byte[] badIpChecksum = IPV4_ECHO.clone();
        badIpChecksum[11] ^= 1;
        byte[] badIcmpChecksum = ICMP_ECHO.clone();
        badIcmpChecksum[3] ^= 1;
        byte[] ipv6 = IPV4_ECHO.clone();
        ipv6[0] = 0x65;
        byte[] truncated = java.util.Arrays.copyOf(IPV4_ECHO, 25);
        byte[] arpForIpv6 = ARP_REQUEST.clone();
        arpForIpv6[2] = (byte) 0x86;
        arpForIpv6[3] = (byte) 0xdd;
        return Stream.of(
                Arguments.of("ipv4 with a bad header checksum", (Runnable) () -> Ipv4Packet.parse(badIpChecksum)),
                Arguments.of("ipv4 whose total length runs past the bytes", (Runnable) () -> Ipv4Packet.parse(truncated)),
                Arguments.of("an IPv6 header", (Runnable) () -> Ipv4Packet.parse(ipv6)),
                Arguments.of("icmp with a bad checksum", (Runnable) () -> IcmpPacket.parse(badIcmpChecksum)),
                Arguments.of("icmp shorter than a header", (Runnable) () -> IcmpPacket.parse(hex("08 00 00"))),
                Arguments.of("arp for another protocol", (Runnable) () -> ArpPacket.parse(arpForIpv6)),
                Arguments.of("arp shorter than a packet", (Runnable) () -> ArpPacket.parse(hex("00 01 08 00"))),
                Arguments.of("ethernet shorter than a header", (Runnable) () -> EthernetFrame.parse(hex("ff ff ff"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBytesAreRefused(String what, Runnable parse) {
        assertThatThrownBy(parse::run).isInstanceOf(WireFormatException.class);
    }
}
