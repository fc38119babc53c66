package org.netnslab.sim;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.net.Ipv4Address;

/**
 * Assertions on a ping that read like the lesson: {@code assertThat(ping).reached("10.0.0.2").withTtl(63)},
 * {@code assertThat(ping).failedWith("Destination Host Unreachable").from("10.0.0.1")},
 * {@code assertThat(ping).isLost().droppedIn("host", "forwarding is off")}. They speak of every probe.
 */
final class PingAssert extends AbstractAssert<PingAssert, PingResult> {

    private PingAssert(PingResult actual) {
        super(actual, PingAssert.class);
    }

    static PingAssert assertThat(PingResult actual) {
        return new PingAssert(actual);
    }

    private List<Probe> probes() {
        isNotNull();
        if (actual.probes().isEmpty()) {
            failWithMessage("the ping sent no probe");
        }
        return actual.probes();
    }

    /** Every probe came back from this address. */
    PingAssert reached(String address) {
        Ipv4Address a = Ipv4Address.parse(address);
        for (Probe p : probes()) {
            if (p.outcome() != Probe.Outcome.REPLY || !p.from().equals(java.util.Optional.of(a))) {
                failWithMessage("expected icmp_seq=%s to be answered by %s, but it was %s%n%s", p.sequence(),
                        address, describe(p), journey(p));
            }
        }
        return this;
    }

    PingAssert withTtl(int ttl) {
        for (Probe p : probes()) {
            if (p.ttl() != ttl) {
                failWithMessage("expected ttl=%s for icmp_seq=%s but was %s", ttl, p.sequence(), p.ttl());
            }
        }
        return this;
    }

    /** No probe got an answer, not even an error. */
    PingAssert isLost() {
        for (Probe p : probes()) {
            if (p.outcome() != Probe.Outcome.LOST) {
                failWithMessage("expected icmp_seq=%s to be lost, but it was %s%n%s", p.sequence(), describe(p),
                        journey(p));
            }
        }
        return this;
    }

    /** Every probe got this ICMP error, as ping prints it. */
    PingAssert failedWith(String error) {
        for (Probe p : probes()) {
            if (p.outcome() != Probe.Outcome.ERROR || !p.error().orElse("").equals(error)) {
                failWithMessage("expected icmp_seq=%s to fail with %s, but it was %s%n%s", p.sequence(), error,
                        describe(p), journey(p));
            }
        }
        return this;
    }

    /** Who sent the error (or the reply). */
    PingAssert from(String address) {
        Ipv4Address a = Ipv4Address.parse(address);
        for (Probe p : probes()) {
            if (!p.from().equals(java.util.Optional.of(a))) {
                failWithMessage("expected icmp_seq=%s to come from %s, but it was %s", p.sequence(), address,
                        describe(p));
            }
        }
        return this;
    }

    /** Each probe's journey ends with a drop in this namespace, for a reason that says this. */
    PingAssert droppedIn(String namespace, String why) {
        for (Probe p : probes()) {
            boolean found = p.journey().stream().anyMatch(h -> h.isDrop()
                    && JourneyNames.matches(h.namespace(), namespace) && h.drop().orElse("").contains(why));
            if (!found) {
                failWithMessage("expected icmp_seq=%s to be dropped in %s because \"%s\"%n%s", p.sequence(),
                        namespace, why, journey(p));
            }
        }
        return this;
    }

    /** Each probe's journey has a step in this namespace that says this. */
    PingAssert passedThrough(String namespace, String what) {
        for (Probe p : probes()) {
            boolean found = p.journey().stream().anyMatch(h -> !h.isDrop()
                    && JourneyNames.matches(h.namespace(), namespace) && h.what().contains(what));
            if (!found) {
                failWithMessage("expected icmp_seq=%s to pass %s doing \"%s\"%n%s", p.sequence(), namespace, what,
                        journey(p));
            }
        }
        return this;
    }

    PingAssert hasPipe(int pipe) {
        isNotNull();
        if (actual.pipe() != pipe) {
            failWithMessage("expected pipe %s but was %s", pipe, actual.pipe());
        }
        return this;
    }

    private static String describe(Probe p) {
        return switch (p.outcome()) {
            case REPLY -> "a reply from " + p.from().orElseThrow() + " ttl " + p.ttl();
            case ERROR -> p.error().orElseThrow() + " from " + p.from().orElseThrow();
            case LOST -> "lost";
        };
    }

    private static String journey(Probe p) {
        return p.journey().stream().map(PingAssert::hop).collect(Collectors.joining("\n", "journey:\n", ""));
    }

    private static String hop(Hop h) {
        return "  " + h.namespace() + " " + h.device() + " " + h.what() + h.drop().map(d -> ": " + d).orElse("");
    }

    /** The lab's names: {@code host} and {@code upstream} stand for the two namespaces the learner did not name. */
    static final class JourneyNames {
        private JourneyNames() {}

        static boolean matches(String actual, String wanted) {
            return actual.equals(wanted) || actual.equals("/" + wanted);
        }
    }
}
