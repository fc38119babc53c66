package org.netnslab.core.lesson;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.lesson.Expectation.DoesNotReach;
import org.netnslab.core.lesson.Expectation.Forwarding;
import org.netnslab.core.lesson.Expectation.HasAddress;
import org.netnslab.core.lesson.Expectation.HasLink;
import org.netnslab.core.lesson.Expectation.HasNoAddress;
import org.netnslab.core.lesson.Expectation.HasNoLink;
import org.netnslab.core.lesson.Expectation.HasNoRoute;
import org.netnslab.core.lesson.Expectation.HasRoute;
import org.netnslab.core.lesson.Expectation.OutputContains;
import org.netnslab.core.lesson.Expectation.Reaches;
import org.netnslab.core.lesson.Expectation.Receives;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.OperState;
import org.netnslab.core.model.Route;

/**
 * Why a goal does not hold, for a learner who did the step alone: which ping got no reply and where its
 * packet died (from its journey when the backend tells one, else from what the tables say), which route,
 * address or link is missing or different, and what a command printed instead. Markdown, one sentence or two.
 */
final class Reasons {

    private static final String NOTHING_TYPED = "you have typed no command in this step yet";

    private Reasons() {}

    /**
     * @param typed the commands the learner typed in the step, oldest first
     * @param judged the ones the verdict looked at: all of them, or for a negative output goal the last of the
     *     kind the step ends with ({@link CommandKind})
     */
    static String why(Verdict v, LabState state, List<CommandOutput> typed, List<CommandOutput> judged,
            Optional<CommandKind> kind) {
        Expectation e = v.expectation();
        if (e instanceof OutputContains c) {
            return output(c, typed, judged, kind);
        }
        if (e instanceof Receives) {
            return typed.isEmpty() ? NOTHING_TYPED : v.observed();
        }
        String ns = Checks.namespaceOf(e);
        Optional<NamespaceState> s = state.namespace(ns);
        if (s.isEmpty()) {
            return "there is no namespace " + name(ns) + " yet";
        }
        if (e instanceof Reaches r) {
            return reaches(v, state, r);
        } else if (e instanceof DoesNotReach r) {
            return name(r.namespace()) + " still reaches " + code(r.destination()) + ": " + v.observed();
        } else if (e instanceof HasRoute r) {
            return route(s.get(), r);
        } else if (e instanceof HasNoRoute r) {
            return name(ns) + " still has the route " + code(v.observed().replaceFirst("^route ", ""));
        } else if (e instanceof HasAddress a) {
            return address(state, s.get(), a);
        } else if (e instanceof HasNoAddress a) {
            return name(ns) + " still has " + code(v.observed());
        } else if (e instanceof HasLink l) {
            return link(state, s.get(), l);
        } else if (e instanceof HasNoLink l) {
            return name(ns) + " still has a link " + code(l.device());
        } else if (e instanceof Forwarding f) {
            return name(ns) + " has " + code("net.ipv4.ip_forward = " + s.get().ipForward());
        }
        return v.observed();
    }

    private static String reaches(Verdict v, LabState state, Reaches r) {
        String from = name(r.namespace());
        String to = code(r.destination());
        if (v.ping().isEmpty()) {
            // connect refused: the ping never left
            PathWalk.Walk walk = PathWalk.ping(state, r.namespace(), r.destination());
            return from + " cannot even send the ping to " + to + " (" + code("ping: " + v.observed()) + ")"
                    + (walk.reaches() ? "" : ": " + walk.text());
        }
        PingResult result = v.ping().get();
        Optional<Probe> reply = result.probes().stream().filter(p -> p.outcome() == Probe.Outcome.REPLY).findFirst();
        if (reply.isPresent()) {
            int ttl = reply.get().ttl();
            int wanted = r.ttl().orElse(ttl);
            return "the reply from " + to + " came with ttl " + ttl + ", not " + wanted + ": it crossed "
                    + routers(64 - ttl) + " on its way, not " + routers(64 - wanted);
        }
        Probe p = result.probes().isEmpty() ? null : result.probes().get(0);
        String what = p != null && p.outcome() == Probe.Outcome.ERROR
                ? from + "'s ping to " + to + " got " + code(p.error().orElse("an ICMP error"))
                        + p.from().map(f -> " from " + code(f)).orElse("") + " instead of a reply"
                : from + "'s ping to " + to + " got no reply within a second";
        Optional<JourneyFormat.WrongTurn> turn = JourneyFormat.wrongTurn(state, result);
        if (turn.isPresent()) {
            return what + ": " + turn.get().text(Goals::code);
        }
        Optional<Hop> drop = p == null ? Optional.empty() : p.journey().stream().filter(Hop::isDrop).findFirst();
        if (drop.isPresent()) {
            Hop h = drop.get();
            return what + ": its packet was dropped in " + name(h.namespace())
                    + (h.device() == null || h.device().isEmpty() ? "" : " at " + code(h.device())) + ": "
                    + h.drop().orElse("");
        }
        return what + why(state, r);
    }

    /** What the tables say, where the backend tells no journey. */
    private static String why(LabState state, Reaches r) {
        PathWalk.Walk walk = PathWalk.ping(state, r.namespace(), r.destination());
        return walk.reaches() ? ". The tables show a way (" + walk.text() + "), yet nothing came back"
                : ". From the lab's tables: " + walk.text();
    }

    private static String routers(int n) {
        return n == 0 ? "no router" : n == 1 ? "one router" : n + " routers";
    }

    private static String route(NamespaceState s, HasRoute r) {
        String prefix = code(Expectations.prefix(r.destination()));
        Optional<Route> same = s.routes().stream().filter(x -> x.destination().equals(r.destination())).findFirst();
        if (same.isPresent()) {
            return name(s.name()) + "'s " + (r.destination().isDefault() ? "default route" : "route to " + prefix)
                    + " is " + code(Checks.route(same.get()))
                    + r.via().map(v -> ", not via " + code(v)).orElse("")
                    + r.device().map(d -> (r.via().isPresent() ? " out of " : ", not out of ") + code(d)).orElse("");
        }
        String table = s.routes().isEmpty() ? "its routing table is empty"
                : "its routes: " + s.routes().stream().map(x -> code(Checks.route(x))).collect(Collectors.joining(", "));
        Optional<String> waiting = inet(s).stream()
                .filter(a -> a.ipv4().map(c -> c.network().equals(r.destination())).orElse(false))
                .filter(a -> s.link(a.linkName()).map(l -> !l.running()).orElse(false))
                .map(a -> ": the kernel adds the route to the subnet of " + code(a.prefix()) + " once "
                        + code(a.linkName()) + " is up and has a carrier").findFirst();
        return name(s.name()) + " has " + (r.destination().isDefault() ? "no default route" : "no route to " + prefix)
                + waiting.orElse("; " + table);
    }

    private static String address(LabState state, NamespaceState s, HasAddress a) {
        Optional<Address> same = inet(s).stream()
                .filter(x -> x.ipv4().map(c -> c.address().equals(a.address())).orElse(false)).findFirst();
        if (same.isPresent()) {
            return name(s.name()) + " has " + code(same.get().prefix()) + " on " + code(same.get().linkName())
                    + ", not " + code(a.address() + a.prefixLength().map(l -> "/" + l).orElse(""))
                    + a.device().map(d -> " on " + code(d)).orElse("");
        }
        Optional<String> elsewhere = state.all().stream().filter(n -> !n.name().equals(s.name()))
                .flatMap(n -> inet(n).stream().filter(x -> x.ipv4().map(c -> c.address().equals(a.address()))
                        .orElse(false)).map(x -> name(n.name()) + " has it, on " + code(x.linkName())))
                .findFirst();
        String has = inet(s).isEmpty() ? "it has no IPv4 address" : "its addresses: " + inet(s).stream()
                .map(x -> code(x.prefix()) + " on " + code(x.linkName())).collect(Collectors.joining(", "));
        return name(s.name()) + " has no address " + code(a.address()) + elsewhere.map(w -> " (" + w + ")")
                .orElse("") + "; " + has;
    }

    private static List<Address> inet(NamespaceState s) {
        return s.addresses().stream().filter(Address::isInet).filter(x -> !x.linkName().equals("lo")).toList();
    }

    private static String link(LabState state, NamespaceState s, HasLink l) {
        Optional<Link> found = s.link(l.device());
        if (found.isEmpty()) {
            Optional<String> elsewhere = state.all().stream().filter(n -> !n.name().equals(s.name()))
                    .filter(n -> n.link(l.device()).isPresent()).map(n -> name(n.name())).findFirst();
            return name(s.name()) + " has no link " + code(l.device()) + elsewhere.map(w -> ": it is in " + w)
                    .orElse("") + "; its links: " + s.links().stream().map(x -> code(x.name()))
                    .collect(Collectors.joining(", "));
        }
        Link link = found.get();
        if (l.state().isPresent() && l.state().get() != link.operState()) {
            String is = code(l.device()) + " in " + name(s.name()) + " is " + code(link.operState().toString())
                    + ", not " + code(l.state().get().toString());
            if (link.operState() == OperState.LOWERLAYERDOWN) {
                return is + ": it is up, but " + link.peer().map(p -> "its peer " + code(p.name()) + " in "
                        + name(p.namespace().orElse(s.name())) + " is down").orElse("it has no carrier");
            }
            if (!link.adminUp()) {
                return is + ": it has not been set up";
            }
            return is;
        }
        return code(l.device()) + " in " + name(s.name()) + " is " + link.master().map(m -> "a port of " + code(m))
                .orElse("a port of no bridge") + ", not of " + code(l.master().orElse(""));
    }

    private static String output(OutputContains c, List<CommandOutput> typed, List<CommandOutput> judged,
            Optional<CommandKind> kind) {
        if (typed.isEmpty()) {
            return NOTHING_TYPED;
        }
        if (c.present()) {
            CommandOutput last = typed.get(typed.size() - 1);
            return "no command you typed in this step printed a line with " + code(c.fragment()) + "; your last, "
                    + code(last.command()) + ", " + printed(last, c);
        }
        if (judged.isEmpty()) {
            return "you have typed no " + code(kind.map(CommandKind::words).orElse("command")) + " in this step yet";
        }
        CommandOutput last = judged.get(0);
        return "your last " + code(kind.map(CommandKind::words).orElse("command")) + ", " + code(last.command())
                + ", " + printed(last, c);
    }

    private static String printed(CommandOutput o, OutputContains c) {
        List<String> lines = o.result().output().lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "printed nothing";
        }
        Optional<String> hit = lines.stream().filter(l -> l.contains(c.fragment())).findFirst();
        return "printed " + code(hit.orElse(lines.get(lines.size() - 1)).strip());
    }

    private static String name(String ns) {
        return Goals.code(Expectations.nsName(ns));
    }

    private static String code(Object o) {
        return Goals.code(o);
    }
}
