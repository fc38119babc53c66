package org.netnslab.core.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.iptables.Iptables.NatChange;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.shell.Bash;

/** iptables' arguments as iptables 1.8.9 (nf_tables) reads them. */
class IptablesParserTests {

    /** Lines the tool accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            iptables -t nat -nvL                       | NatList[chain=Optional.empty, numeric=true, verbose=true]
            iptables -t nat -D POSTROUTING 5           | NatDeleteNumber[chain=POSTROUTING, number=5]
            iptables -t nat -F                         | NatFlush[chain=Optional.empty]
            iptables -t nat -S                         | NatListRules[chain=Optional.empty]
            iptables -t nat -L -n -v                   | NatList[chain=Optional.empty, numeric=true, verbose=true]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            iptables -t nat -A                   | 2   | iptables v1.8.9 (nf_tables): option "-A" requires an argument\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables ÿ                           | 2   | Bad argument `ÿ'\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t nat -A PREROUTING -j MASQUERADE | 4 | iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain PREROUTING
            iptables -t nat -A POSTROUTING -s 10.0.0.300/24 -j MASQUERADE | 2 | iptables v1.8.9 (nf_tables): host/network `10.0.0.300' not found\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables                             | 2   | iptables v1.8.9 (nf_tables): no command specified\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t bogus -L                 | 3   | iptables v1.8.9 (nf_tables): table 'bogus' does not exist\\nPerhaps iptables or your kernel needs to be upgraded.
            iptables -t nat -A FOO -j MASQUERADE | 1   | iptables: No chain/target/match by that name.
            iptables -t nat -A POSTROUTING -s 10.0.0.0/33 -j MASQUERADE | 2 | iptables v1.8.9 (nf_tables): invalid mask `33' specified\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t nat -A POSTROUTING -s foo -j MASQUERADE | 2 | iptables v1.8.9 (nf_tables): host/network `foo' not found\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t nat -A POSTROUTING -j FOO | 2  | iptables v1.8.9 (nf_tables): Chain 'FOO' does not exist\\nTry `iptables -h' or 'iptables --help' for more information.
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message.replace("\\n", "\n"), status));
    }

    @Test
    void masqueradeSourceIsStoredAsItsNetwork() {
        assertThat(Bash.parse("iptables -t nat -A POSTROUTING -s 10.0.0.5/24 -o eth0 -j MASQUERADE")).isEqualTo(
                new NatChange(true, new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/24")), Optional.of("eth0"))));
    }

    @Test
    void whatTheLabDoesNotSimulateIsSaidPlainly() {
        assertThat(Bash.parse("iptables -A FORWARD -j ACCEPT")).isInstanceOf(Unsupported.class);
    }
}
