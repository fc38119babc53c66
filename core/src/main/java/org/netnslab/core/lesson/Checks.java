package org.netnslab.core.lesson;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.ip.IpRoute;
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
import org.netnslab.core.model.Route;
import org.netnslab.core.nc.Netcat.Message;
import org.netnslab.core.net.Ipv4Address;

/** Checks expectations on a lab: state ones on a snapshot, reachability with a ping of its own. */
final class Checks {

    /** One echo request, a one-second wait: enough on both backends, short when nothing answers. */
    private static final long PING_TIMEOUT_MILLIS = 1000;

    private Checks() {}

    static Verdict check(Backend backend, LabState state, List<CommandOutput> outputs, List<Message> received,
            Expectation e) {
        if (e instanceof OutputContains c) {
            return output(outputs, c);
        }
        if (e instanceof Receives r) {
            return received(received, r);
        }
        String ns = namespaceOf(e);
        Optional<NamespaceState> nsState = state.namespace(ns);
        if (nsState.isEmpty()) {
            return Verdict.of(e, false, "there is no namespace " + Expectations.nsName(ns));
        }
        NamespaceState s = nsState.get();
        if (e instanceof Reaches r) {
            return ping(backend, e, ns, r.destination(), true, r.ttl());
        } else if (e instanceof DoesNotReach r) {
            return ping(backend, e, ns, r.destination(), false, Optional.empty());
        } else if (e instanceof HasRoute r) {
            Optional<Route> found = s.routes().stream()
                    .filter(x -> x.destination().equals(r.destination()))
                    .filter(x -> r.via().isEmpty() || x.gateway().equals(r.via()))
                    .filter(x -> r.device().isEmpty() || x.device().equals(r.device().get()))
                    .findFirst();
            return found.map(x -> Verdict.of(e, true, "route " + route(x)))
                    .orElseGet(() -> Verdict.of(e, false, table(s)));
        } else if (e instanceof HasNoRoute r) {
            Optional<Route> found = s.routes().stream().filter(x -> x.destination().equals(r.destination())).findFirst();
            return found.map(x -> Verdict.of(e, false, "route " + route(x)))
                    .orElseGet(() -> Verdict.of(e, true, "no route " + Expectations.prefix(r.destination())));
        } else if (e instanceof HasAddress a) {
            Optional<Address> found = s.addresses().stream()
                    .filter(x -> matches(x, a.address(), a.prefixLength()))
                    .filter(x -> a.device().isEmpty() || x.linkName().equals(a.device().get()))
                    .findFirst();
            return found.map(x -> Verdict.of(e, true, x.prefix() + " on " + x.linkName()))
                    .orElseGet(() -> Verdict.of(e, false, addresses(s)));
        } else if (e instanceof HasNoAddress a) {
            Optional<Address> found = s.addresses().stream()
                    .filter(x -> matches(x, a.address(), a.prefixLength())).findFirst();
            return found.map(x -> Verdict.of(e, false, x.prefix() + " on " + x.linkName()))
                    .orElseGet(() -> Verdict.of(e, true, "no address " + a.address()));
        } else if (e instanceof HasLink l) {
            Optional<Link> found = s.link(l.device());
            if (found.isEmpty()) {
                return Verdict.of(e, false, "no link " + l.device() + " (links: " + links(s) + ")");
            }
            Link link = found.get();
            String seen = link.name() + " state " + link.operState() + link.master().map(m -> " master " + m).orElse("");
            boolean ok = l.state().map(st -> st == link.operState()).orElse(true)
                    && l.master().map(m -> link.master().equals(Optional.of(m))).orElse(true);
            return Verdict.of(e, ok, seen);
        } else if (e instanceof HasNoLink l) {
            return s.link(l.device())
                    .map(x -> Verdict.of(e, false, x.name() + " state " + x.operState()))
                    .orElseGet(() -> Verdict.of(e, true, "no link " + l.device()));
        } else if (e instanceof Forwarding f) {
            boolean on = s.ipForward() != 0;
            return Verdict.of(e, on == f.on(), "net.ipv4.ip_forward = " + s.ipForward());
        }
        throw new IllegalStateException("unknown expectation " + e);
    }

    static String namespaceOf(Expectation e) {
        if (e instanceof Reaches x) {
            return x.namespace();
        } else if (e instanceof DoesNotReach x) {
            return x.namespace();
        } else if (e instanceof HasRoute x) {
            return x.namespace();
        } else if (e instanceof HasNoRoute x) {
            return x.namespace();
        } else if (e instanceof HasAddress x) {
            return x.namespace();
        } else if (e instanceof HasNoAddress x) {
            return x.namespace();
        } else if (e instanceof HasLink x) {
            return x.namespace();
        } else if (e instanceof HasNoLink x) {
            return x.namespace();
        } else if (e instanceof Forwarding x) {
            return x.namespace();
        }
        throw new IllegalStateException("no namespace in " + e);
    }

    /** What the nc in a namespace printed: a line of it contains the text, or none does. */
    private static Verdict received(List<Message> received, Receives r) {
        List<String> lines = received.stream().filter(m -> m.to().equals(r.namespace()))
                .flatMap(m -> m.text().lines()).toList();
        Optional<String> line = lines.stream().filter(l -> l.contains(r.fragment())).findFirst();
        String who = "the nc in " + Expectations.nsName(r.namespace());
        String seen = lines.isEmpty() ? who + " received nothing"
                : who + " printed " + lines.stream().map(Expectations::quote).collect(Collectors.joining(", "));
        return Verdict.of(r, line.isPresent() == r.present(), seen);
    }

    private static Verdict output(List<CommandOutput> outputs, OutputContains c) {
        Optional<String> line = outputs.stream()
                .flatMap(o -> o.result().output().lines())
                .filter(l -> l.contains(c.fragment()))
                .findFirst();
        if (c.present()) {
            return line.map(l -> Verdict.of(c, true, l.strip()))
                    .orElseGet(() -> Verdict.of(c, false, "no line of the output contains it"));
        }
        return line.map(l -> Verdict.of(c, false, l.strip()))
                .orElseGet(() -> Verdict.of(c, true, "no line of the output contains it"));
    }

    private static Verdict ping(Backend backend, Expectation e, String ns, Ipv4Address dst, boolean expectReply,
            Optional<Integer> ttl) {
        PingResult result;
        try {
            result = backend.ping(ns, new PingRequest(dst, 1, Optional.empty(), PING_TIMEOUT_MILLIS,
                    PING_TIMEOUT_MILLIS));
        } catch (KernelException ex) {
            return Verdict.of(e, !expectReply, "connect: " + ex.errno().message());
        }
        Optional<Probe> reply = result.probes().stream().filter(p -> p.outcome() == Probe.Outcome.REPLY).findFirst();
        if (reply.isPresent()) {
            Probe p = reply.get();
            boolean ok = expectReply && ttl.map(t -> t == p.ttl()).orElse(true);
            return new Verdict(e, ok, "reply from " + p.from().map(Ipv4Address::toString).orElse(dst.toString())
                    + ", ttl " + p.ttl(), Optional.of(result));
        }
        return new Verdict(e, !expectReply, noReply(result), Optional.of(result));
    }

    private static String noReply(PingResult result) {
        Probe p = result.probes().isEmpty() ? null : result.probes().get(0);
        if (p == null) {
            return "nothing sent";
        }
        String what = p.outcome() == Probe.Outcome.ERROR
                ? p.error().orElse("an ICMP error") + p.from().map(f -> " from " + f).orElse("")
                : "no reply";
        Optional<Hop> drop = p.journey().stream().filter(Hop::isDrop).findFirst();
        return what + drop.map(h -> " (dropped in " + Expectations.nsName(h.namespace())
                + (h.device() == null || h.device().isEmpty() ? "" : " at " + h.device())
                + ": " + h.drop().orElse("") + ")").orElse("");
    }

    private static boolean matches(Address a, Ipv4Address address, Optional<Integer> length) {
        return a.ipv4().map(c -> c.address().equals(address) && length.map(l -> l == c.prefixLength()).orElse(true))
                .orElse(false);
    }

    static String route(Route r) {
        return IpRoute.routes(List.of(r), Optional.empty()).strip();
    }

    private static String table(NamespaceState s) {
        if (s.routes().isEmpty()) {
            return "the routing table is empty";
        }
        return "the routing table has: " + s.routes().stream().map(Checks::route).collect(Collectors.joining("; "));
    }

    private static String addresses(NamespaceState s) {
        String list = s.addresses().stream().filter(Address::isInet)
                .map(a -> a.prefix() + " on " + a.linkName()).collect(Collectors.joining(", "));
        return list.isEmpty() ? "no IPv4 address" : "addresses: " + list;
    }

    private static String links(NamespaceState s) {
        return s.links().stream().map(Link::name).collect(Collectors.joining(", "));
    }
}
