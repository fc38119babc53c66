package org.netnslab.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FnmatchTests {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            veth0:*     | veth0:web | true
            veth0:*     | veth0     | false
            veth0*      | veth0     | true
            veth?       | veth0     | true
            veth?       | veth10    | false
            veth[0-3]   | veth2     | true
            veth[!0-3]  | veth2     | false
            veth[!0-3]  | veth7     | true
            veth\\*     | veth*     | true
            veth\\*     | veth0     | false
            veth[       | veth[     | true
            *:*         | lan0:3    | true
            eth0        | eth0      | true
            eth0        | eth00     | false
            """)
    void matchesAsGlibcDoes(String pattern, String s, boolean expected) {
        assertThat(Fnmatch.matches(pattern, s)).isEqualTo(expected);
    }
}
