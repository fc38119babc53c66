package org.netnslab.kernel;

import java.util.List;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatTable;
import org.netnslab.core.model.Route;

/**
 * A lab's state as text to compare between backends: what two correct runs share. MAC addresses, interface
 * indexes and netns ids differ between any two runs and are left out; IPv6 link-local addresses too, as they
 * are made from the MACs.
 */
final class StateView {

    private StateView() {}

    static String of(LabState s) {
        StringBuilder sb = new StringBuilder("namespaces ").append(s.namespaces()).append('\n');
        for (NamespaceState n : s.all()) {
            sb.append(of(n));
        }
        return sb.toString();
    }

    static String of(NamespaceState n) {
        StringBuilder sb = new StringBuilder("[").append(n.name()).append("] ip_forward=").append(n.ipForward())
                .append('\n');
        for (Link l : n.links()) {
            sb.append("  link ").append(l.name()).append(' ').append(l.kind().ipName())
                    .append(l.adminUp() ? " UP" : "").append(l.lowerUp() ? " LOWER_UP" : "")
                    .append(" state ").append(l.operState()).append(" qdisc ").append(l.qdisc())
                    .append(" mtu ").append(l.mtu()).append(" qlen ").append(l.txQueueLen());
            l.master().ifPresent(m -> sb.append(" master ").append(m));
            l.peer().ifPresent(p -> sb.append(" peer ").append(p.namespace().orElse("here")).append('/')
                    .append(p.name()).append(p.adminUp() ? " up" : " down"));
            sb.append('\n');
        }
        for (Address a : n.addresses()) {
            String prefix = a.prefix().startsWith("fe80::") ? "fe80::X" + a.prefix().substring(a.prefix().indexOf('/'))
                    : a.prefix();
            sb.append("  addr ").append(n.link(a.linkIndex()).map(Link::name).orElse("?")).append(' ')
                    .append(a.family()).append(' ').append(prefix).append(" scope ").append(a.scope().ipName())
                    .append(a.secondary() ? " secondary" : "").append(a.isInet() ? " label " + a.linkName() : "")
                    .append('\n');
        }
        for (Route r : n.routes()) {
            sb.append("  route ").append(r.type().ipName()).append(' ').append(r.destination())
                    .append(r.gateway().map(g -> " via " + g).orElse("")).append(" dev ").append(r.device())
                    .append(" proto ").append(r.protocol().ipName()).append(" scope ").append(r.scope().ipName())
                    .append(r.preferredSource().map(p -> " src " + p).orElse("")).append(" metric ").append(r.metric())
                    .append(r.linkDown() ? " linkdown" : "").append('\n');
        }
        NatTable nat = n.nat();
        for (NatTable.Entry e : nat.postrouting()) {
            sb.append("  nat ").append(e.rule()).append(' ').append(e.counters()).append('\n');
        }
        List<?> policies = nat.policyCounters();
        sb.append("  nat policies ").append(policies).append('\n');
        return sb.toString();
    }
}
