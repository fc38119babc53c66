package org.netnslab.core.command;

import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;

/** Prints the journey of each probe of a ping, hop by hop, and where and why it died. */
public final class JourneyFormat {

    private JourneyFormat() {}

    public static String trace(PingResult result) {
        StringBuilder sb = new StringBuilder();
        for (Probe p : result.probes()) {
            sb.append("  icmp_seq=").append(p.sequence()).append(": ").append(verdict(p)).append('\n');
            for (Hop h : p.journey()) {
                sb.append(String.format("    %-12s %-14s %s", namespace(h.namespace()), h.device(), h.what()));
                h.drop().ifPresent(why -> sb.append(": ").append(why));
                sb.append('\n');
            }
        }
        return sb.toString();
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
