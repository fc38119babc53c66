package org.netnslab.core.model.netfilter;

import java.util.List;
import java.util.Optional;

/**
 * The tables of iptables-nft that a lab has, each an nf_tables table of family {@code ip} with its built-in
 * chains, in the order iptables lists them, and the hook and priority each chain is registered with
 * ({@code xtables_ipv4[]} in iptables/nft.c).
 */
public enum Table {
    FILTER("filter", List.of(
            new BuiltinChain("INPUT", Hook.INPUT, 0),
            new BuiltinChain("FORWARD", Hook.FORWARD, 0),
            new BuiltinChain("OUTPUT", Hook.OUTPUT, 0))),
    NAT("nat", List.of(
            new BuiltinChain("PREROUTING", Hook.PREROUTING, -100),
            new BuiltinChain("INPUT", Hook.INPUT, 100),
            new BuiltinChain("OUTPUT", Hook.OUTPUT, -100),
            new BuiltinChain("POSTROUTING", Hook.POSTROUTING, 100)));

    /** The five places of the IPv4 path where netfilter sits ({@code enum nf_inet_hooks}). */
    public enum Hook {
        PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING
    }

    /**
     * A built-in chain: the base chain iptables-nft makes on first use, of type {@code filter} or {@code nat}.
     *
     * @param priority the hook priority: {@code NF_IP_PRI_NAT_DST} -100, {@code NF_IP_PRI_FILTER} 0,
     *     {@code NF_IP_PRI_NAT_SRC} 100; lower runs first
     */
    public record BuiltinChain(String name, Hook hook, int priority) {}

    private final String iptablesName;
    private final List<BuiltinChain> builtins;

    Table(String iptablesName, List<BuiltinChain> builtins) {
        this.iptablesName = iptablesName;
        this.builtins = builtins;
    }

    /** The name {@code -t} takes and nft shows: {@code filter}, {@code nat}. */
    public String iptablesName() {
        return iptablesName;
    }

    /** The built-in chains, in iptables' order. */
    public List<BuiltinChain> builtins() {
        return builtins;
    }

    public Optional<BuiltinChain> builtin(String chain) {
        return builtins.stream().filter(b -> b.name().equals(chain)).findFirst();
    }

    public boolean isBuiltin(String chain) {
        return builtin(chain).isPresent();
    }

    public static Optional<Table> byName(String name) {
        for (Table t : values()) {
            if (t.iptablesName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
