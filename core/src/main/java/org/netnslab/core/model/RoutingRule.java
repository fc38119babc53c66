package org.netnslab.core.model;

/**
 * A rule of a namespace's IPv4 routing policy database, as {@code RTM_NEWRULE} reports it and
 * {@code ip rule show} prints it: every rule the lab has matches all sources and looks up one table.
 *
 * @param priority its preference ({@code FRA_PRIORITY}, 0 when the kernel sends none)
 * @param table the table it looks up ({@code FRA_TABLE}): 255 local, 254 main, 253 default
 */
public record RoutingRule(int priority, int table) {

    /** The rules fib_default_rules_init gives every new namespace. */
    public static final java.util.List<RoutingRule> DEFAULTS =
            java.util.List.of(new RoutingRule(0, 255), new RoutingRule(32766, 254), new RoutingRule(32767, 253));
}
