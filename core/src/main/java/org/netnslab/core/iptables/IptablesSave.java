package org.netnslab.core.iptables;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.netfilter.NfTable;
import org.netnslab.core.model.netfilter.Ruleset;
import org.netnslab.core.model.netfilter.Table;

/**
 * {@code iptables-save [-c] [-t TABLE]}, as iptables-save 1.8.9 (nf_tables) prints the tables
 * ({@code xtables_save_main} in iptables/xtables-save.c): every table the kernel holds, in iptables' order of
 * tables (filter before nat), or the one asked for, which it prints with its built-in chains even before it is
 * made.
 */
public final class IptablesSave {

    /**
     * The date of the header and footer lines. The lab has no wall clock (it is a pure function of what was
     * typed), so it prints the epoch, in ctime's form; the goldens' normalization hides the date.
     */
    static final String DATE = "Thu Jan  1 00:00:00 1970";

    private IptablesSave() {}

    /** One iptables-save line, read. */
    public record Save(Optional<Table> table, boolean counters) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            Ruleset rs = context.backend().netfilter(ns);
            StringBuilder sb = new StringBuilder();
            for (Table t : List.of(Table.FILTER, Table.NAT)) {
                Optional<NfTable> held = rs.table(t);
                if (table.isPresent() ? table.get() == t : held.isPresent()) {
                    sb.append(IptablesFormat.save(IptablesFormat.withBuiltins(t, held), counters, DATE));
                }
            }
            return CommandResult.of(sb.toString(), 0);
        }
    }

    public static Command parse(List<String> args) {
        boolean counters = false;
        Optional<Table> table = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-c", "--counters" -> counters = true;
                case "-t", "--table" -> {
                    if (i + 1 >= args.size()) {
                        return new Invalid("iptables-save: option requires an argument -- 't'\n"
                                + "Look at manual page `iptables-save.8' for more information.", 1);
                    }
                    String name = args.get(++i);
                    table = Table.byName(name);
                    if (table.isEmpty()) {
                        if (List.of("mangle", "raw", "security").contains(name)) {
                            return new Unsupported("iptables-save -t " + name + " (a lab has the filter and nat tables)",
                                    args);
                        }
                        return new Invalid("Table `" + name + "' does not exist", 1);
                    }
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        if (a.startsWith("--")) {
                            return new Invalid("iptables-save: unrecognized option '" + a + "'\n"
                                    + "Look at manual page `iptables-save.8' for more information.", 1);
                        }
                        return new Invalid("iptables-save: invalid option -- '" + a.charAt(1) + "'\n"
                                + "Look at manual page `iptables-save.8' for more information.", 1);
                    }
                    return new Invalid("Unknown arguments found on commandline", 1);
                }
            }
        }
        return new Save(table, counters);
    }
}
