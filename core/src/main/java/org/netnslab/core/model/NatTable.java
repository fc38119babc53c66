package org.netnslab.core.model;

import java.util.List;

/**
 * The nat table of one namespace: its POSTROUTING rules in order, with their counters, and the counters of
 * each built-in chain's policy (PREROUTING, INPUT, OUTPUT, POSTROUTING).
 */
public record NatTable(List<Entry> postrouting, List<Counters> policyCounters) {

    public static final List<String> CHAINS = List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");

    public static NatTable empty() {
        return new NatTable(List.of(), List.of(Counters.ZERO, Counters.ZERO, Counters.ZERO, Counters.ZERO));
    }

    public record Entry(NatRule rule, Counters counters) {}

    public List<NatRule> rules() {
        return postrouting.stream().map(Entry::rule).toList();
    }
}
