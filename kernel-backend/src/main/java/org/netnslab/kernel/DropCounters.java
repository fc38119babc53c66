package org.netnslab.kernel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.netnslab.core.iptables.IptablesFormat;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Policy;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Target;
import org.netnslab.kernel.sys.SyscallException;

/**
 * Why the kernel dropped a packet, in its own words: the counters of the namespace where the packet was last
 * seen that went up while a ping ran. The kernel's drop reasons proper ({@code skb:kfree_skb}) are a tracepoint
 * of the whole machine, which the lab does not read; but the namespace's own counters, what {@code nstat} reads
 * from {@code /proc/net/snmp} and {@code /proc/net/netstat}, and its nf_tables rules' and policies' counters,
 * what {@code iptables -L -v} shows, move with each drop they count. Each is named with the drop reason
 * ({@code [IP_INADDRERRORS]}, {@code [NETFILTER_DROP]}) the kernel gives for it, as the simulator names them.
 *
 * <p>The two files are opened inside each namespace as it is made ({@link LabNamespace#snmp}) and kept: reading
 * them is a {@code pread} each.
 */
final class DropCounters {

    /** The kernel's counters that count a drop, as nstat names them, with what they mean and the drop reason. */
    private static final Map<String, String> DROPS = new LinkedHashMap<>();

    static {
        DROPS.put("TcpExtIPReversePathFilter", "refused by the reverse path filter (rp_filter: "
                + "TcpExtIPReversePathFilter) [IP_RPFILTER]");
        DROPS.put("IpInAddrErrors", "not for this namespace%s [IP_INADDRERRORS]");
        DROPS.put("IpExtInNoRoutes", "no route to its destination (IpExtInNoRoutes) [IP_INNOROUTES]");
        DROPS.put("IpOutNoRoutes", "no route out (IpOutNoRoutes) [IP_OUTNOROUTES]");
        DROPS.put("IpInHdrErrors", "a header error, a TTL run out or a bad checksum (IpInHdrErrors) [IP_INHDR]");
        DROPS.put("IpInDiscards", "discarded on the way in (IpInDiscards) [IP_INDISCARDS]");
        DROPS.put("IpOutDiscards", "discarded on the way out (IpOutDiscards) [IP_OUTDISCARDS]");
    }

    /**
     * The counters of every namespace now, as a ping starts.
     *
     * @param rules a namespace's ruleset with its counters, or empty when the kernel does not say
     */
    static Since since(Map<String, LabNamespace> namespaces, Function<LabNamespace, Optional<Ruleset>> rules) {
        Map<String, Reading> before = new HashMap<>();
        namespaces.forEach((name, ns) -> read(ns, rules).ifPresent(r -> before.put(name, r)));
        return new Since(namespaces, rules, before);
    }

    private record Reading(Map<String, Long> counters, Optional<Ruleset> rules) {}

    private static Optional<Reading> read(LabNamespace ns, Function<LabNamespace, Optional<Ruleset>> rules) {
        if (ns.snmp.isEmpty() || ns.netstat.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Long> counters = new HashMap<>();
            parse(ns.snmp.get().read(16384), counters);
            parse(ns.netstat.get().read(16384), counters);
            return Optional.of(new Reading(counters, rules.apply(ns)));
        } catch (SyscallException e) {
            return Optional.empty();
        }
    }

    /** {@code Ip: Forwarding DefaultTTL ...} then {@code Ip: 2 64 ...}: each name with its group, as nstat does. */
    static void parse(String text, Map<String, Long> into) {
        String[] lines = text.split("\n");
        for (int i = 0; i + 1 < lines.length; i += 2) {
            String[] names = lines[i].split(" ");
            String[] values = lines[i + 1].split(" ");
            if (names.length != values.length || !names[0].endsWith(":") || !names[0].equals(values[0])) {
                continue;
            }
            String group = names[0].substring(0, names[0].length() - 1);
            for (int k = 1; k < names.length; k++) {
                try {
                    into.put(group + names[k], Long.parseLong(values[k]));
                } catch (NumberFormatException e) {
                    // a value that is not a count (none in these files): left out
                }
            }
        }
    }

    /** The counters as a ping started, to tell what went up since. */
    static final class Since {

        private final Map<String, LabNamespace> namespaces;
        private final Function<LabNamespace, Optional<Ruleset>> rules;
        private final Map<String, Reading> before;
        private final Map<String, Optional<String>> told = new HashMap<>();

        private Since(Map<String, LabNamespace> namespaces, Function<LabNamespace, Optional<Ruleset>> rules,
                Map<String, Reading> before) {
            this.namespaces = Map.copyOf(namespaces);
            this.rules = rules;
            this.before = before;
        }

        /**
         * Why a packet last seen in this namespace died there, from what its counters counted since the ping
         * started: the rule or policy that dropped it first, else the first counter of the kernel's that did;
         * empty when none moved.
         */
        Optional<String> why(String namespace) {
            return told.computeIfAbsent(namespace, this::tell);
        }

        private Optional<String> tell(String namespace) {
            LabNamespace ns = namespaces.get(namespace);
            Reading then = before.get(namespace);
            if (ns == null || then == null) {
                return Optional.empty();
            }
            Optional<Reading> now = read(ns, rules);
            if (now.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> rule = netfilter(then.rules(), now.get().rules());
            if (rule.isPresent()) {
                return rule;
            }
            for (Map.Entry<String, String> d : DROPS.entrySet()) {
                long up = now.get().counters().getOrDefault(d.getKey(), 0L)
                        - then.counters().getOrDefault(d.getKey(), 0L);
                if (up > 0) {
                    String forwarding = now.get().counters().getOrDefault("IpForwarding", 1L) == 2
                            ? ", and forwarding is off (net.ipv4.ip_forward = 0; IpInAddrErrors)"
                            : " (IpInAddrErrors)";
                    return Optional.of(d.getValue().replace("%s", forwarding));
                }
            }
            return Optional.empty();
        }
    }

    /** The first DROP or REJECT rule, or DROP policy, whose packets went up, named as the simulator names it. */
    static Optional<String> netfilter(Optional<Ruleset> before, Optional<Ruleset> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        for (NfTable t : after.get().tables()) {
            for (Chain c : t.chains()) {
                Optional<Chain> was = before.get().table(t.table()).flatMap(b -> b.chain(c.name()));
                for (int i = 0; i < c.rules().size(); i++) {
                    Chain.RuleEntry r = c.rules().get(i);
                    boolean drops = r.rule().target().filter(x -> x == Target.Verdict.DROP || x instanceof Target.Reject)
                            .isPresent();
                    long then = was.filter(w -> w.rules().size() > 0).flatMap(w -> w.rules().stream()
                            .filter(e -> e.handle() == r.handle()).findFirst()).map(e -> e.counters().packets())
                            .orElse(0L);
                    if (drops && r.counters().packets() > then) {
                        String rule = IptablesFormat.rule("X", r.rule()).substring("-A X ".length())
                                .replace(" --reject-with icmp-port-unreachable", "");
                        String verdict = r.rule().target().get() == Target.Verdict.DROP ? "dropped" : "rejected";
                        return Optional.of(verdict + " by " + t.table().iptablesName() + "/" + c.name() + " rule "
                                + (i + 1) + " " + rule + " [NETFILTER_DROP]");
                    }
                }
                long policyThen = was.map(w -> w.counters().packets()).orElse(0L);
                if (c.policy().equals(Optional.of(Policy.DROP)) && c.counters().packets() > policyThen) {
                    return Optional.of("dropped by " + t.table().iptablesName() + "/" + c.name() + " policy DROP"
                            + " [NETFILTER_DROP]");
                }
            }
        }
        return Optional.empty();
    }
}
