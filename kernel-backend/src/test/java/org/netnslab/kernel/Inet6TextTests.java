package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IPv6 addresses printed as glibc's inet_ntop prints them, which is what ip shows. */
class Inet6TextTests {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "00000000000000000000000000000001, ::1",
        "00000000000000000000000000000000, ::",
        "fe800000000000005ab438fffedf06db, fe80::5ab4:38ff:fedf:6db",
        "fe800000000000000000000000000001, fe80::1",
        "20010db8000000010000000000000001, 2001:db8:0:1::1",
        "20010db8000000000001000000000001, 2001:db8::1:0:0:1",
        "20010db8000100020003000400050006, 2001:db8:1:2:3:4:5:6",
        "00000000000000000000ffffc0000201, ::ffff:192.0.2.1",
        "000000000000000000000000c0000201, ::192.0.2.1",
        "fd000000000000000000000000000002, fd00::2",
        "00010000000000000000000000000000, 1::",
    })
    void likeInetNtop(String hex, String text) {
        assertThat(Inet6Text.format(HexFormat.of().parseHex(hex))).isEqualTo(text);
    }
}
