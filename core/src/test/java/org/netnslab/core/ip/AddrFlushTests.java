package org.netnslab.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/** ip addr flush's argument loop: what each line filters by, and the tool's words for what it refuses. */
class AddrFlushTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip addr flush dev veth0                  | AddrFlush[device=Optional[veth0], scope=Optional.empty, to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=0, stats=false]
            ip a f veth0                             | AddrFlush[device=Optional[veth0], scope=Optional.empty, to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=0, stats=false]
            ip -4 addr flush dev veth0               | AddrFlush[device=Optional[veth0], scope=Optional.empty, to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=4, stats=false]
            ip addr flush dev veth0 scope host       | AddrFlush[device=Optional[veth0], scope=Optional[254], to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=0, stats=false]
            ip addr flush dev veth0 scope 0x0        | AddrFlush[device=Optional[veth0], scope=Optional[0], to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=0, stats=false]
            ip addr flush dev veth0 scope all        | AddrFlush[device=Optional[veth0], scope=Optional.empty, to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=0, stats=false]
            ip addr flush to 10.0.1.0/24             | AddrFlush[device=Optional.empty, scope=Optional.empty, to=Optional[10.0.1.0/24], label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=4, stats=false]
            ip -s addr flush dev veth0               | AddrFlush[device=Optional[veth0], scope=Optional.empty, to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=0, stats=true]
            ip -s -4 a f dev veth0                   | AddrFlush[device=Optional[veth0], scope=Optional.empty, to=Optional.empty, label=Optional.empty, upOnly=false, secondary=Optional.empty, permanent=Optional.empty, family=4, stats=true]
            ip addr flush label veth0:* up secondary | AddrFlush[device=Optional.empty, scope=Optional.empty, to=Optional.empty, label=Optional[veth0:*], upOnly=true, secondary=Optional[true], permanent=Optional.empty, family=0, stats=false]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip addr flush                            | 1   | Flush requires arguments.
            ip -4 addr flush                         | 1   | Flush requires arguments.
            ip addr flush dev veth0 10.0.0.0/8       | 255 | Error: either "dev" is duplicate, or "10.0.0.0/8" is a garbage.
            ip addr flush dev veth0 scope bogus      | 255 | Error: argument "bogus" is wrong: invalid "scope"\\n\\n
            ip addr flush dev veth0 scope 256        | 255 | Error: argument "256" is wrong: invalid "scope"\\n\\n
            ip addr flush dev veth0 to 10.0.0.300    | 1   | Error: any valid prefix is expected rather than "10.0.0.300".
            ip -4 addr flush dev veth0 to 10.0.0.300 | 1   | Error: inet prefix is expected rather than "10.0.0.300".
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message.replace("\\n", "\n"), status));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip addr flush dev veth0 tentative        | ip address flush tentative
            ip addr flush to fe80::/64               | ip address flush to an IPv6 prefix
            ip -j addr flush dev veth0               | ip -j, -br or -o address flush
            ip -s link                               | ip -s
            ip -stats addr show                      | ip -stats
            """)
    void outsideTheLab(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }
}
