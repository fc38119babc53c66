package org.netnslab.core.command;

import java.util.List;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.backend.SegmentJourney;

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
            case ERROR -> p.error().orElseThrow() + " (from " + p.from().orElseThrow() + ")";
            case LOST -> "no reply";
        };
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
