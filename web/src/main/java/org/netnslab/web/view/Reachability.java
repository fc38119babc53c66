package org.netnslab.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.net.Ipv4Address;

/**
 * Which namespace can ping which address now: one echo request from every namespace the learner sees to
 * every IPv4 address of the lab and to the internet. It is computed on a copy of the lab (rebuilt from the
 * log), so that the learner's own lab keeps its neighbour caches and NAT counters as they were.
 */
public final class Reachability {

    /** Beyond this many rows or columns the matrix says it left some out. */
    static final int MAX_ROWS = 12;
    static final int MAX_COLUMNS = 24;

    private Reachability() {}

    public static Map<String, Object> of(Backend scratch) {
        LabState state = scratch.snapshot();
        List<String> rows = new ArrayList<>();
        rows.add(Backend.HOST);
        rows.addAll(state.namespaces());
        Set<String> targets = new LinkedHashSet<>();
        for (String ns : rows) {
            NamespaceState n = state.namespace(ns).orElseThrow();
            for (Address a : n.addresses()) {
                a.ipv4().filter(c -> !c.address().isLoopback()).ifPresent(c -> targets.add(c.address().toString()));
            }
        }
        targets.add(LabWorld.INTERNET.toString());
        List<String> columns = targets.stream().limit(MAX_COLUMNS).toList();
        List<Map<String, Object>> matrix = new ArrayList<>();
        for (String ns : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            List<Map<String, String>> cells = new ArrayList<>();
            for (String target : columns) {
                cells.add(cell(scratch, ns, Ipv4Address.parse(target)));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", JourneyFormat.namespace(ns));
            row.put("cells", cells);
            matrix.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", columns);
        out.put("rows", matrix);
        out.put("truncated", rows.size() > MAX_ROWS || targets.size() > MAX_COLUMNS);
        return out;
    }

    private static Map<String, String> cell(Backend lab, String ns, Ipv4Address target) {
        try {
            PingResult r = lab.ping(ns, new PingRequest(target, 1, java.util.Optional.empty(), 1000, 1000));
            Probe p = r.probes().get(0);
            return switch (p.outcome()) {
                case REPLY -> Map.of("ok", "yes", "text", "ttl " + p.ttl(), "why", "reply from " + target);
                case ERROR -> Map.of("ok", "no", "text", "\u2717", "why", p.error().orElse(""));
                case LOST -> Map.of("ok", "no", "text", "\u2717", "why", lostWhy(p));
            };
        } catch (KernelException e) {
            return Map.of("ok", "no", "text", "\u2717", "why", "connect: " + e.errno().message());
        }
    }

    private static String lostWhy(Probe p) {
        return p.journey().stream().filter(h -> h.isDrop()).findFirst()
                .map(h -> "dropped in " + JourneyFormat.namespace(h.namespace()) + ": " + h.drop().orElse(""))
                .orElse("no reply");
    }
}
