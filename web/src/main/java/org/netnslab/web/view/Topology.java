package org.netnslab.web.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;

/**
 * The lab as a picture, drawn from its state alone: the upstream as the internet at the top, the host in
 * the middle with its bridges drawn as switches, the learner's namespaces as boxes below, and every veth
 * pair as a cable between the places its two ends are (a bridge, when the end is a port). A cable is solid
 * green when both ends are up, dashed grey when not.
 */
public final class Topology {

    private static final int BOX_W = 210;
    private static final int BOX_H = 72;
    private static final int GAP = 30;

    private Topology() {}

    private record Point(double x, double y) {}

    /** An SVG element, escaped, ready to inline in a page. */
    public static String svg(LabState state) {
        List<String> learners = state.namespaces();
        int columns = Math.max(1, learners.size());
        int width = Math.max(760, columns * (BOX_W + GAP) + GAP);
        NamespaceState host = state.namespace(Backend.HOST).orElseThrow();
        List<Link> bridges = host.links().stream().filter(l -> l.kind() == LinkKind.BRIDGE).toList();
        boolean nestedBridges = learners.stream().flatMap(n -> state.namespace(n).stream())
                .anyMatch(n -> n.links().stream().anyMatch(l -> l.kind() == LinkKind.BRIDGE));
        int height = 420 + (nestedBridges ? 40 : 0);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"topology\" viewBox=\"0 0 %d %d\" "
                        + "role=\"img\" aria-label=\"topology of the lab\">", width, height));
        svg.append("<title>Topology: namespaces, cables and bridges</title>");

        Map<String, Point> places = new HashMap<>();
        Map<Point, Point> halfSizes = new HashMap<>();
        Point cloud = new Point(width / 2.0, 48);
        places.put(Backend.UPSTREAM, cloud);
        Point hostCenter = new Point(width / 2.0, 180);
        places.put(Backend.HOST, hostCenter);
        int hostWidth = Math.max(BOX_W * 2, Math.min(width - 2 * GAP, 160 * Math.max(2, bridges.size() + 1)));
        halfSizes.put(cloud, new Point(120, 30));
        halfSizes.put(hostCenter, new Point(hostWidth / 2.0, (BOX_H + 24) / 2.0));
        double rowY = 340;
        for (int i = 0; i < learners.size(); i++) {
            double x = GAP + BOX_W / 2.0 + i * ((width - 2.0 * GAP - BOX_W) / Math.max(1, learners.size() - 1));
            if (learners.size() == 1) {
                x = width / 2.0;
            }
            Point at = new Point(x, rowY);
            places.put(learners.get(i), at);
            halfSizes.put(at, new Point(BOX_W / 2.0, BOX_H / 2.0));
        }
        // bridges sit inside their namespace's box, spread along it
        Map<String, Point> bridgePlaces = new HashMap<>();
        for (NamespaceState ns : state.all()) {
            List<Link> bs = ns.links().stream().filter(l -> l.kind() == LinkKind.BRIDGE).toList();
            Point c = places.get(ns.name());
            for (int i = 0; i < bs.size(); i++) {
                double x = c.x() + (i - (bs.size() - 1) / 2.0) * 130;
                double y = ns.name().equals(Backend.HOST) ? c.y() + 22 : c.y() + 22;
                bridgePlaces.put(ns.name() + "/" + bs.get(i).name(), new Point(x, y));
            }
        }

        // cables first, so that boxes are drawn over their ends; a learner's links are named inside its box
        Set<String> drawn = new HashSet<>();
        Map<String, List<Link>> inside = new HashMap<>();
        for (NamespaceState ns : state.all()) {
            for (Link l : ns.links()) {
                if (l.kind() != LinkKind.VETH || l.peer().isEmpty()) {
                    continue;
                }
                Link.Peer p = l.peer().get();
                String peerNs = p.namespace().orElse(ns.name());
                String key = pairKey(ns.name(), l.name(), peerNs, p.name());
                if (!drawn.add(key)) {
                    continue;
                }
                Point a = end(ns.name(), l, places, bridgePlaces);
                Link peerLink = state.namespace(peerNs).flatMap(n -> n.link(p.name())).orElse(null);
                Point b = peerLink == null ? places.get(peerNs) : end(peerNs, peerLink, places, bridgePlaces);
                if (a == null || b == null) {
                    continue;
                }
                boolean up = l.adminUp() && p.adminUp();
                // a cable meets a box at its edge, not its middle, so the ends' names stay readable
                Point rawA = a;
                a = edge(a, halfSizes.get(a), b);
                b = edge(b, halfSizes.get(b), rawA);
                String label = l.name() + (ns.name().equals(peerNs) ? "" : "") + " \u2194 " + p.name();
                cable(svg, a, b, up, label, ns.name().equals(peerNs));
                label(svg, inside, learners, a, b, l, ns);
                if (peerLink != null) {
                    label(svg, inside, learners, b, a, peerLink, state.namespace(peerNs).get());
                }
            }
        }

        cloud(svg, cloud);
        box(svg, hostCenter, hostWidth, BOX_H + 24, "host", host.ipForward() != 0, "host");
        for (String name : learners) {
            NamespaceState ns = state.namespace(name).orElseThrow();
            Point c = places.get(name);
            box(svg, c, BOX_W, BOX_H, name, ns.ipForward() != 0, "netns");
            List<Link> named = inside.getOrDefault(name, List.of());
            for (int i = 0; i < named.size() && i < 3; i++) {
                Link l = named.get(i);
                svg.append(String.format(Locale.ROOT,
                        "<text class=\"end %s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                        l.adminUp() ? "up" : "down", c.x(), c.y() + 2 + 14 * i, esc(endText(l, ns))));
            }
        }
        for (NamespaceState ns : state.all()) {
            for (Link b : ns.links()) {
                if (b.kind() == LinkKind.BRIDGE) {
                    Point at = bridgePlaces.get(ns.name() + "/" + b.name());
                    bridge(svg, at, b, ns);
                }
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** Where the line from a box's centre toward a point leaves the box; the centre itself for a bridge. */
    private static Point edge(Point center, Point half, Point toward) {
        if (half == null) {
            return center;
        }
        double dx = toward.x() - center.x();
        double dy = toward.y() - center.y();
        if (dx == 0 && dy == 0) {
            return center;
        }
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : half.x() / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : half.y() / Math.abs(dy));
        return new Point(center.x() + dx * Math.min(1, t), center.y() + dy * Math.min(1, t));
    }

    private static String pairKey(String ns1, String l1, String ns2, String l2) {
        String a = ns1 + "/" + l1;
        String b = ns2 + "/" + l2;
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private static Point end(String ns, Link l, Map<String, Point> places, Map<String, Point> bridges) {
        if (l.master().isPresent()) {
            Point b = bridges.get(ns + "/" + l.master().get());
            if (b != null) {
                return b;
            }
        }
        return places.get(ns);
    }

    private static void cable(StringBuilder svg, Point a, Point b, boolean up, String label, boolean loop) {
        String style = up ? "cable up" : "cable down";
        if (loop || (a.x() == b.x() && a.y() == b.y())) {
            svg.append(String.format(Locale.ROOT,
                    "<path class=\"%s\" d=\"M %.1f %.1f c 40 40, -40 40, 0 0\"><title>%s</title></path>",
                    style, a.x() - 60, a.y() + 20, esc(label)));
            return;
        }
        svg.append(String.format(Locale.ROOT,
                "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"><title>%s</title></line>",
                style, a.x(), a.y(), b.x(), b.y(), esc(label)));
    }

    /** Names a cable's end: inside a learner's box, or beside the cable for the host's ends. */
    private static void label(StringBuilder svg, Map<String, List<Link>> inside, List<String> learners, Point at,
            Point toward, Link l, NamespaceState ns) {
        if (learners.contains(ns.name()) && l.master().isEmpty()) {
            inside.computeIfAbsent(ns.name(), k -> new java.util.ArrayList<>()).add(l);
        } else {
            endLabel(svg, at, toward, l, ns);
        }
    }

    private static String endText(Link l, NamespaceState ns) {
        StringBuilder text = new StringBuilder(l.name());
        for (Address a : ns.addressesOf(l.index())) {
            if (a.isInet()) {
                text.append(' ').append(a.prefix());
            }
        }
        return text.toString();
    }

    private static void endLabel(StringBuilder svg, Point at, Point toward, Link l, NamespaceState ns) {
        double dx = toward.x() - at.x();
        double dy = toward.y() - at.y();
        double len = Math.max(1, Math.hypot(dx, dy));
        // a bridge's ports fan out from one point: their names go further along their cables, apart
        double along = l.master().isPresent() ? Math.max(40, len * 0.55) : Math.min(24, len * 0.3);
        double x = at.x() + dx / len * along;
        double y = at.y() + dy / len * along;
        svg.append(String.format(Locale.ROOT,
                "<text class=\"end %s\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                l.adminUp() ? "up" : "down", x + 6, y, esc(endText(l, ns))));
    }

    private static void cloud(StringBuilder svg, Point c) {
        svg.append(String.format(Locale.ROOT,
                "<g class=\"internet\"><ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"120\" ry=\"30\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">internet (198.51.100.8)</text></g>",
                c.x(), c.y(), c.x(), c.y() + 5));
    }

    private static void box(StringBuilder svg, Point c, int w, int h, String name, boolean forwarding,
            String kind) {
        svg.append(String.format(Locale.ROOT,
                "<g class=\"ns %s\" data-namespace=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"8\"/>"
                        + "<text class=\"name\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s%s</text></g>",
                kind, esc(name), c.x() - w / 2.0, c.y() - h / 2.0, w, h, c.x(), c.y() - h / 2.0 + 18, esc(name),
                forwarding ? " \u00b7 forwarding" : ""));
    }

    private static void bridge(StringBuilder svg, Point at, Link b, NamespaceState ns) {
        StringBuilder label = new StringBuilder(b.name());
        for (Address a : ns.addressesOf(b.index())) {
            if (a.isInet()) {
                label.append(' ').append(a.prefix());
            }
        }
        double w = Math.max(120, 7.5 * (label.length() + 2) + 16);
        svg.append(String.format(Locale.ROOT,
                "<g class=\"bridge %s\" data-bridge=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"22\" rx=\"3\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">\u21c4 %s</text></g>",
                b.adminUp() ? "up" : "down", esc(b.name()), at.x() - w / 2, at.y() - 11, w, at.x(), at.y() + 4,
                esc(label.toString())));
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

    /** For tests: the names of the cables drawn. */
    static List<String> cables(String svg) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"cable[^\"]*\"[^>]*><title>([^<]*)</title>")
                .matcher(svg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
