package org.netnslab.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.core.net.Ipv4Cidr;

class MasqueradeShapesTests {

    private static final NatRule MASQ = new NatRule(Optional.of(Ipv4Cidr.parse("10.0.0.0/24")), Optional.of("eth0"));

    @Test
    void aMasqueradeRuleIsTheSameBothWays() {
        Rule r = MasqueradeShapes.rule(MASQ);
        assertEquals(Optional.of(MASQ), MasqueradeShapes.natRule(Table.NAT, "POSTROUTING", r));
    }

    @Test
    void otherShapesAreNotMasqueradeRules() {
        Rule r = MasqueradeShapes.rule(MASQ);
        assertTrue(MasqueradeShapes.natRule(Table.FILTER, "POSTROUTING", r).isEmpty());
        assertTrue(MasqueradeShapes.natRule(Table.NAT, "PREROUTING", r).isEmpty());
        Rule negated = new Rule(r.source(), r.destination(), r.inInterface(),
                Optional.of(new Rule.InterfaceMatch("eth0", true)), r.protocol(), r.matches(), r.target());
        assertTrue(MasqueradeShapes.natRule(Table.NAT, "POSTROUTING", negated).isEmpty());
        assertTrue(MasqueradeShapes.natRule(Table.NAT, "POSTROUTING", Rule.jump(Target.Verdict.ACCEPT)).isEmpty());
        assertTrue(MasqueradeShapes.misplaced(Table.NAT, "PREROUTING", r));
        assertTrue(!MasqueradeShapes.misplaced(Table.NAT, "POSTROUTING", r));
    }

    @Test
    void theNatTableReadsAsItsPostroutingChain() {
        NatTable nat = new NatTable(List.of(new NatTable.Entry(MASQ, new Counters(3, 252))),
                List.of(Counters.ZERO, Counters.ZERO, Counters.ZERO, new Counters(1, 84)));
        Ruleset rs = MasqueradeShapes.ruleset(nat);
        Chain post = rs.table(Table.NAT).orElseThrow().chain("POSTROUTING").orElseThrow();
        assertEquals(new Counters(1, 84), post.counters());
        assertEquals(List.of(new Chain.RuleEntry(MasqueradeShapes.rule(MASQ), new Counters(3, 252), 2)), post.rules());
        assertEquals(Ruleset.EMPTY, MasqueradeShapes.ruleset(NatTable.empty()));
    }
}
