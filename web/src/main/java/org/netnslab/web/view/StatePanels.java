package org.netnslab.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.ip.IpRoute;
import org.netnslab.core.ip.LinkFormat;
import org.netnslab.core.iptables.IptablesFormat;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;

/**
 * The panels of the state, one per namespace the learner can see (the host and their own), as lines the
 * real tools would print, each marked {@code added} or {@code removed} against the state before the last
 * action. Built as plain maps and lists for the templates.
 */
public final class StatePanels {

    private StatePanels() {}

    public static List<Map<String, Object>> of(LabState before, LabState now) {
        List<String> names = new ArrayList<>();
        names.add(Backend.HOST);
        names.addAll(now.namespaces());
        for (String gone : before.namespaces()) {
            if (!names.contains(gone)) {
                names.add(gone);
            }
        }
        List<Map<String, Object>> panels = new ArrayList<>();
        for (String name : names) {
            Optional<NamespaceState> was = before.namespace(name);
            Optional<NamespaceState> is = now.namespace(name);
            Map<String, Object> panel = new LinkedHashMap<>();
            panel.put("name", JourneyFormat.namespace(name));
            panel.put("status", is.isEmpty() ? "removed" : was.isEmpty() ? "added" : "");
            panel.put("forwarding", is.map(n -> n.ipForward() != 0).orElse(false));
            panel.put("forwardingChanged", was.isPresent() && is.isPresent()
                    && (was.get().ipForward() != 0) != (is.get().ipForward() != 0));
            panel.put("links", marked(was.map(StatePanels::links), is.map(StatePanels::links)));
            panel.put("addresses", marked(was.map(StatePanels::addresses), is.map(StatePanels::addresses)));
            panel.put("routes", marked(was.map(StatePanels::routes), is.map(StatePanels::routes)));
            panel.put("nat", marked(was.map(StatePanels::nat), is.map(StatePanels::nat)));
            panels.add(panel);
        }
        return panels;
    }

    private static List<String> links(NamespaceState ns) {
        List<String> out = new ArrayList<>();
        for (Link l : ns.links()) {
            StringBuilder sb = new StringBuilder(String.format("%-16s %-14s", LinkFormat.nameWithPeer(l),
                    l.operState().name()));
            l.master().ifPresent(m -> sb.append(" master ").append(m));
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    private static List<String> addresses(NamespaceState ns) {
        List<String> out = new ArrayList<>();
        for (Address a : ns.addresses()) {
            if (a.isInet()) {
                out.add(String.format("%-16s %s", a.linkName(), a.prefix()));
            }
        }
        return out;
    }

    private static List<String> routes(NamespaceState ns) {
        return IpRoute.routes(ns.routes(), Optional.empty()).lines().map(String::stripTrailing).toList();
    }

    private static List<String> nat(NamespaceState ns) {
        return IptablesFormat.rules(ns.nat(), Optional.of("POSTROUTING")).lines()
                .filter(l -> l.startsWith("-A"))
                .toList();
    }

    /** The lines now, each marked added if it was not there before, then the lines that went, marked removed. */
    private static List<Map<String, String>> marked(Optional<List<String>> before, Optional<List<String>> now) {
        Set<String> was = new LinkedHashSet<>(before.orElse(List.of()));
        Set<String> is = new LinkedHashSet<>(now.orElse(List.of()));
        boolean brandNew = before.isEmpty();
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : is) {
            out.add(Map.of("text", line, "mark", !brandNew && !was.contains(line) ? "added" : ""));
        }
        for (String line : was) {
            if (!is.contains(line)) {
                out.add(Map.of("text", line, "mark", "removed"));
            }
        }
        return out;
    }
}
