package org.netnslab.core.iptables;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Getopt;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * {@code iptables -t nat ...}, as iptables 1.8.9 (nf_tables) reads its arguments ({@code do_parse} in
 * iptables/xshared.c, called by {@code do_commandx} in xtables.c) and changes or lists the nat table, with
 * its MASQUERADE rules; the other tables are said to be outside the lab. The commands are below, each with
 * its run; {@link IptablesFormat} prints the table.
 */
public final class Iptables {

    private static final String IPTABLES = "iptables v1.8.9 (nf_tables): ";
    private static final String IPTABLES_TRY = "Try `iptables -h' or 'iptables --help' for more information.";
    private static final String NO_CHAIN = "iptables: No chain/target/match by that name.";

    /**
     * The getopt string, as far as a lab reads it: the commands and the options of a MASQUERADE rule, and the
     * other options iptables has, said to be outside the lab.
     */
    private static final String OPTIONS = "t:s:o:j:A:D:L::S::F::X::Z::nvINPREdpimgwWcx46";

    /** iptables' long options that a lab reads, and the short option each stands for. */
    private static final Map<String, Character> LONG_OPTIONS = Map.ofEntries(Map.entry("table", 't'),
            Map.entry("append", 'A'), Map.entry("delete", 'D'), Map.entry("list", 'L'), Map.entry("list-rules", 'S'),
            Map.entry("flush", 'F'), Map.entry("delete-chain", 'X'), Map.entry("source", 's'), Map.entry("src", 's'),
            Map.entry("out-interface", 'o'), Map.entry("jump", 'j'), Map.entry("numeric", 'n'),
            Map.entry("verbose", 'v'));

    private Iptables() {}

    /** {@code iptables -t nat -A|-D POSTROUTING ... -j MASQUERADE}. */
    public record NatChange(boolean append, NatRule rule) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (append) {
                context.backend().appendMasquerade(ns, rule);
                return CommandResult.OK;
            }
            try {
                context.backend().deleteMasquerade(ns, rule);
                return CommandResult.OK;
            } catch (KernelException e) {
                return CommandResult.of("iptables: Bad rule (does a matching rule exist in that chain?).", 1);
            }
        }
    }

    /** {@code iptables -t nat -D CHAIN NUMBER}: deletes the rule at that place, from 1. */
    public record NatDeleteNumber(String chain, int number) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            List<NatRule> rules = chain.equals("POSTROUTING") ? context.state(ns).nat().rules() : List.of();
            if (number < 1 || number > rules.size()) {
                return CommandResult.of(NO_CHAIN, 1);
            }
            context.backend().deleteMasquerade(ns, rules.get(number - 1));
            return CommandResult.OK;
        }
    }

    /** {@code iptables -t nat -F [CHAIN]}. */
    public record NatFlush(Optional<String> chain) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (chain.isPresent() && !NatTable.CHAINS.contains(chain.get())) {
                return CommandResult.of(NO_CHAIN, 1);
            }
            if (chain.isEmpty() || chain.get().equals("POSTROUTING")) {
                context.backend().flushNat(ns);
            }
            return CommandResult.OK;
        }
    }

    /** {@code iptables -t nat -S [CHAIN]}. */
    public record NatListRules(Optional<String> chain) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            if (chain.isPresent() && !NatTable.CHAINS.contains(chain.get())) {
                return incompatible(chain.get());
            }
            return CommandResult.of(IptablesFormat.rules(context.state(ns).nat(), chain), 0);
        }
    }

    /** {@code iptables -t nat -L [CHAIN] [-n] [-v]}. */
    public record NatList(Optional<String> chain, boolean numeric, boolean verbose) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            if (chain.isPresent() && !NatTable.CHAINS.contains(chain.get())) {
                return incompatible(chain.get());
            }
            return CommandResult.of(IptablesFormat.list(context.state(ns).nat(), chain, numeric, verbose), 0);
        }
    }

    /** A chain the nat table does not have, as iptables-nft words it. */
    private static CommandResult incompatible(String chain) {
        return CommandResult.of(IPTABLES + "chain `" + chain + "' in table `nat' is incompatible, use 'nft' tool.", 1);
    }

    /**
     * do_parse: getopt_long over the line, one command (-A, -D, -L, -S, -F, -X, -Z) with its chain, then the
     * checks of the table, the source, the target and the chain, in iptables' order.
     */
    public static Command parse(List<String> args) {
        String table = "filter";
        Character command = null;
        String chain = null;
        String ruleNumber = null;
        String source = null;
        String out = null;
        String target = null;
        boolean numeric = false;
        boolean verbose = false;
        Getopt options = new Getopt(args, OPTIONS, LONG_OPTIONS);
        while (options.more()) {
            Getopt.Item item = options.next();
            char o = item.name();
            switch (item.kind()) {
                case UNKNOWN_LONG -> {
                    return new Unsupported("iptables " + item.word(), args);
                }
                case OPERAND -> {
                    String w = item.word();
                    if (command != null && command == 'D' && chain != null && ruleNumber == null
                            && w.chars().allMatch(Character::isDigit) && !w.isEmpty() && w.length() < 9) {
                        ruleNumber = w;
                        continue;
                    }
                    return new Invalid("Bad argument `" + w + "'\n" + IPTABLES_TRY, 2);
                }
                case MISSING_VALUE -> {
                    return iptablesError("option \"-" + o + "\" requires an argument");
                }
                case UNKNOWN, END_OF_OPTIONS -> {
                    // a lab's iptables reads no further than "--", where iptables-nft would go on
                    return iptablesError("unknown option \"" + item.word() + "\"");
                }
                case OPTION -> {
                    switch (o) {
                        case 't' -> table = item.value().orElseThrow();
                        case 's' -> source = item.value().orElseThrow();
                        case 'o' -> out = item.value().orElseThrow();
                        case 'j' -> target = item.value().orElseThrow();
                        case 'n' -> numeric = true;
                        case 'v' -> verbose = true;
                        case 'A', 'D', 'L', 'S', 'F', 'X', 'Z' -> {
                            if (command != null) {
                                return iptablesError("Cannot use -" + o + " with -" + command);
                            }
                            command = o;
                            // -A and -D must have their chain; the others take it attached, or in the next
                            // word when that is no option
                            chain = item.value().or(() -> options.nextWordIf(w -> !w.startsWith("-"))).orElse(null);
                        }
                        default -> {
                            return new Unsupported("iptables -" + o, args);
                        }
                    }
                }
            }
        }
        if (command == null) {
            return iptablesError("no command specified");
        }
        if (!List.of("filter", "nat", "mangle", "raw", "security").contains(table)) {
            return new Invalid(IPTABLES + "table '" + table + "' does not exist\n"
                    + "Perhaps iptables or your kernel needs to be upgraded.", 3);
        }
        Optional<Ipv4Cidr> src = Optional.empty();
        if (source != null) {
            int slash = source.indexOf('/');
            if (slash >= 0) {
                String mask = source.substring(slash + 1);
                if (mask.isEmpty() || mask.length() > 2 || !mask.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(mask) > 32) {
                    return iptablesError("invalid mask `" + mask + "' specified");
                }
            }
            String host = slash >= 0 ? source.substring(0, slash) : source;
            int length = slash >= 0 ? Integer.parseInt(source.substring(slash + 1)) : 32;
            Optional<Ipv4Cidr> parsed = Ipv4Address.tryParse(host).map(h -> new Ipv4Cidr(h, length));
            if (parsed.isEmpty()) {
                return iptablesError("host/network `" + host + "' not found");
            }
            src = Optional.of(parsed.get().network());
        }
        if (target != null && !target.equals("MASQUERADE") && !List.of("ACCEPT", "DROP", "RETURN", "SNAT", "DNAT",
                "REDIRECT", "LOG", "REJECT", "MARK", "TRACE").contains(target)) {
            return iptablesError("Chain '" + target + "' does not exist");
        }
        List<String> chains = table.equals("nat") ? NatTable.CHAINS : List.of("INPUT", "FORWARD", "OUTPUT");
        boolean knownChain = chain != null && chains.contains(chain);
        if (!table.equals("nat")) {
            if ((command == 'A' || command == 'D') && !knownChain) {
                return new Invalid(NO_CHAIN, 1);
            }
            return new Unsupported("iptables -t " + table + " (a lab has the nat table's MASQUERADE)", args);
        }
        switch (command) {
            case 'A', 'D' -> {
                if (!knownChain) {
                    return new Invalid(NO_CHAIN, 1);
                }
                if (ruleNumber != null) {
                    return new NatDeleteNumber(chain, Integer.parseInt(ruleNumber));
                }
                if (target != null && !target.equals("MASQUERADE")) {
                    return new Unsupported("rules that jump to " + target + " (a lab has MASQUERADE)", args);
                }
                if (!chain.equals("POSTROUTING")) {
                    if (target == null) {
                        return new Unsupported("rules in " + chain, args);
                    }
                    return new Invalid(IPTABLES + " RULE_" + (command == 'A' ? "APPEND" : "DELETE")
                            + " failed (Invalid argument): rule in chain " + chain, 4);
                }
                return new NatChange(command == 'A', new NatRule(src, Optional.ofNullable(out), target != null));
            }
            case 'F' -> {
                return new NatFlush(Optional.ofNullable(chain));
            }
            case 'X' -> {
                return chain == null ? new Invalid("", 0)
                        : new Invalid(NO_CHAIN, 1);
            }
            case 'Z' -> {
                return new Unsupported("iptables -Z", args);
            }
            case 'S' -> {
                return new NatListRules(Optional.ofNullable(chain));
            }
            default -> {
                return new NatList(Optional.ofNullable(chain), numeric, verbose);
            }
        }
    }

    private static Command iptablesError(String message) {
        return new Invalid(IPTABLES + message + "\n" + IPTABLES_TRY, 2);
    }
}
