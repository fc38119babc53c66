package org.netnslab.core.lesson;

import java.util.Optional;
import org.netnslab.core.model.OperState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * What a learner should observe after a step, in the small language of a lesson's {@code expect} blocks,
 * one a line. {@code NS} is {@code host} (the lab's host) or the name of a namespace the learner made:
 *
 * <pre>
 *   NS reaches ADDR [with ttl N]             a ping from NS gets a reply (with that TTL)
 *   NS does not reach ADDR                   a ping from NS gets no reply, or cannot be sent
 *   NS has route PREFIX [via GW] [dev DEV]   PREFIX is default, a.b.c.d or a.b.c.d/len
 *   NS has no route PREFIX
 *   NS has address ADDR[/len] [on DEV]
 *   NS has no address ADDR[/len]
 *   NS has link DEV [state STATE] [master BR]  STATE as ip prints it: UP, DOWN, LOWERLAYERDOWN, UNKNOWN
 *   NS has no link DEV
 *   NS forwards | NS does not forward        net.ipv4.ip_forward
 *   output contains "TEXT"                   a line of the step's output contains TEXT
 *   output does not contain "TEXT"
 *   NS receives "TEXT"                       in the step's chat, the nc in NS printed a line containing TEXT
 *   NS does not receive "TEXT"
 * </pre>
 *
 * Namespaces are held by the lab's names ({@link org.netnslab.core.backend.Backend#HOST} for {@code host}).
 * {@link #text()} writes an expectation back in the language; {@link Expectations#parse(String)} reads one.
 */
public sealed interface Expectation {

    /** The expectation as a teacher writes it. */
    String text();

    /** A ping from {@code namespace} to {@code destination} gets a reply, with {@code ttl} when given. */
    record Reaches(String namespace, Ipv4Address destination, Optional<Integer> ttl) implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " reaches " + destination
                    + ttl.map(t -> " with ttl " + t).orElse("");
        }
    }

    /** A ping from {@code namespace} to {@code destination} gets no reply, or cannot even be sent. */
    record DoesNotReach(String namespace, Ipv4Address destination) implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " does not reach " + destination;
        }
    }

    /** The main table has a route to exactly this prefix (through {@code via}, out of {@code device}, if given). */
    record HasRoute(String namespace, Ipv4Cidr destination, Optional<Ipv4Address> via, Optional<String> device)
            implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " has route " + Expectations.prefix(destination)
                    + via.map(v -> " via " + v).orElse("") + device.map(d -> " dev " + d).orElse("");
        }
    }

    /** The main table has no route to exactly this prefix. */
    record HasNoRoute(String namespace, Ipv4Cidr destination) implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " has no route " + Expectations.prefix(destination);
        }
    }

    /** An IPv4 address is on a link (with this prefix length, on this link, if given). */
    record HasAddress(String namespace, Ipv4Address address, Optional<Integer> prefixLength, Optional<String> device)
            implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " has address " + address
                    + prefixLength.map(l -> "/" + l).orElse("") + device.map(d -> " on " + d).orElse("");
        }
    }

    /** No link of the namespace has this IPv4 address (with this prefix length, if given). */
    record HasNoAddress(String namespace, Ipv4Address address, Optional<Integer> prefixLength) implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " has no address " + address
                    + prefixLength.map(l -> "/" + l).orElse("");
        }
    }

    /** The namespace has a link of this name (in this operational state, a port of this bridge, if given). */
    record HasLink(String namespace, String device, Optional<OperState> state, Optional<String> master)
            implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " has link " + device
                    + state.map(s -> " state " + s).orElse("") + master.map(m -> " master " + m).orElse("");
        }
    }

    /** The namespace has no link of this name. */
    record HasNoLink(String namespace, String device) implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + " has no link " + device;
        }
    }

    /** {@code net.ipv4.ip_forward} is on (not 0) or off. */
    record Forwarding(String namespace, boolean on) implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + (on ? " forwards" : " does not forward");
        }
    }

    /** A line of what the step's commands printed contains the text, or (when not {@code present}) none does. */
    record OutputContains(String fragment, boolean present) implements Expectation {
        @Override
        public String text() {
            return "output " + (present ? "contains " : "does not contain ") + Expectations.quote(fragment);
        }
    }

    /**
     * In the step's chat, the nc running in {@code namespace} received and printed a line that contains the
     * text, or (when not {@code present}) none.
     */
    record Receives(String namespace, String fragment, boolean present) implements Expectation {
        @Override
        public String text() {
            return Expectations.nsName(namespace) + (present ? " receives " : " does not receive ")
                    + Expectations.quote(fragment);
        }
    }
}
