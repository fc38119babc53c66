package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.getUnsigned;
import static org.netnslab.core.command.Iproute2.invarg;
import static org.netnslab.core.command.Iproute2.matches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Fnmatch;
import org.netnslab.core.command.Inet;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.Scope;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * {@code ip [-4|-6] addr flush [dev] DEV [scope SCOPE] [to PREFIX] [label PATTERN] [up] [primary|secondary]
 * [permanent|dynamic]}, as {@code ipaddr_list_flush_or_save} and {@code ipaddr_flush} (ip/ipaddress.c) do it:
 * the filter's arguments, then rounds of a dump of the addresses and an {@code RTM_DELADDR} for each one the
 * filter lets through, until a dump shows none; at most ten rounds. A secondary address that went with its
 * primary is not there to delete any more, which the tool does not report.
 *
 * @param scope the scope an address must have ({@code ifa_scope}), empty for any ({@code scope all} too)
 * @param to {@code to PREFIX}: the address ({@code IFA_LOCAL}) in the prefix; IPv4 only, as the prefix's
 *     family then is the filter's
 * @param label an {@code fnmatch} pattern of the address's label (the device's name when it has none)
 * @param secondary {@code secondary} or {@code primary}: whether the address must be a secondary one
 * @param permanent {@code permanent} or {@code dynamic}: every address of a lab is permanent
 * @param upOnly {@code up}, which ipaddr_flush does not look at: it dumps addresses, not links
 * @param family 0, 4 or 6, as {@code -4}, {@code -6} or {@code to} made it
 * @param stats {@code ip -s}: each round and the end are said
 */
public record AddrFlush(Optional<String> device, Optional<Integer> scope, Optional<Ipv4Cidr> to,
        Optional<String> label, boolean upOnly, Optional<Boolean> secondary, Optional<Boolean> permanent, int family,
        boolean stats) implements Command {

    /** {@code max_flush_loops}. */
    private static final int MAX_ROUNDS = 10;

    @Override
    public CommandResult run(Context context, String ns) throws KernelException {
        if (device.isPresent() && context.link(ns, device.get()).isEmpty()) {
            return CommandResult.of("Device \"" + device.get() + "\" does not exist.", 1);
        }
        StringBuilder said = new StringBuilder();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Target> targets = dump(context.state(ns));
            if (targets.isEmpty()) {
                if (stats) {
                    said.append(round == 0 ? "Nothing to flush.\n"
                            : "*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***\n");
                }
                return CommandResult.of(said.toString(), 0);
            }
            for (Target t : targets) {
                try {
                    if (t.address().isInet()) {
                        context.backend().deleteAddress(ns, t.link().name(), t.address().ipv4().orElseThrow());
                    } else {
                        context.backend().deleteInet6Address(ns, t.link().name(), t.address().prefix());
                    }
                } catch (KernelException e) {
                    if (e.errno() != Errno.EADDRNOTAVAIL) {
                        return CommandResult.of(said + "Failed to send flush request: " + e.errno().message(), 1);
                    }
                }
            }
            if (stats) {
                said.append("\n*** Round ").append(round + 1).append(", deleting ").append(targets.size())
                        .append(" addresses ***\n");
            }
        }
        return CommandResult.of(said + "*** Flush remains incomplete after " + MAX_ROUNDS + " rounds. ***", 1);
    }

    private record Target(Link link, Address address) {}

    /** One round's dump: IPv4 addresses link by link, then IPv6 ones, as the kernel dumps them; filtered. */
    private List<Target> dump(NamespaceState here) {
        List<Target> out = new ArrayList<>();
        for (boolean inet : List.of(true, false)) {
            if ((inet && family == 6) || (!inet && family == 4)) {
                continue;
            }
            for (Link l : here.links()) {
                if (device.isPresent() && !device.get().equals(l.name())) {
                    continue;
                }
                for (Address a : here.addressesOf(l.index())) {
                    if (a.isInet() == inet && passes(l, a)) {
                        out.add(new Target(l, a));
                    }
                }
            }
        }
        return out;
    }

    private boolean passes(Link l, Address a) {
        if (scope.isPresent() && a.scope().value() != scope.get()) {
            return false;
        }
        if (to.isPresent() && a.ipv4().map(c -> !to.get().contains(c.address())).orElse(true)) {
            return false;
        }
        if (label.isPresent() && !Fnmatch.matches(label.get(), a.isInet() ? a.linkName() : l.name())) {
            return false;
        }
        if (secondary.isPresent() && a.secondary() != secondary.get()) {
            return false;
        }
        return permanent.orElse(true);
    }

    /** ipaddr_list_flush_or_save's argument loop, for flush. */
    static Command parse(Args a, IpOptions options) {
        return parse(a, options, false);
    }

    /** The same, after {@code ip -s}. */
    static Command parse(Args a, IpOptions options, boolean stats) {
        if (!a.more()) {
            return new Invalid("Flush requires arguments.", 1);
        }
        if (options.json() || options.brief() || options.oneline()) {
            return new Unsupported("ip -j, -br or -o address flush", a.all());
        }
        String dev = null;
        Integer scope = null;
        Ipv4Cidr to = null;
        String label = null;
        boolean up = false;
        Boolean secondary = null;
        Boolean permanent = null;
        int family = options.family();
        while (a.more()) {
            String w = a.next();
            switch (w) {
                case "to" -> {
                    String v = a.value();
                    if (family == 6 || v.indexOf(':') >= 0) {
                        return new Unsupported("ip address flush to an IPv6 prefix", a.all());
                    }
                    Optional<Ipv4Cidr> prefix = Inet.prefix(v);
                    if (prefix.isEmpty()) {
                        return new Invalid("Error: " + (family == 4 ? "inet" : "any valid")
                                + " prefix is expected rather than \"" + v + "\".", 1);
                    }
                    to = prefix.get();
                    family = 4;
                }
                case "scope" -> {
                    String v = a.value();
                    Optional<Integer> s = scope(v);
                    if (s.isEmpty() && !v.equals("all")) {
                        return invarg("invalid \"scope\"\n", v);
                    }
                    scope = s.orElse(null);
                }
                case "up" -> up = true;
                case "secondary", "temporary" -> secondary = true;
                case "primary" -> secondary = false;
                case "permanent" -> permanent = true;
                case "dynamic" -> permanent = false;
                case "label" -> label = a.value();
                case "group", "master", "vrf", "nomaster", "type" -> {
                    return new Unsupported("ip address flush " + w, a.all());
                }
                default -> {
                    if (isFlagFilter(w)) {
                        return new Unsupported("ip address flush " + w, a.all());
                    }
                    if (w.equals("dev")) {
                        w = a.value();
                    } else if (matches(w, "help")) {
                        return new Invalid(IpAddress.USAGE, 255);
                    }
                    if (dev != null) {
                        return duparg2("dev", w);
                    }
                    dev = w;
                }
            }
        }
        return new AddrFlush(Optional.ofNullable(dev), Optional.ofNullable(scope), Optional.ofNullable(to),
                Optional.ofNullable(label), up, Optional.ofNullable(secondary), Optional.ofNullable(permanent), family,
                stats);
    }

    /** The address flags get_filter knows besides those the lab filters by, with or without a leading minus. */
    private static boolean isFlagFilter(String w) {
        String f = w.startsWith("-") ? w.substring(1) : w;
        return List.of("secondary", "temporary", "primary", "tentative", "deprecated", "dadfailed", "nodad",
                "optimistic", "home", "permanent", "dynamic", "mngtmpaddr", "noprefixroute", "autojoin",
                "stable-privacy").contains(f);
    }

    /** rtnl_rtscope_a2n: a name of rt_scopes, or a number up to 255. */
    private static Optional<Integer> scope(String v) {
        for (Scope s : Scope.values()) {
            if (s.ipName().equals(v)) {
                return Optional.of(s.value());
            }
        }
        return getUnsigned(v).filter(n -> n <= 255).map(Long::intValue);
    }
}
