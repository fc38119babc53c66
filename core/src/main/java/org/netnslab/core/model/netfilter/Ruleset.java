package org.netnslab.core.model.netfilter;

import java.util.List;
import java.util.Optional;

/**
 * The nf_tables tables of family {@code ip} of one namespace that iptables-nft made, in the order the kernel
 * keeps them (the order they were made), as {@code nft list ruleset} shows them. A table iptables never
 * touched is not there; iptables still lists its built-in chains, empty, with policy ACCEPT.
 */
public record Ruleset(List<NfTable> tables) {

    public static final Ruleset EMPTY = new Ruleset(List.of());

    public Ruleset {
        tables = List.copyOf(tables);
    }

    public Optional<NfTable> table(Table table) {
        return tables.stream().filter(t -> t.table() == table).findFirst();
    }
}
