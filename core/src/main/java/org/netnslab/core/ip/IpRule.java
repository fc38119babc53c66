package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.matches;

import java.util.List;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.KernelErrors;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.RoutingRule;

/**
 * {@code ip rule}, as iproute2 6.1's {@code ip/iprule.c} has it, as far as a lab goes: {@code show} (or
 * {@code list}, or nothing) and print_rule's {@code PRIO:\tfrom all lookup TABLE}; adding, deleting and flushing
 * rules are outside the lab.
 */
public final class IpRule {

    private IpRule() {}

    /** {@code ip [-4] rule [show|list]}. */
    public record RuleShow() implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            List<RoutingRule> rules;
            try {
                rules = context.backend().routingRules(ns);
            } catch (KernelException e) {
                return KernelErrors.rtnetlink(e);
            }
            StringBuilder sb = new StringBuilder();
            for (RoutingRule r : rules) {
                sb.append(r.priority()).append(":\tfrom all lookup ").append(tableName(r.table())).append(" \n");
            }
            return CommandResult.of(sb.toString(), 0);
        }
    }

    /** rtnl_rttable_n2a: the names of /etc/iproute2/rt_tables, else the number. */
    static String tableName(int table) {
        return switch (table) {
            case 255 -> "local";
            case 254 -> "main";
            case 253 -> "default";
            default -> Integer.toString(table);
        };
    }

    /** do_iprule: the subcommand, matched by prefix; none is a show. */
    static Command parse(Args a, IpOptions options) {
        if (options.json() || options.color() || options.inet6Only() || options.brief() || options.oneline()) {
            return new Unsupported("ip rule with -j, -c, -6, -br or -o", a.all());
        }
        if (!a.more()) {
            return new RuleShow();
        }
        String sub = a.next();
        if (matches(sub, "list") || matches(sub, "show") || matches(sub, "lst")) {
            if (a.more()) {
                return new Unsupported("ip rule show " + a.peek(), a.all());
            }
            return new RuleShow();
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        if (matches(sub, "add") || matches(sub, "delete") || matches(sub, "flush") || matches(sub, "save")
                || matches(sub, "restore")) {
            return new Unsupported("ip rule " + sub, a.all());
        }
        return Ip.unknownCommand("rule", sub);
    }

    static final String USAGE =
            "Usage: ip rule { add | del } SELECTOR ACTION\n"
            + "       ip rule { flush | save | restore }\n"
            + "       ip rule [ list [ SELECTOR ]]\n"
            + "SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]\n"
            + "            [ fwmark FWMARK[/MASK] ]\n"
            + "            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]\n"
            + "            [ uidrange NUMBER-NUMBER ]\n"
            + "            [ ipproto PROTOCOL ]\n"
            + "            [ sport [ NUMBER | NUMBER-NUMBER ]\n"
            + "            [ dport [ NUMBER | NUMBER-NUMBER ] ]\n"
            + "ACTION := [ table TABLE_ID ]\n"
            + "          [ protocol PROTO ]\n"
            + "          [ nat ADDRESS ]\n"
            + "          [ realms [SRCREALM/]DSTREALM ]\n"
            + "          [ goto NUMBER ]\n"
            + "          SUPPRESSOR\n"
            + "SUPPRESSOR := [ suppress_prefixlength NUMBER ]\n"
            + "              [ suppress_ifgroup DEVGROUP ]\n"
            + "TABLE_ID := [ local | main | default | NUMBER ]\n";
}
