package org.netnslab.core.model.netfilter;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.Counters;

/**
 * A chain of a table: a base chain (a built-in one, hooked into the IPv4 path, with its policy and counters)
 * or a user chain ({@code -N}, a regular chain without hook or policy).
 *
 * @param handle the chain's nf_tables handle; chains and rules of a table share one count, from 1
 * @param base the hook, priority and policy of a base chain; empty for a user chain
 * @param counters what reached a base chain's policy; zero for a user chain
 * @param rules in order; rule number N of iptables is {@code rules.get(N - 1)}
 */
public record Chain(String name, long handle, Optional<Base> base, Counters counters, List<RuleEntry> rules) {

    public Chain {
        rules = List.copyOf(rules);
    }

    /** A built-in chain of {@code table}, as iptables-nft makes it. */
    public static Chain builtin(Table table, String name, long handle, Policy policy, Counters counters,
            List<RuleEntry> rules) {
        Table.BuiltinChain b = table.builtin(name).orElseThrow();
        return new Chain(name, handle, Optional.of(new Base(b.hook(), b.priority(), policy)), counters, rules);
    }

    public boolean isBase() {
        return base.isPresent();
    }

    public Optional<Policy> policy() {
        return base.map(Base::policy);
    }

    /**
     * What makes a chain a base chain: where it hooks, at what priority, and its policy. A renamed built-in
     * chain ({@code -E INPUT X}, which iptables-nft lets through) keeps them.
     */
    public record Base(Table.Hook hook, int priority, Policy policy) {}

    /** A rule in its chain, with what it counted and its nf_tables handle. */
    public record RuleEntry(Rule rule, Counters counters, long handle) {}
}
