package org.netnslab.core.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Rule;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;
import org.netnslab.core.model.netfilter.Target;

/**
 * The rules {@link Backend}'s masquerade methods cover, seen as rules of the general model: what its default
 * netfilter methods use, for a backend that knows only {@code -t nat -A POSTROUTING [-s CIDR] [-o DEV] -j
 * MASQUERADE}.
 */
final class MasqueradeShapes {

    private MasqueradeShapes() {}

    /** The masquerade rule this rule of nat POSTROUTING is, if it is one of that shape. */
    static Optional<NatRule> natRule(Table table, String chain, Rule r) {
        if (table != Table.NAT || !chain.equals("POSTROUTING") || r.destination().isPresent()
                || r.inInterface().isPresent() || r.protocol().isPresent() || !r.matches().isEmpty()
                || r.source().map(Rule.AddressMatch::negated).orElse(false)
                || r.outInterface().map(Rule.InterfaceMatch::negated).orElse(false)
                || r.target().map(t -> !t.equals(Target.Masquerade.PLAIN)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new NatRule(r.source().map(Rule.AddressMatch::network),
                r.outInterface().map(Rule.InterfaceMatch::name), r.target().isPresent()));
    }

    /** A MASQUERADE outside nat POSTROUTING, which the kernel refuses with EINVAL ({@code nft_masq_validate}). */
    static boolean misplaced(Table table, String chain, Rule r) {
        return r.target().filter(t -> t instanceof Target.Masquerade).isPresent()
                && (table != Table.NAT || !chain.equals("POSTROUTING"));
    }

    static Rule rule(NatRule n) {
        return new Rule(n.source().map(s -> new Rule.AddressMatch(s, false)), Optional.empty(), Optional.empty(),
                n.outInterface().map(o -> new Rule.InterfaceMatch(o, false)), Optional.empty(), List.of(),
                n.masquerade() ? Optional.of(Target.Masquerade.PLAIN) : Optional.empty());
    }

    /** The nat table as the general model has it: its POSTROUTING chain, once it holds a rule or counted. */
    static Ruleset ruleset(NatTable nat) {
        boolean counted = nat.policyCounters().stream().anyMatch(c -> !c.equals(Counters.ZERO));
        if (nat.postrouting().isEmpty() && !counted) {
            return Ruleset.EMPTY;
        }
        List<Chain> chains = new ArrayList<>();
        long handle = 1;
        for (int i = 0; i < NatTable.CHAINS.size(); i++) {
            String name = NatTable.CHAINS.get(i);
            boolean post = name.equals("POSTROUTING");
            if (!post && nat.policyCounters().get(i).equals(Counters.ZERO)) {
                continue;
            }
            long chainHandle = handle++;
            List<Chain.RuleEntry> rules = new ArrayList<>();
            if (post) {
                for (NatTable.Entry e : nat.postrouting()) {
                    rules.add(new Chain.RuleEntry(rule(e.rule()), e.counters(), handle++));
                }
            }
            chains.add(Chain.builtin(Table.NAT, name, chainHandle, Policy.ACCEPT, nat.policyCounters().get(i), rules));
        }
        return new Ruleset(List.of(new NfTable(Table.NAT, 1, chains)));
    }
}
