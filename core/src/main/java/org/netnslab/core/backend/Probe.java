package org.netnslab.core.backend;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;

/**
 * What became of one echo request.
 *
 * @param sequence the probe's number, from 1: the request carries it in 16 bits ({@link #icmpSeq()})
 * @param outcome a reply, an ICMP error, or nothing
 * @param from who answered (the target, or the router that sent the error); empty for a local error
 * @param ttl the reply's TTL
 * @param rttMicros the round trip, in microseconds (the simulator's are made up and deterministic)
 * @param error the ICMP error as ping prints it ({@code Destination Net Unreachable})
 * @param journey the request's and the reply's hops, when the backend can tell them (the simulator can)
 */
public record Probe(
        int sequence,
        Outcome outcome,
        Optional<Ipv4Address> from,
        int ttl,
        long rttMicros,
        Optional<String> error,
        List<Hop> journey) {

    public enum Outcome {
        REPLY,
        ERROR,
        LOST
    }

    /**
     * The {@code icmp_seq} the request carried and ping prints: the probe's number in 16 bits, so that the
     * 65,536th is 0 again. ping counts every reply all the same.
     */
    public int icmpSeq() {
        return sequence & 0xffff;
    }

    public static Probe reply(int seq, Ipv4Address from, int ttl, long rttMicros, List<Hop> journey) {
        return new Probe(seq, Outcome.REPLY, Optional.of(from), ttl, rttMicros, Optional.empty(), journey);
    }

    public static Probe error(int seq, Ipv4Address from, String error, List<Hop> journey) {
        return new Probe(seq, Outcome.ERROR, Optional.of(from), 0, 0, Optional.of(error), journey);
    }

    /**
     * A request its sender's own kernel refused to send ({@code ping: local error: message too long,
     * mtu=1400}): an error of no one's, which ping counts with the ICMP errors.
     */
    public static Probe localError(int seq, String error, List<Hop> journey) {
        return new Probe(seq, Outcome.ERROR, Optional.empty(), 0, 0, Optional.of(error), journey);
    }

    public static Probe lost(int seq, List<Hop> journey) {
        return new Probe(seq, Outcome.LOST, Optional.empty(), 0, 0, Optional.empty(), journey);
    }
}
