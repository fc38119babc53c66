package org.netnslab.web.view;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkMargin;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.options.PortAlignment;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortLabelPlacement;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.ElkShape;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatRule;

/**
 * The lab as a picture, drawn from its state alone and laid out by the Eclipse Layout Kernel (ELK layered),
 * left to right: the upstream (the internet), the host, then the learner's namespaces in as many columns as
 * their cables ask. A bridge is a switch inside the box of the namespace that holds it, and each of its ports
 * is a port on that switch, so a veth end set {@code master br0} is cabled to the switch, not to its box.
 * Every link end is a port, named with its addresses; a cable is solid green when both ends are up, dashed
 * grey when not. Forwarding and MASQUERADE rules are written where they act: on the namespace's box, and on
 * the port a rule's {@code -o} names.
 *
 * <p>The picture is drawn at its own size in pixels (12 px text) and scrolls in the page rather than shrink.
 * Past {@link #DRAWN_AT_MOST} namespaces, the rest are listed in one box so that the picture stays useful.
 */
public final class Topology {

    /** Namespaces drawn one by one; more are summed up in one box. */
    static final int DRAWN_AT_MOST = 120;

    /** Width of one character of the picture's 12 px monospace text, and its line height. */
    static final double CHAR_W = 7.3;
    static final double LINE_H = 16;
    private static final double PORT = 8;

    private Topology() {}

    /** An SVG element, escaped, ready to inline in a page. */
    public static String svg(LabState state) {
        return new Drawing(state).draw();
    }

    /** One text line's size in the picture. */
    static double textWidth(String text) {
        return text.length() * CHAR_W + 4;
    }

    private static final class Drawing {
        private final LabState state;
        private final ElkNode root = ElkGraphUtil.createGraph();
        private final Map<String, ElkNode> boxes = new LinkedHashMap<>();
        private final Map<String, ElkNode> bridges = new LinkedHashMap<>();
        private final Map<String, ElkPort> ports = new LinkedHashMap<>();
        private final Map<ElkPort, Link> linkOf = new LinkedHashMap<>();
        private final Map<ElkNode, List<String>> headers = new LinkedHashMap<>();
        private final Map<ElkNode, String> kindOf = new LinkedHashMap<>();
        private final List<ElkEdge> cables = new ArrayList<>();
        private final Map<ElkEdge, String> cableNames = new LinkedHashMap<>();
        private final Map<ElkEdge, Boolean> cableUp = new LinkedHashMap<>();
        private final List<String> drawn;
        private final List<String> summed;

        Drawing(LabState state) {
            this.state = state;
            List<String> learners = state.namespaces();
            this.drawn = learners.subList(0, Math.min(learners.size(), DRAWN_AT_MOST));
            this.summed = learners.subList(drawn.size(), learners.size());
        }

        String draw() {
            root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
            root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
            root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
            root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
            root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
            root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
            root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
            root.setProperty(CoreOptions.SPACING_EDGE_NODE, 16.0);
            root.setProperty(CoreOptions.PADDING, new ElkPadding(12));

            List<NamespaceState> shown = new ArrayList<>();
            state.namespace(Backend.UPSTREAM).ifPresent(shown::add);
            state.namespace(Backend.HOST).ifPresent(shown::add);
            for (String n : drawn) {
                state.namespace(n).ifPresent(shown::add);
            }
            for (NamespaceState ns : shown) {
                namespace(ns);
            }
            for (NamespaceState ns : shown) {
                for (Link l : ns.links()) {
                    cable(ns, l);
                }
            }
            if (!summed.isEmpty()) {
                ElkNode more = leaf(root, "more", List.of(summed.size() + " more namespaces:",
                        String.join(" ", summed.subList(0, Math.min(12, summed.size())))
                                + (summed.size() > 12 ? " \u2026" : "")));
                kindOf.put(more, "more");
            }
            new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
            return render();
        }

        private void namespace(NamespaceState ns) {
            boolean upstream = ns.name().equals(Backend.UPSTREAM);
            List<String> lines = new ArrayList<>();
            lines.add(upstream ? "internet (198.51.100.8)" : shown(ns.name()));
            if (ns.name().equals(Backend.HOST) || (!upstream && ns.ipForward() != 0)) {
                lines.add(ns.ipForward() != 0 ? "forwarding on" : "forwarding off");
            }
            for (NatRule r : ns.nat().rules()) {
                if (r.outInterface().isEmpty() || ns.link(r.outInterface().get()).isEmpty()) {
                    lines.add(natText(r));
                }
            }
            List<Link> bs = upstream ? List.of()
                    : ns.links().stream().filter(l -> l.kind() == LinkKind.BRIDGE).toList();
            ElkNode box;
            // the ends a namespace holds itself are ports of a leaf, whose labels the layout keeps inside it
            ElkNode stack;
            if (bs.isEmpty()) {
                box = leaf(root, "ns:" + ns.name(), lines);
                stack = box;
            } else {
                box = ElkGraphUtil.createNode(root);
                box.setIdentifier("ns:" + ns.name());
                box.setProperty(CoreOptions.PADDING, new ElkPadding(10 + LINE_H, 14, 12, 14));
                double w = textWidth(lines.get(0)) + 24;
                box.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(w, 40));
                box.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
                headers.put(box, lines.subList(0, 1));
                boolean ownEnds = ns.links().stream().anyMatch(l -> l.kind() != LinkKind.LOOPBACK
                        && l.kind() != LinkKind.BRIDGE && l.master().isEmpty());
                stack = null;
                if (ownEnds || lines.size() > 1) {
                    stack = leaf(box, "stack:" + ns.name(), lines.size() > 1 ? lines.subList(1, lines.size())
                            : List.of("links"));
                    kindOf.put(stack, "stack");
                }
                for (Link b : bs) {
                    ElkNode sw = leaf(box, "br:" + ns.name() + ":" + b.name(), List.of("\u21c4 " + endText(ns, b)));
                    kindOf.put(sw, "bridge");
                    bridges.put(ns.name() + ":" + b.name(), sw);
                }
            }
            kindOf.putIfAbsent(box, upstream ? "internet" : ns.name().equals(Backend.HOST) ? "host" : "netns");
            boxes.put(shown(ns.name()), box);
            for (Link l : ns.links()) {
                if (l.kind() == LinkKind.LOOPBACK || l.kind() == LinkKind.BRIDGE) {
                    continue;
                }
                if (upstream && !l.peer().flatMap(Link.Peer::namespace).map(Backend.HOST::equals).orElse(false)) {
                    continue;
                }
                ElkNode owner = l.master().map(m -> bridges.get(ns.name() + ":" + m)).orElse(stack);
                ElkPort p = ElkGraphUtil.createPort(owner);
                p.setIdentifier(shown(ns.name()) + ":" + l.name());
                p.setDimensions(PORT, PORT);
                List<String> texts = new ArrayList<>();
                texts.add(endText(ns, l) + (l.adminUp() ? "" : " (down)"));
                for (NatRule r : ns.nat().rules()) {
                    if (r.outInterface().map(l.name()::equals).orElse(false)) {
                        texts.add(natText(r));
                    }
                }
                for (String t : texts) {
                    ElkLabel label = ElkGraphUtil.createLabel(t, p);
                    label.setDimensions(textWidth(t), LINE_H);
                }
                ports.put(ns.name() + ":" + l.name(), p);
                linkOf.put(p, l);
            }
        }

        private ElkNode leaf(ElkNode parent, String id, List<String> lines) {
            ElkNode n = ElkGraphUtil.createNode(parent);
            n.setIdentifier(id);
            n.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.PORTS,
                    SizeConstraint.PORT_LABELS, SizeConstraint.NODE_LABELS, SizeConstraint.MINIMUM_SIZE));
            n.setProperty(CoreOptions.NODE_LABELS_PLACEMENT, NodeLabelPlacement.insideTopCenter());
            n.setProperty(CoreOptions.PORT_LABELS_PLACEMENT, EnumSet.of(PortLabelPlacement.INSIDE));
            n.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FREE);
            n.setProperty(CoreOptions.PORT_ALIGNMENT_DEFAULT, PortAlignment.BEGIN);
            n.setProperty(CoreOptions.NODE_LABELS_PADDING, new ElkPadding(6, 10, 4, 10));
            n.setProperty(CoreOptions.SPACING_LABEL_PORT_VERTICAL, 2.0);
            n.setProperty(CoreOptions.SPACING_LABEL_PORT_HORIZONTAL, 4.0);
            n.setProperty(CoreOptions.SPACING_PORT_PORT, LINE_H);
            // the ports begin below the box's own lines, so that their names never meet
            double top = 8 + LINE_H * lines.size();
            n.setProperty(CoreOptions.SPACING_PORTS_SURROUNDING, new ElkMargin(top, 6, 6, 6));
            n.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(90, top + LINE_H + 6));
            for (String line : lines) {
                ElkLabel label = ElkGraphUtil.createLabel(line, n);
                label.setDimensions(textWidth(line), LINE_H);
            }
            return n;
        }

        /** One cable a veth pair, drawn once, from the end nearer the internet to the other. */
        private void cable(NamespaceState ns, Link l) {
            if (l.kind() != LinkKind.VETH || l.peer().isEmpty()) {
                return;
            }
            Link.Peer peer = l.peer().get();
            String peerNs = peer.namespace().orElse(ns.name());
            ElkPort a = ports.get(ns.name() + ":" + l.name());
            ElkPort b = ports.get(peerNs + ":" + peer.name());
            if (a == null || b == null || rank(ns.name(), l) > rank(peerNs, linkOf.get(b))) {
                return;
            }
            if (rank(ns.name(), l) == rank(peerNs, linkOf.get(b)) && a.getIdentifier().compareTo(b.getIdentifier()) > 0) {
                return;
            }
            ElkEdge e = ElkGraphUtil.createSimpleEdge(a, b);
            ElkGraphUtil.updateContainment(e);
            cables.add(e);
            cableNames.put(e, a.getIdentifier() + " " + b.getIdentifier());
            cableUp.put(e, l.adminUp() && peer.adminUp());
        }

        /** Where an end stands from left to right: the internet, the host's own ends, its bridges, the others. */
        private int rank(String ns, Link l) {
            int base = ns.equals(Backend.UPSTREAM) ? 0 : ns.equals(Backend.HOST) ? 10 : 20 + 10 * drawn.indexOf(ns);
            return base + (l != null && l.master().isPresent() ? 1 : 0);
        }

        private String render() {
            double width = Math.ceil(root.getWidth());
            double height = Math.ceil(root.getHeight());
            StringBuilder svg = new StringBuilder();
            svg.append(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" width=\"%.0f\" height=\"%.0f\" "
                            + "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"topology-title\">",
                    width, height, width, height));
            svg.append("<title id=\"topology-title\">").append(esc(summary())).append("</title>");
            for (Map.Entry<String, ElkNode> e : boxes.entrySet()) {
                box(svg, e.getKey(), e.getValue());
            }
            for (ElkNode n : kindOf.keySet()) {
                String kind = kindOf.get(n);
                if (kind.equals("more") || kind.equals("stack")) {
                    svg.append(kind.equals("more") ? "<g class=\"ns more\">" : "<g class=\"stack\">");
                    rect(svg, n, 8);
                    labels(svg, n, "name");
                    svg.append("</g>");
                }
            }
            for (Map.Entry<String, ElkNode> e : bridges.entrySet()) {
                ElkNode sw = e.getValue();
                String name = e.getKey().substring(e.getKey().indexOf(':') + 1);
                String nsName = e.getKey().substring(0, e.getKey().indexOf(':'));
                Link b = state.namespace(nsName).flatMap(n -> n.link(name)).orElseThrow();
                svg.append("<g class=\"bridge ").append(b.adminUp() ? "up" : "down").append("\" data-bridge=\"")
                        .append(esc(name)).append("\" data-namespace-of=\"").append(esc(shown(nsName))).append("\">");
                rect(svg, sw, 3);
                labels(svg, sw, "name");
                svg.append("</g>");
            }
            for (ElkEdge e : cables) {
                cable(svg, e);
            }
            for (Map.Entry<String, ElkPort> e : ports.entrySet()) {
                port(svg, e.getValue().getIdentifier(), e.getValue());
            }
            svg.append("</svg>");
            return svg.toString();
        }

        private String summary() {
            StringBuilder s = new StringBuilder("Topology: the internet, the host");
            int n = state.namespaces().size();
            s.append(n == 0 ? "" : ", " + n + (n == 1 ? " namespace" : " namespaces"));
            int b = bridges.size();
            s.append(b == 0 ? "" : ", " + b + (b == 1 ? " bridge" : " bridges"));
            s.append(" and ").append(cables.size()).append(cables.size() == 1 ? " cable" : " cables");
            return s.toString();
        }

        private void box(StringBuilder svg, String name, ElkNode n) {
            String kind = kindOf.get(n);
            svg.append("<g class=\"ns ").append(kind).append("\" data-namespace=\"").append(esc(name)).append("\">");
            if (kind.equals("internet")) {
                KVector at = absolute(n);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\"/>", at.x, at.y,
                        n.getWidth(), n.getHeight(), Math.min(n.getHeight(), n.getWidth()) / 2));
            } else {
                rect(svg, n, 8);
            }
            List<String> header = headers.get(n);
            if (header != null) {
                KVector at = absolute(n);
                for (int i = 0; i < header.size(); i++) {
                    text(svg, i == 0 ? "name" : "note", at.x + 10, at.y + 6 + LINE_H * i, header.get(i));
                }
            } else {
                labels(svg, n, "name");
            }
            svg.append("</g>");
        }

        private void rect(StringBuilder svg, ElkNode n, double rx) {
            KVector at = absolute(n);
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\"/>", at.x, at.y,
                    n.getWidth(), n.getHeight(), rx));
        }

        private void labels(StringBuilder svg, ElkShape shape, String firstClass) {
            KVector at = absolute(shape);
            boolean first = true;
            for (ElkLabel l : shape.getLabels()) {
                text(svg, first ? firstClass : "note", at.x + l.getX(), at.y + l.getY(), l.getText());
                first = false;
            }
        }

        private void port(StringBuilder svg, String id, ElkPort p) {
            Link l = linkOf.get(p);
            KVector at = absolute(p);
            svg.append("<g class=\"port ").append(l.adminUp() ? "up" : "down").append("\" data-port=\"")
                    .append(esc(id)).append("\">");
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", at.x, at.y, p.getWidth(),
                    p.getHeight()));
            boolean first = true;
            for (ElkLabel label : p.getLabels()) {
                text(svg, first ? "end" : "note", at.x + label.getX(), at.y + label.getY(), label.getText());
                first = false;
            }
            svg.append("</g>");
        }

        /** A line of text whose box (x, y, its width, {@link #LINE_H}) is where the layout put its label. */
        private void text(StringBuilder svg, String cls, double x, double y, String text) {
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" data-w=\"%.1f\">%s</text>", cls, x + 2, y + 12,
                    textWidth(text), esc(text)));
        }

        private void cable(StringBuilder svg, ElkEdge e) {
            KVector offset = e.getContainingNode() == null ? new KVector() : absolute(e.getContainingNode());
            StringBuilder d = new StringBuilder();
            for (ElkEdgeSection s : e.getSections()) {
                d.append(String.format(Locale.ROOT, "M %.1f %.1f", offset.x + s.getStartX(), offset.y + s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    d.append(String.format(Locale.ROOT, " L %.1f %.1f", offset.x + b.getX(), offset.y + b.getY()));
                }
                d.append(String.format(Locale.ROOT, " L %.1f %.1f ", offset.x + s.getEndX(), offset.y + s.getEndY()));
            }
            String name = cableNames.get(e);
            svg.append("<path class=\"cable ").append(cableUp.get(e) ? "up" : "down").append("\" data-cable=\"")
                    .append(esc(name)).append("\" d=\"").append(d.toString().trim()).append("\"><title>")
                    .append(esc(name.replace(" ", " \u2194 "))).append("</title></path>");
        }
    }

    /** Where a shape's top-left corner is in the picture, its parents' offsets added. */
    private static KVector absolute(ElkShape shape) {
        KVector v = new KVector(shape.getX(), shape.getY());
        ElkNode parent = shape instanceof ElkPort p ? p.getParent() : ((ElkNode) shape).getParent();
        while (parent != null && parent.getParent() != null) {
            v.x += parent.getX();
            v.y += parent.getY();
            parent = parent.getParent();
        }
        return v;
    }

    /** The name the picture gives a namespace: the host and the upstream by their plain names. */
    static String shown(String ns) {
        return ns.equals(Backend.HOST) ? "host" : ns.equals(Backend.UPSTREAM) ? "upstream" : ns;
    }

    /** The end's name and its IPv4 addresses, as the picture prints it. */
    static String endText(NamespaceState ns, Link l) {
        StringBuilder text = new StringBuilder(l.name());
        for (Address a : ns.addressesOf(l.index())) {
            if (a.isInet()) {
                text.append(' ').append(a.prefix());
            }
        }
        return text.toString();
    }

    static String natText(NatRule r) {
        return (r.masquerade() ? "MASQUERADE" : "nat rule") + r.source().map(s -> " from " + s).orElse("")
                + r.outInterface().map(o -> " out " + o).orElse("");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** For tests: the cables drawn, each as its two ends {@code NS:DEV NS:DEV}. */
    static List<String> cables(String svg) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-cable=\"([^\"]*)\"").matcher(svg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
