package org.netnslab.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;

/**
 * A ping's first probe (its request, and its reply) hop by hop, as the page's journey player shows it on the
 * picture: where each hop is (the picture's {@code data-port} and {@code data-namespace}), what happened there,
 * the frame's headers by layer, what the hop changed, and for a packet that died, why.
 *
 * <p>A hop records a sentence, not the frame: the headers are what those sentences say (the addresses and TTL
 * of the IPv4 header as last seen, the ICMP echo's sequence, an ARP question or answer), carried from hop to
 * hop until a hop says they changed. What no hop says (the Ethernet addresses of an IPv4 frame, the echo's id)
 * is left out rather than made up.
 */
public final class JourneyHops {

    private static final String IP = "(\\d+\\.\\d+\\.\\d+\\.\\d+)";
    private static final Pattern ECHO_SENT = Pattern.compile("^echo request icmp_seq=(\\d+) sent, " + IP + " > " + IP
            + ", ttl (\\d+)");
    private static final Pattern RECEIVED = Pattern.compile("^received on \\S+, " + IP + " > " + IP + ", ttl (\\d+)");
    private static final Pattern REPLY_SENT = Pattern.compile("^echo request for " + IP + " delivered; echo reply "
            + IP + " > " + IP + " sent");
    private static final Pattern ICMP_ERROR_SENT = Pattern.compile("^ICMP (.+) sent, " + IP + " > " + IP);
    private static final Pattern FORWARDED = Pattern.compile(", ttl (\\d+) -> (\\d+)$");
    private static final Pattern MASQUERADED = Pattern.compile("^masqueraded " + IP + " -> " + IP);
    private static final Pattern DNAT = Pattern.compile("^DNAT: destination " + IP + " -> " + IP);
    private static final Pattern UN_MASQUERADED = Pattern.compile("^reply to a masqueraded connection: destination "
            + IP + " -> " + IP);
    private static final Pattern UN_DNAT = Pattern.compile("^reply to a DNAT'd connection: source " + IP + " -> " + IP);
    private static final Pattern ARP_ASKED = Pattern.compile("^ARP: who-has " + IP + "\\? asked on \\S+ \\(broadcast\\)");
    private static final Pattern ARP_ANSWERED = Pattern.compile("^ARP: who-has " + IP + "\\? it is here; reply " + IP
            + " is-at (\\S+)");
    private static final Pattern ARP_REPLY = Pattern.compile("^ARP reply: " + IP + " is-at (\\S+)");

    private JourneyHops() {}

    /** The first probe's hops, each a map the template reads; empty when the ping sent nothing to follow. */
    public static List<Map<String, Object>> of(PingResult ping) {
        if (ping.probes().isEmpty()) {
            return List.of();
        }
        Ipv4 ip = new Ipv4();
        List<Map<String, Object>> hops = new ArrayList<>();
        for (Hop h : ping.probes().get(0).journey()) {
            Map<String, Object> m = new LinkedHashMap<>();
            String ns = Topology.shown(h.namespace());
            String dev = h.device() == null ? "" : h.device();
            m.put("number", hops.size() + 1);
            m.put("namespace", ns);
            m.put("device", dev);
            m.put("port", dev.isEmpty() ? "" : ns + ":" + dev);
            m.put("what", h.what());
            List<String> changes = new ArrayList<>();
            List<String> headers = headers(h, ip, changes);
            m.put("headers", headers);
            m.put("changes", changes);
            m.put("drop", h.drop().orElse(""));
            hops.add(m);
        }
        return hops;
    }

    /** The IPv4 packet as the hops have told it so far. */
    private static final class Ipv4 {
        String src;
        String dst;
        String ttl;
        String icmp;
    }

    private static List<String> headers(Hop h, Ipv4 ip, List<String> changes) {
        String what = h.what();
        Matcher m;
        if ((m = ARP_ASKED.matcher(what)).find()) {
            return List.of("Ethernet: dst ff:ff:ff:ff:ff:ff (broadcast)", "ARP: who-has " + m.group(1));
        }
        if ((m = ARP_ANSWERED.matcher(what)).find()) {
            return List.of("Ethernet: src " + m.group(3), "ARP: reply " + m.group(2) + " is-at " + m.group(3));
        }
        if ((m = ARP_REPLY.matcher(what)).find()) {
            return List.of("ARP: reply " + m.group(1) + " is-at " + m.group(2));
        }
        if ((m = ECHO_SENT.matcher(what)).find()) {
            ip.src = m.group(2);
            ip.dst = m.group(3);
            ip.ttl = m.group(4);
            ip.icmp = "echo request, seq " + m.group(1);
        } else if ((m = RECEIVED.matcher(what)).find()) {
            ip.src = m.group(1);
            ip.dst = m.group(2);
            ip.ttl = m.group(3);
        } else if ((m = REPLY_SENT.matcher(what)).find()) {
            ip.src = m.group(2);
            ip.dst = m.group(3);
            ip.ttl = null;
            ip.icmp = ip.icmp == null ? "echo reply" : ip.icmp.replace("echo request", "echo reply");
        } else if ((m = ICMP_ERROR_SENT.matcher(what)).find()) {
            ip.src = m.group(2);
            ip.dst = m.group(3);
            ip.ttl = null;
            ip.icmp = m.group(1);
        } else if ((m = MASQUERADED.matcher(what)).find()) {
            ip.src = m.group(2);
            changes.add("source " + m.group(1) + " -> " + m.group(2) + " (masquerade)");
        } else if ((m = DNAT.matcher(what)).find()) {
            ip.dst = m.group(2);
            changes.add("destination " + m.group(1) + " -> " + m.group(2) + " (DNAT)");
        } else if ((m = UN_MASQUERADED.matcher(what)).find()) {
            ip.dst = m.group(2);
            changes.add("destination " + m.group(1) + " -> " + m.group(2) + " (masquerade undone)");
        } else if ((m = UN_DNAT.matcher(what)).find()) {
            ip.src = m.group(2);
            changes.add("source " + m.group(1) + " -> " + m.group(2) + " (DNAT undone)");
        }
        if ((m = FORWARDED.matcher(what)).find() && what.startsWith("forwarded")) {
            ip.ttl = m.group(2);
            changes.add("TTL " + m.group(1) + " -> " + m.group(2));
        }
        if (ip.src == null) {
            return List.of();
        }
        List<String> headers = new ArrayList<>();
        headers.add("IPv4: src " + ip.src + ", dst " + ip.dst + Optional.ofNullable(ip.ttl).map(t -> ", ttl " + t)
                .orElse(""));
        if (ip.icmp != null) {
            headers.add("ICMP: " + ip.icmp);
        }
        return headers;
    }
}
