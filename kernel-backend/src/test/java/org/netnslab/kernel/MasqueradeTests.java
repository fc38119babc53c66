package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.kernel.netlink.Dumps;
import org.netnslab.kernel.netlink.NftExpr;
import org.netnslab.kernel.netlink.NftRule;

/** Masquerade rules written as iptables-nft writes them, and read back as iptables reads them. */
class MasqueradeTests {

    @Test
    void theRuleIptablesWroteReadsBack() {
        NftRule r = NftRule.parse(Dumps.load("nft-newrule").message());
        assertThat(Masquerade.rule(r.expressions()))
                .contains(new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/20")), Optional.of("eth0"), true));
        assertThat(Masquerade.expressions(new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/20")), Optional.of("eth0"))))
                .isEqualTo(r.expressions());
    }

    @ParameterizedTest(name = "-s {0} -o {1} masquerade={2}")
    @CsvSource(nullValues = "-", value = {
        "-, -, true",
        "10.0.0.0/24, -, true",
        "10.0.0.7/32, -, true",
        "10.0.0.0/20, eth0, true",
        "10.1.2.0/23, -, false",
        "-, veth+, true",
        "0.0.0.0/1, -, true",
    })
    void everyRuleReadsBackAsItWasWritten(String source, String out, boolean masquerade) {
        NatRule rule = new NatRule(Optional.ofNullable(source).map(Ipv4Cidr::parse), Optional.ofNullable(out),
                masquerade);
        assertThat(Masquerade.rule(Masquerade.expressions(rule))).contains(rule);
    }

    @Test
    void dockersRuleWithNotOutIsNotOfTheMasqueradeShape() {
        NftRule docker = NftRule.parse(Dumps.load("netfilter/n-a-masq-not-o").messages().get(2));
        assertThat(docker.expressions()).hasSize(6);
        assertThat(Masquerade.rule(docker.expressions())).isEmpty();
        NftRule notSource = NftRule.parse(Dumps.load("netfilter/f-a-not-s").messages().get(1));
        assertThat(Masquerade.rule(notSource.expressions())).isEmpty();
    }

    @Test
    void byteAlignedPrefixesNeedNoBitwise() {
        List<NftExpr> exprs = Masquerade.expressions(new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/24")),
                Optional.empty()));
        assertThat(exprs).hasSize(4).noneMatch(e -> e instanceof NftExpr.Bitwise);
        assertThat(((NftExpr.Payload) exprs.get(0)).len()).isEqualTo(3);
    }

    @Test
    void asIptablesStoresIt() {
        NatRule typed = new NatRule(Optional.of(Ipv4Cidr.parse("10.1.2.3/23")), Optional.empty(), false);
        assertThat(Masquerade.normalize(typed).source()).contains(Ipv4Cidr.parse("10.1.2.0/23"));
        NatRule everywhere = new NatRule(Optional.of(Ipv4Cidr.parse("0.0.0.0/0")), Optional.of("eth0"));
        assertThat(Masquerade.normalize(everywhere).source()).isEmpty();
    }
}
