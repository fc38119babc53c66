package org.netnslab.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.netnslab.core.net.Ipv4Address;

/**
 * TCP segments both ways against byte arrays: a SYN that Linux 6.1 sent from 10.9.0.1 to 10.9.0.2 port 8080
 * (captured on a veth, its offloaded checksum completed apart by RFC 1071), and a data segment whose checksum
 * was computed apart too.
 */
class TcpSegmentTests {

    private static byte[] hex(String s) {
        return HexFormat.ofDelimiter(" ").parseHex(s);
    }

    private static final Ipv4Address LINUX_SRC = Ipv4Address.parse("10.9.0.1");
    private static final Ipv4Address LINUX_DST = Ipv4Address.parse("10.9.0.2");
    private static final Ipv4Address CLIENT = Ipv4Address.parse("10.0.0.2");
    private static final Ipv4Address SERVER = Ipv4Address.parse("10.0.0.1");

    /** MSS 1460, SACK permitted, TS val 0x30a4a522 ecr 0, NOP, window scale 10. */
    static final byte[] LINUX_SYN = hex("98 82 1f 90 f4 3a 2d 48 00 00 00 00 a0 02 fa f0 89 9b 00 00"
            + " 02 04 05 b4 04 02 08 0a 30 a4 a5 22 00 00 00 00 01 03 03 0a");
    /** 10.0.0.2.40000 > 10.0.0.1.8080: Flags [P.], seq 1000:1006, ack 2000, win 502, "hello\n". */
    static final byte[] DATA = hex("9c 40 1f 90 00 00 03 e8 00 00 07 d0 50 18 01 f6 8e 69 00 00"
            + " 68 65 6c 6c 6f 0a");

    @Test
    void aLinuxSynParsesAndEmits() {
        TcpSegment syn = new TcpSegment(39042, 8080, 0xf43a2d48L, 0, TcpSegment.SYN, 64240,
                hex("02 04 05 b4 04 02 08 0a 30 a4 a5 22 00 00 00 00 01 03 03 0a"), new byte[0]);
        assertThat(TcpSegment.parse(LINUX_SYN, LINUX_SRC, LINUX_DST)).isEqualTo(syn);
        assertThat(syn.toBytes(LINUX_SRC, LINUX_DST)).isEqualTo(LINUX_SYN);
        assertThat(syn.length()).isEqualTo(40);
        assertThat(syn.sequenceLength()).isEqualTo(1);
        assertThat(syn.summary()).isEqualTo("Flags [S], seq 4097453384, length 0");
    }

    @Test
    void aDataSegmentParsesAndEmits() {
        TcpSegment data = new TcpSegment(40000, 8080, 1000, 2000, TcpSegment.PSH | TcpSegment.ACK, 502, new byte[0],
                "hello\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(TcpSegment.parse(DATA, CLIENT, SERVER)).isEqualTo(data);
        assertThat(data.toBytes(CLIENT, SERVER)).isEqualTo(DATA);
        assertThat(data.length()).isEqualTo(26);
        assertThat(data.sequenceLength()).isEqualTo(6);
        assertThat(data.summary(999, 1999)).isEqualTo("Flags [P.], seq 1:7, ack 1, length 6");
    }

    @Test
    void emitWritesAtTheBuffersPosition() {
        ByteBuffer out = ByteBuffer.allocate(4 + DATA.length);
        out.putInt(0xdeadbeef);
        TcpSegment.parse(DATA, CLIENT, SERVER).emit(out, CLIENT, SERVER);
        byte[] tail = new byte[DATA.length];
        out.get(4, tail);
        assertThat(tail).isEqualTo(DATA);
    }

    @Test
    void theChecksumCoversThePseudoHeader() {
        assertThatThrownBy(() -> TcpSegment.parse(DATA, CLIENT, Ipv4Address.parse("10.0.0.3")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("checksum");
        byte[] flipped = DATA.clone();
        flipped[25] ^= 1;
        assertThatThrownBy(() -> TcpSegment.parse(flipped, CLIENT, SERVER)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void shortOrInconsistentSegmentsAreRefused() {
        assertThatThrownBy(() -> TcpSegment.parse(hex("9c 40 1f 90"), CLIENT, SERVER))
                .isInstanceOf(WireFormatException.class);
        TcpSegment bad = new TcpSegment(1, 2, 0, 0, TcpSegment.ACK, 0, new byte[0], new byte[0]);
        byte[] bytes = bad.toBytes(CLIENT, SERVER);
        bytes[12] = (byte) 0xf0; // a data offset of 60 bytes, past the segment's end
        assertThatThrownBy(() -> TcpSegment.parse(bytes, CLIENT, SERVER)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void flagsAreWrittenAsTcpdumpDoes() {
        assertThat(flags(TcpSegment.SYN | TcpSegment.ACK)).isEqualTo("[S.]");
        assertThat(flags(TcpSegment.FIN | TcpSegment.ACK)).isEqualTo("[F.]");
        assertThat(flags(TcpSegment.RST | TcpSegment.ACK)).isEqualTo("[R.]");
        assertThat(flags(TcpSegment.ACK)).isEqualTo("[.]");
    }

    private static String flags(int f) {
        return new TcpSegment(1, 2, 0, 0, f, 0, new byte[0], new byte[0]).flagText();
    }
}
