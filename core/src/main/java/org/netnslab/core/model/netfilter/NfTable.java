package org.netnslab.core.model.netfilter;

import java.util.List;
import java.util.Optional;

/**
 * One table as the kernel holds it: its chains in the order they were made (a built-in chain is made when a
 * command first needs it), each with its rules.
 *
 * @param handle the table's nf_tables handle, counted per namespace from 1
 */
public record NfTable(Table table, long handle, List<Chain> chains) {

    public NfTable {
        chains = List.copyOf(chains);
    }

    public Optional<Chain> chain(String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
