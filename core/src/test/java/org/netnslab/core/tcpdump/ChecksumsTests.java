package org.netnslab.core.tcpdump;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A checksum a device was left to fill ({@code CHECKSUM_PARTIAL}) filled as the device would have. */
class ChecksumsTests {

    /** Ethernet, IPv4 10.0.0.1 > 10.0.0.2, then a TCP SYN or a UDP datagram with its checksum as the kernel left it. */
    private static byte[] frame(int protocol, int l4Length) {
        byte[] f = new byte[14 + 20 + l4Length];
        f[12] = 0x08;
        f[14] = 0x45;
        f[16] = (byte) ((20 + l4Length) >> 8);
        f[17] = (byte) (20 + l4Length);
        f[22] = 64;
        f[23] = (byte) protocol;
        f[26] = 10;
        f[29] = 1;
        f[30] = 10;
        f[33] = 2;
        for (int i = 34; i < f.length; i++) {
            f[i] = (byte) (i * 7);
        }
        int field = 34 + (protocol == 6 ? 16 : 6);
        int partial = Checksums.pseudoHeader(f, 14, protocol, l4Length);
        f[field] = (byte) (partial >> 8);
        f[field + 1] = (byte) partial;
        return f;
    }

    private static int stored(byte[] f, int field) {
        return (f[field] & 0xff) << 8 | f[field + 1] & 0xff;
    }

    @Test
    void aTcpSegmentsPartialChecksumIsFilled() {
        byte[] partial = frame(6, 21);
        int field = 34 + 16;
        int correct = Checksums.correct(partial, 34, 21, field, Checksums.pseudoHeader(partial, 14, 6, 21));
        assertThat(stored(partial, field)).as("the pseudo-header's sum only").isNotEqualTo(correct);

        byte[] filled = Checksums.filled(partial);

        assertThat(stored(filled, field)).isEqualTo(correct);
        assertThat(Checksums.correct(filled, 34, 21, field, Checksums.pseudoHeader(filled, 14, 6, 21)))
                .isEqualTo(stored(filled, field));
        assertThat(stored(partial, field)).as("the frame read is left as it was").isNotEqualTo(correct);
    }

    @Test
    void aUdpDatagramsToo() {
        byte[] filled = Checksums.filled(frame(17, 12));
        int field = 34 + 6;
        assertThat(Checksums.correct(filled, 34, 12, field, Checksums.pseudoHeader(filled, 14, 17, 12)))
                .isEqualTo(stored(filled, field));
    }

    @Test
    void anArpOrAFragmentIsLeftAsItIs() {
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThat(Checksums.filled(arp)).isSameAs(arp);
        byte[] fragment = frame(6, 21);
        fragment[20] = 0x20; // more fragments
        assertThat(Checksums.filled(fragment)).isSameAs(fragment);
    }
}
