package org.netnslab.core.hostname;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/** hostname's command lines: -I is the lab's; the host's name is not. */
class HostnameParserTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hostname -I                    | AllAddresses[]
            hostname --all-ip-addresses    | AllAddresses[]
            ip netns exec blue hostname -I | InNamespace[namespace=blue, inner=AllAddresses[], exec=true]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hostname       | hostname without -I
            hostname -f    | hostname -f
            """)
    void unsupported(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }
}
