package org.netnslab.core.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.iptables.Iptables.IptablesCommand;
import org.netnslab.core.model.netfilter.Match;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.shell.Bash;

/** iptables' arguments as iptables 1.8.9 (nf_tables) reads them. */
class IptablesParserTests {

    private static Iptables.Request request(String line) {
        Command c = Bash.parse(line);
        assertThat(c).isInstanceOf(IptablesCommand.class);
        return ((IptablesCommand) c).request();
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            iptables -t nat -A                   | 2   | iptables v1.8.9 (nf_tables): option "-A" requires an argument\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables ÿ                           | 2   | Bad argument `ÿ'\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t nat -A POSTROUTING -s 10.0.0.300/24 -j MASQUERADE | 2 | iptables v1.8.9 (nf_tables): host/network `10.0.0.300' not found\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables                             | 2   | iptables v1.8.9 (nf_tables): no command specified\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t bogus -L                 | 3   | iptables v1.8.9 (nf_tables): table 'bogus' does not exist\\nPerhaps iptables or your kernel needs to be upgraded.
            iptables -t nat -A POSTROUTING -s 10.0.0.0/33 -j MASQUERADE | 2 | iptables v1.8.9 (nf_tables): invalid mask `33' specified\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -A INPUT ! ! -s 1.2.3.4 -j ACCEPT | 2 | iptables v1.8.9 (nf_tables): multiple consecutive ! not allowed\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -A INPUT --dport 80 -j ACCEPT | 2 | iptables v1.8.9 (nf_tables): unknown option "--dport"\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -A INPUT -p tcp --dport 99999 -j ACCEPT | 2 | iptables v1.8.9 (nf_tables): invalid port/service `99999' specified\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4:80 | 2 | iptables v1.8.9 (nf_tables): Need TCP, UDP, SCTP or DCCP with port specification\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -t nat -A PREROUTING -j DNAT | 2 | iptables v1.8.9 (nf_tables): DNAT: option "--to-destination" must be specified\\n\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -N ACCEPT                   | 2   | iptables v1.8.9 (nf_tables): chain name may not clash with target name\\nTry `iptables -h' or 'iptables --help' for more information.
            iptables -D INPUT 0                  | 2   | iptables v1.8.9 (nf_tables): Invalid rule number `0'\\nTry `iptables -h' or 'iptables --help' for more information.
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message.replace("\\n", "\n"), status));
    }

    @Test
    void aSourceIsStoredAsItsNetwork() {
        Rule r = request("iptables -t nat -A POSTROUTING -s 10.0.0.5/24 ! -o eth0 -j MASQUERADE").rule();
        assertThat(r.source()).contains(new Rule.AddressMatch(Ipv4Cidr.parse("10.0.0.0/24"), false));
        assertThat(r.outInterface()).contains(new Rule.InterfaceMatch("eth0", true));
        assertThat(r.target()).contains(Target.Masquerade.PLAIN);
    }

    @Test
    void aProtocolLoadsItsMatchAndATargetItsOptions() {
        Iptables.Request q = request("iptables -t nat -I DOCKER 2 ! -i docker0 -p tcp --dport 8080 "
                + "-j DNAT --to-destination 172.17.0.2:80");
        assertThat(q.command()).isEqualTo('I');
        assertThat(q.table()).isEqualTo(Table.NAT);
        assertThat(q.ruleNumber()).contains(2);
        assertThat(q.rule().matches()).containsExactly(new Match.Ports(6, Optional.empty(),
                Optional.of(Match.PortRange.of(8080))));
        assertThat(q.rule().target()).contains(new Target.Dnat(new Target.NatRange(Ipv4Address.parse("172.17.0.2"),
                Ipv4Address.parse("172.17.0.2"), Optional.of(Match.PortRange.of(80)))));
    }

    @Test
    void conntrackStatesAreASet() {
        Rule r = request("iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT").rule();
        assertThat(r.matches()).containsExactly(new Match.Conntrack(EnumSet.of(Match.CtState.RELATED,
                Match.CtState.ESTABLISHED), false));
        assertThat(r.target()).contains(Target.Verdict.ACCEPT);
    }

    @Test
    void listingFlagsCombine() {
        Iptables.Request q = request("iptables -nvL FORWARD --line-numbers");
        assertThat(List.of(q.numeric(), q.verbose(), q.lineNumbers())).containsOnly(true);
        assertThat(q.chain()).contains("FORWARD");
    }

    @Test
    void whatTheLabDoesNotSimulateIsSaidPlainly() {
        assertThat(Bash.parse("iptables -t mangle -A PREROUTING -j ACCEPT")).isInstanceOf(Unsupported.class);
        assertThat(Bash.parse("iptables -A INPUT -m multiport --dports 1,2 -j ACCEPT")).isInstanceOf(Unsupported.class);
    }
}
