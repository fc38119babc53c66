package org.netnslab.core.iptables;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.Counters;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.NatTable;

/** Prints the nat table as iptables 1.8.9 (nf_tables) does for {@code -S} and {@code -L [-n] [-v]}. */
public final class IptablesFormat {

    private IptablesFormat() {}

    /** {@code iptables -t nat -S [CHAIN]}. */
    public static String rules(NatTable nat, Optional<String> chain) {
        StringBuilder sb = new StringBuilder();
        for (String c : NatTable.CHAINS) {
            if (chain.isEmpty() || chain.get().equals(c)) {
                sb.append("-P ").append(c).append(" ACCEPT\n");
            }
        }
        if (chain.isEmpty() || chain.get().equals("POSTROUTING")) {
            for (NatRule r : nat.rules()) {
                sb.append("-A POSTROUTING");
                r.source().ifPresent(s -> sb.append(" -s ").append(s));
                r.outInterface().ifPresent(o -> sb.append(" -o ").append(o));
                sb.append(r.masquerade() ? " -j MASQUERADE\n" : "\n");
            }
        }
        return sb.toString();
    }

    /** {@code iptables -t nat -L [CHAIN] [-n] [-v]}. */
    public static String list(NatTable nat, Optional<String> chain, boolean numeric, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < NatTable.CHAINS.size(); i++) {
            String c = NatTable.CHAINS.get(i);
            if (chain.isPresent() && !chain.get().equals(c)) {
                continue;
            }
            if (!first) {
                sb.append('\n');
            }
            first = false;
            sb.append("Chain ").append(c).append(" (policy ACCEPT");
            if (verbose) {
                Counters p = nat.policyCounters().get(i);
                sb.append(' ').append(p.packets()).append(" packets, ").append(p.bytes()).append(" bytes");
            }
            sb.append(")\n");
            if (verbose) {
                sb.append(String.format("%5s %5s ", "pkts", "bytes"));
            }
            sb.append(String.format("%-9s ", "target")).append(" prot ").append("opt");
            if (verbose) {
                sb.append(String.format(" %-6s ", "in")).append(String.format("%-6s ", "out"));
            }
            sb.append(String.format(" %-19s ", "source")).append(String.format(" %-19s ", "destination"));
            sb.append('\n');
            if (c.equals("POSTROUTING")) {
                for (NatTable.Entry e : nat.postrouting()) {
                    rule(sb, e, numeric, verbose);
                }
            }
        }
        return sb.toString();
    }

    private static void rule(StringBuilder sb, NatTable.Entry e, boolean numeric, boolean verbose) {
        NatRule r = e.rule();
        if (verbose) {
            sb.append(count(e.counters().packets())).append(count(e.counters().bytes()));
        }
        sb.append(String.format("%-9s ", r.masquerade() ? "MASQUERADE" : ""));
        sb.append(' ').append(String.format("%-5s", numeric ? "0" : "all"));
        sb.append("-- ");
        if (verbose) {
            String any = numeric ? "*" : "any";
            sb.append(' ').append(String.format("%-6s ", any));
            sb.append(String.format("%-6s ", r.outInterface().orElse(any)));
        }
        String anywhere = numeric ? "0.0.0.0/0" : "anywhere";
        String src = r.source().map(s -> s.prefixLength() == 32 ? s.address().toString() : s.toString())
                .orElse(anywhere);
        sb.append(' ').append(String.format("%-19s ", src));
        sb.append(' ').append(String.format("%-19s ", anywhere));
        sb.append('\n');
    }

    /** xtables_print_num: five columns, then K, M, G as the number grows. */
    static String count(long n) {
        List<String> units = List.of("", "K", "M", "G", "T");
        if (n <= 99999) {
            return String.format("%5d ", n);
        }
        int u = 0;
        while (n > 9999 && u < units.size() - 1) {
            n /= 1000;
            u++;
        }
        return String.format("%4d%s ", n, units.get(u));
    }
}
