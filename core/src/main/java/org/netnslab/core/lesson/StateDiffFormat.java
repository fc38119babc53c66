package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NatRule;
import org.netnslab.core.model.Route;

/**
 * A {@link StateDiff} as text, one change a line: {@code +} added, {@code -} removed, {@code ~} changed, each
 * thing written the way {@code ip} and {@code iptables -S} write it.
 *
 * <pre>
 * host
 *   + link veth0 (veth, peer veth1): state DOWN
 *   ~ link veth0: state DOWN -> UP
 *   + route 10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.10
 *   ~ net.ipv4.ip_forward: 0 -> 1
 *   + nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE
 * </pre>
 */
public final class StateDiffFormat {

    private StateDiffFormat() {}

    /** The whole diff, namespace by namespace; empty when nothing changed. */
    public static String text(StateDiff diff) {
        StringBuilder sb = new StringBuilder();
        for (String ns : diff.namespacesAdded()) {
            sb.append("+ namespace ").append(ns).append('\n');
        }
        for (String ns : diff.namespacesRemoved()) {
            sb.append("- namespace ").append(ns).append('\n');
        }
        for (NamespaceDiff d : diff.namespaces()) {
            sb.append(Expectations.nsName(d.namespace())).append('\n');
            for (String line : lines(d)) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** One namespace's changes, a line each, without indentation. */
    public static List<String> lines(NamespaceDiff d) {
        List<String> out = new ArrayList<>();
        d.links().forEach(c -> out.add(link(c)));
        d.addresses().forEach(c -> out.add(mark(c) + " address " + address(c.subject())
                + (c.kind() == Change.Kind.CHANGED ? " (was " + address(c.before().orElseThrow()) + ")" : "")));
        d.routes().forEach(c -> out.add(mark(c) + " route " + Checks.route(c.subject())
                + (c.kind() == Change.Kind.CHANGED ? " (was " + Checks.route(c.before().orElseThrow()) + ")" : "")));
        d.ipForward().ifPresent(c -> out.add("~ net.ipv4.ip_forward: " + c.before().orElse(0) + " -> "
                + c.after().orElse(0)));
        d.natRules().forEach(c -> out.add(mark(c) + " nat " + rule(c.subject())));
        return out;
    }

    /** {@code +}, {@code -} or {@code ~}. */
    public static String mark(Change<?> c) {
        return switch (c.kind()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
        };
    }

    private static String link(Change<Link> c) {
        Link l = c.subject();
        if (c.kind() != Change.Kind.CHANGED) {
            return mark(c) + " link " + l.name() + " (" + kind(l) + ")" + (c.kind() == Change.Kind.ADDED
                    ? ": state " + l.operState() + l.master().map(m -> ", master " + m).orElse("") : "");
        }
        Link b = c.before().orElseThrow();
        List<String> what = new ArrayList<>();
        if (b.operState() != l.operState()) {
            what.add("state " + b.operState() + " -> " + l.operState());
        }
        if (!b.master().equals(l.master())) {
            what.add("master " + b.master().orElse("none") + " -> " + l.master().orElse("none"));
        }
        Optional<String> peerBefore = b.peer().map(StateDiffFormat::peer);
        Optional<String> peerAfter = l.peer().map(StateDiffFormat::peer);
        if (!peerBefore.equals(peerAfter)) {
            what.add("peer " + peerBefore.orElse("none") + " -> " + peerAfter.orElse("none"));
        }
        if (what.isEmpty()) {
            what.add("flags");
        }
        return "~ link " + l.name() + ": " + String.join(", ", what);
    }

    private static String kind(Link l) {
        return l.kind().ipName() + l.peer().map(p -> ", peer " + p.name()
                + p.namespace().map(ns -> " in " + Expectations.nsName(ns)).orElse("")).orElse("");
    }

    private static String peer(Link.Peer p) {
        return p.name() + p.namespace().map(ns -> " in " + Expectations.nsName(ns)).orElse("")
                + (p.adminUp() ? " (up)" : " (down)");
    }

    private static String address(Address a) {
        return a.prefix() + " on " + a.linkName() + (a.isInet() ? "" : " (" + a.family() + ")");
    }

    /** A rule as {@code iptables -t nat -S} writes it. */
    public static String rule(NatRule r) {
        StringBuilder sb = new StringBuilder("-A POSTROUTING");
        r.source().ifPresent(s -> sb.append(" -s ").append(s));
        r.outInterface().ifPresent(o -> sb.append(" -o ").append(o));
        return sb.append(" -j MASQUERADE").toString();
    }
}
