package org.netnslab.core.command;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.backend.SegmentJourney;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.Route;
import org.netnslab.core.net.Ipv4Address;

/** Prints the journey of each probe of a ping, or of each TCP segment of nc, hop by hop, and where and why it died. */
public final class JourneyFormat {

    private JourneyFormat() {}

    public static String trace(PingResult result) {
        StringBuilder sb = new StringBuilder();
        for (Probe p : result.probes()) {
            sb.append("  icmp_seq=").append(p.icmpSeq()).append(": ").append(verdict(p)).append('\n');
            hops(sb, p.journey());
        }
        return sb.toString();
    }

    /** The journey of each segment, as {@link #trace(PingResult)} prints a probe's. */
    public static String trace(List<SegmentJourney> segments) {
        StringBuilder sb = new StringBuilder();
        for (SegmentJourney j : segments) {
            sb.append("  ").append(j.segment()).append('\n');
            hops(sb, j.journey());
        }
        return sb.toString();
    }

    private static void hops(StringBuilder sb, List<Hop> journey) {
        for (Hop h : journey) {
            sb.append(String.format("    %-12s %-14s %s", namespace(h.namespace()), h.device(), h.what()));
            h.drop().ifPresent(why -> sb.append(": ").append(why));
            sb.append('\n');
        }
    }

    private static String verdict(Probe p) {
        return switch (p.outcome()) {
            case REPLY -> "reply from " + p.from().orElseThrow() + ", ttl " + p.ttl();
            case ERROR -> p.error().orElseThrow() + p.from().map(f -> " (from " + f + ")").orElse(" (local)");
            case LOST -> "no reply";
        };
    }

    /**
     * A ping that got no reply because the namespace it was sent from had no route of its own to an address of
     * the lab, and sent it by its default route out to the internet, where it died.
     *
     * @param from the namespace that sent the ping
     * @param route the default route it took
     * @param towards the namespace at the other end of that route's first cable
     * @param drop where the packet died, and the kernel's reason
     */
    public record WrongTurn(String from, Ipv4Address destination, Route route, String towards, Hop drop) {

        /** In a learner's words; {@code code} marks up names and addresses (Markdown's backticks, or nothing). */
        public String text(java.util.function.UnaryOperator<String> code) {
            return code.apply(namespace(from)) + " has no route to " + code.apply(destination.toString())
                    + ", so it sent the ping by its default route" + route.gateway().map(g -> ", via "
                    + code.apply(g.toString())).orElse("") + " out of " + code.apply(route.device()) + ", towards "
                    + code.apply(namespace(towards)) + ", where " + code.apply(destination.toString())
                    + " is not. There the kernel dropped it"
                    + (drop.device() == null || drop.device().isEmpty() ? "" : " at " + code.apply(drop.device()))
                    + ": " + drop.drop().orElse("");
        }
    }

    /** The first wrong turn of a ping that got no reply, when it is the default route taken for want of a route. */
    public static Optional<WrongTurn> wrongTurn(LabState state, PingResult result) {
        if (result.probes().isEmpty() || result.probes().stream().anyMatch(p -> p.outcome() == Probe.Outcome.REPLY)) {
            return Optional.empty();
        }
        List<Hop> journey = result.probes().get(0).journey();
        if (journey.isEmpty()) {
            return Optional.empty();
        }
        String from = journey.get(0).namespace();
        Optional<Hop> drop = journey.stream().filter(Hop::isDrop).findFirst();
        Optional<String> towards = journey.stream().map(Hop::namespace).filter(n -> !n.equals(from)).findFirst();
        if (drop.isEmpty() || drop.get().namespace().equals(from) || towards.isEmpty()) {
            return Optional.empty();
        }
        // the default route led out to the internet, while the address is in the lab
        if (!towards.get().equals(Backend.UPSTREAM) || !inTheLab(state, result.destination())) {
            return Optional.empty();
        }
        return state.namespace(from).flatMap(ns -> route(ns, result.destination()))
                .filter(r -> r.destination().isDefault())
                .map(r -> new WrongTurn(from, result.destination(), r, towards.get(), drop.get()));
    }

    /** Whether a namespace of the lab other than the upstream has the address. */
    public static boolean inTheLab(LabState state, Ipv4Address address) {
        return state.all().stream().filter(n -> !n.name().equals(Backend.UPSTREAM))
                .anyMatch(n -> n.addresses().stream().anyMatch(a -> a.ipv4().map(c -> c.address().equals(address))
                        .orElse(false)));
    }

    /** The main table's route for an address: longest prefix, then lowest metric. */
    public static Optional<Route> route(NamespaceState s, Ipv4Address dst) {
        return s.routes().stream()
                .filter(r -> r.destination().contains(dst))
                .max(Comparator.<Route>comparingInt(r -> r.destination().prefixLength())
                        .thenComparing(Comparator.comparingInt(Route::metric).reversed()));
    }

    /** The lab's names for the two namespaces the learner did not name. */
    public static String namespace(String ns) {
        if (Backend.HOST.equals(ns)) {
            return "host";
        }
        if (Backend.UPSTREAM.equals(ns)) {
            return "upstream";
        }
        return ns;
    }
}
