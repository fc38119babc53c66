package org.netnslab.core.ping;

import java.util.List;
import java.util.Locale;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;

/** Prints a ping's report as iputils 20221126 does: the header, a line per answer, the statistics. */
public final class PingFormat {

    private PingFormat() {}

    public static String report(PingRequest request, PingResult result) {
        return report(request, result, false);
    }

    /** The report; {@code -q} leaves out the line of each answer. */
    public static String report(PingRequest request, PingResult result, boolean quiet) {
        return report(request, result, quiet, request.destination().toString());
    }

    /** The report of a destination typed as {@code host} ({@code 127.1}, which ping shows as it was typed). */
    public static String report(PingRequest request, PingResult result, boolean quiet, String host) {
        StringBuilder sb = new StringBuilder();
        String dst = host;
        sb.append("PING ").append(dst).append(" (").append(request.destination()).append(") ");
        if (request.device().isPresent()) {
            sb.append("from ").append(result.source().map(Object::toString).orElse("0.0.0.0")).append(' ')
                    .append(request.device().get()).append(": ");
        } else if (request.source().isPresent()) {
            sb.append("from ").append(request.source().get()).append(" : ");
        }
        int size = request.payloadSize();
        // iputils times a request only when its data holds a struct timeval
        boolean timed = size >= 16;
        sb.append(size).append('(').append(size + 28).append(") bytes of data.\n");
        for (Probe p : quiet ? List.<Probe>of() : result.probes()) {
            switch (p.outcome()) {
                case REPLY -> {
                    sb.append(size + 8).append(" bytes from ").append(p.from().orElseThrow()).append(": icmp_seq=")
                            .append(p.icmpSeq()).append(" ttl=").append(p.ttl());
                    if (timed) {
                        sb.append(" time=").append(millis(p.rttMicros())).append(" ms");
                    }
                    sb.append('\n');
                }
                case ERROR -> {
                    if (p.from().isEmpty()) {
                        sb.append("ping: ").append(p.error().orElseThrow()).append('\n');
                    } else {
                        sb.append("From ").append(p.from().get()).append(" icmp_seq=").append(p.icmpSeq())
                                .append(' ').append(p.error().orElseThrow()).append('\n');
                    }
                }
                case LOST -> { }
            }
        }
        int transmitted = result.probes().size();
        long received = result.received();
        // a local error is counted with the errors only when ping said it: not under -q
        long errors = result.errors() - (quiet ? result.probes().stream()
                .filter(p -> p.outcome() == Probe.Outcome.ERROR && p.from().isEmpty()).count() : 0);
        sb.append('\n').append("--- ").append(dst).append(" ping statistics ---\n");
        sb.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
        if (errors > 0) {
            sb.append(", +").append(errors).append(" errors");
        }
        if (transmitted > 0) {
            sb.append(", ").append(percent((transmitted - received) * 100.0 / transmitted)).append("% packet loss");
        }
        long elapsed = Math.max(0, (long) (transmitted - 1) * request.intervalMillis());
        sb.append(", time ").append(elapsed).append("ms\n");
        // iputils' finish(): a second line always, with the round trips when any reply came and the pipe
        // size when more than one request was out at once; empty otherwise
        String comma = "";
        if (received > 0 && timed) {
            List<Long> rtts = result.probes().stream()
                    .filter(p -> p.outcome() == Probe.Outcome.REPLY)
                    .map(Probe::rttMicros)
                    .toList();
            long min = rtts.stream().mapToLong(Long::longValue).min().orElse(0);
            long max = rtts.stream().mapToLong(Long::longValue).max().orElse(0);
            double avg = rtts.stream().mapToLong(Long::longValue).average().orElse(0);
            double sq = rtts.stream().mapToDouble(r -> (double) r * r).average().orElse(0);
            long mdev = Math.round(Math.sqrt(Math.max(0, sq - avg * avg)));
            sb.append("rtt min/avg/max/mdev = ").append(millis(min)).append('/').append(millis(Math.round(avg)))
                    .append('/').append(millis(max)).append('/').append(millis(mdev)).append(" ms");
            comma = ", ";
        }
        if (result.pipe() > 1) {
            sb.append(comma).append("pipe ").append(result.pipe());
        }
        sb.append('\n');
        return sb.toString();
    }

    /** The exit status ping gives: 0 when any reply came. */
    public static int exitStatus(PingResult result) {
        return result.received() > 0 ? 0 : 1;
    }

    private static String millis(long micros) {
        return (micros / 1000) + "." + String.format(Locale.ROOT, "%03d", micros % 1000);
    }

    /** C's {@code %g}: six significant digits, no trailing zeros. */
    static String percent(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        String s = new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
        return s;
    }
}
