package org.netnslab.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.model.LabState;
import org.netnslab.core.shell.Terminal;
import org.netnslab.sim.SimBackend;

class TopologyTests {

    private static Terminal lab(String... commands) throws Exception {
        SimBackend backend = new SimBackend(7);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String c : commands) {
            assertThat(t.run(c).exitStatus()).as(c).isZero();
        }
        return t;
    }

    @Test
    void theWorldAloneIsTheHostCabledToTheInternet() throws Exception {
        String svg = Topology.svg(lab().backend().snapshot());
        assertThat(svg).contains("internet (198.51.100.8)", "data-namespace=\"host\"", "forwarding off");
        assertThat(Topology.cables(svg)).containsExactly("upstream:eth0 host:eth0");
        assertSound(svg);
    }

    @Test
    void aBridgeIsASwitchWithItsPortsCabledToTheirNamespaces() throws Exception {
        Terminal t = lab("ip netns add one", "ip netns add two",
                "ip link add veth-one-in type veth peer name veth-one-out",
                "ip link add veth-two-in type veth peer name veth-two-out",
                "ip link set veth-one-in netns one", "ip link set veth-two-in netns two",
                "ip link add name br0 type bridge", "ip link set veth-one-out master br0",
                "ip link set veth-two-out master br0", "ip link set br0 up", "ip link set veth-one-out up",
                "ip -n one link set veth-one-in up");
        String svg = Topology.svg(t.backend().snapshot());
        assertThat(svg).contains("data-bridge=\"br0\"", "data-namespace=\"one\"", "data-namespace=\"two\"");
        assertThat(Topology.cables(svg)).containsExactlyInAnyOrder("upstream:eth0 host:eth0",
                "host:veth-one-out one:veth-one-in", "host:veth-two-out two:veth-two-in");
        // one cable has both ends up, the other does not
        assertThat(svg).contains("class=\"cable up\" data-cable=\"host:veth-one-out one:veth-one-in\"",
                "class=\"cable down\" data-cable=\"host:veth-two-out two:veth-two-in\"");
        // the ports of the bridge are on the switch, inside the host's box
        Rect bridge = rects(svg, "<g class=\"bridge[^\"]*\" data-bridge=\"br0\"[^>]*><rect ").get(0);
        assertThat(bridge.within(box(svg, "host"))).isTrue();
        assertThat(port(svg, "host:veth-one-out").touches(bridge)).isTrue();
        assertThat(port(svg, "host:veth-two-out").touches(bridge)).isTrue();
        assertSound(svg);
    }

    @Test
    void aPortSetMasterOfABridgeMovesItsCableToTheSwitch() throws Exception {
        Terminal t = lab("ip netns add one", "ip link add veth0 type veth peer name ceth0",
                "ip link set ceth0 netns one", "ip link add virtual-bridge type bridge");
        String before = Topology.svg(t.backend().snapshot());
        Rect bridge = rects(before, "data-bridge=\"virtual-bridge\"[^>]*><rect ").get(0);
        assertThat(port(before, "host:veth0").touches(bridge)).isFalse();
        t.run("ip link set veth0 master virtual-bridge");
        String after = Topology.svg(t.backend().snapshot());
        bridge = rects(after, "data-bridge=\"virtual-bridge\"[^>]*><rect ").get(0);
        assertThat(port(after, "host:veth0").touches(bridge)).isTrue();
        assertSound(before);
        assertSound(after);
    }

    @Test
    void aVethWithBothEndsInOneNamespaceIsALoopWithBothNames() throws Exception {
        Terminal t = lab("ip link add veth0 type veth peer name veth1", "ip addr add 10.9.0.1/24 dev veth0");
        String svg = Topology.svg(t.backend().snapshot());
        assertThat(Topology.cables(svg)).contains("host:veth0 host:veth1");
        assertThat(texts(svg)).extracting(Text::text).contains("veth0 10.9.0.1/24 (down)", "veth1 (down)");
        assertSound(svg);
    }

    @Test
    void forwardingAndMasqueradeAreWrittenWhereTheyAct() throws Exception {
        Terminal t = lab("sysctl -w net.ipv4.ip_forward=1",
                "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE");
        String svg = Topology.svg(t.backend().snapshot());
        assertThat(svg).contains("forwarding on");
        // the rule is named at the port it names
        assertThat(svg).containsPattern("data-port=\"host:eth0\">(<rect[^>]*>)(<text[^>]*>[^<]*</text>)*"
                + "<text class=\"note\"[^>]*>MASQUERADE from 10.0.0.0/24 out eth0</text>");
        assertSound(svg);
    }

    @ParameterizedTest(name = "{0} namespaces")
    @ValueSource(ints = {3, 12, 50})
    void manyNamespacesOnABridgeAreLaidOutWithoutOverlaps(int n) throws Exception {
        Terminal t = crowd(n);
        String svg = Topology.svg(t.backend().snapshot());
        for (int i = 0; i < n; i++) {
            assertThat(svg).contains("data-namespace=\"ns" + i + "\"");
        }
        assertThat(Topology.cables(svg)).hasSize(n + 1);
        assertSound(svg);
    }

    @Test
    void pastWhatIsDrawnTheRestAreSummedUp() throws Exception {
        int n = Topology.DRAWN_AT_MOST + 30;
        String svg = Topology.svg(crowd(n).backend().snapshot());
        assertThat(svg).contains("data-namespace=\"ns0\"", "30 more namespaces:",
                "Topology: the internet, the host, " + n + " namespaces");
        assertSound(svg);
    }

    /** N namespaces, two in three on the host's bridge and up, the others cabled to the host itself. */
    private static Terminal crowd(int n) throws Exception {
        Terminal t = lab("ip link add name br0 type bridge", "ip link set br0 up", "ip addr add 10.0.0.1/24 dev br0");
        for (int i = 0; i < n; i++) {
            t.run("ip netns add ns" + i);
            t.run("ip link add v" + i + " type veth peer name p" + i);
            t.run("ip link set v" + i + " netns ns" + i);
            t.run("ip -n ns" + i + " addr add 10.0." + (i / 200) + "." + (i % 200 + 2) + "/16 dev v" + i);
            t.run("ip -n ns" + i + " link set v" + i + " up");
            if (i % 3 != 2) {
                t.run("ip link set p" + i + " master br0");
                t.run("ip link set p" + i + " up");
            }
        }
        return t;
    }

    record Rect(double x, double y, double w, double h) {
        boolean overlaps(Rect o) {
            return x < o.x + o.w - 0.5 && o.x < x + w - 0.5 && y < o.y + o.h - 0.5 && o.y < y + h - 0.5;
        }

        boolean within(Rect o) {
            return x >= o.x - 0.5 && y >= o.y - 0.5 && x + w <= o.x + o.w + 0.5 && y + h <= o.y + o.h + 0.5;
        }

        /** A port touches a box when it sits on the box's edge. */
        boolean touches(Rect o) {
            return x <= o.x + o.w + 0.5 && o.x <= x + w + 0.5 && y <= o.y + o.h + 0.5 && o.y <= y + h + 0.5;
        }

        boolean holds(double px, double py) {
            return px >= x - 0.6 && px <= x + w + 0.6 && py >= y - 0.6 && py <= y + h + 0.6;
        }
    }

    record Text(String text, Rect box) {}

    private static final Pattern RECT = Pattern.compile(
            "<rect x=\"([-\\d.]+)\" y=\"([-\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"");

    private static List<Rect> rects(String svg, String before) {
        Matcher m = Pattern.compile(before.endsWith("<rect ") ? before.substring(0, before.length() - 6) + RECT.pattern()
                : before + "[^<]*" + RECT.pattern()).matcher(svg);
        List<Rect> out = new ArrayList<>();
        while (m.find()) {
            int g = m.groupCount();
            out.add(new Rect(Double.parseDouble(m.group(g - 3)), Double.parseDouble(m.group(g - 2)),
                    Double.parseDouble(m.group(g - 1)), Double.parseDouble(m.group(g))));
        }
        return out;
    }

    private static Rect box(String svg, String ns) {
        return rects(svg, "data-namespace=\"" + Pattern.quote(ns) + "\"><rect ").get(0);
    }

    private static Rect port(String svg, String id) {
        return rects(svg, "data-port=\"" + Pattern.quote(id) + "\"><rect ").get(0);
    }

    private static List<Text> texts(String svg) {
        Matcher m = Pattern.compile("<text class=\"[^\"]*\" x=\"([-\\d.]+)\" y=\"([-\\d.]+)\" data-w=\"([\\d.]+)\">([^<]*)</text>")
                .matcher(svg);
        List<Text> out = new ArrayList<>();
        while (m.find()) {
            double x = Double.parseDouble(m.group(1)) - 2;
            double y = Double.parseDouble(m.group(2)) - 12;
            out.add(new Text(m.group(4), new Rect(x, y, Double.parseDouble(m.group(3)), Topology.LINE_H)));
        }
        return out;
    }

    /**
     * What every picture keeps: the namespaces' boxes apart, every switch inside its namespace's box, no two
     * lines of text on one another, every text inside the picture, and every cable ending at the ports of
     * the two ends it names.
     */
    private static void assertSound(String svg) {
        Matcher size = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        Rect picture = new Rect(0, 0, Double.parseDouble(size.group(1)), Double.parseDouble(size.group(2)));
        Matcher boxes = Pattern.compile("data-namespace=\"([^\"]*)\"><rect ").matcher(svg);
        List<String> names = new ArrayList<>();
        while (boxes.find()) {
            names.add(boxes.group(1));
        }
        assertThat(names).contains("host", "upstream").doesNotHaveDuplicates();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                assertThat(box(svg, names.get(i)).overlaps(box(svg, names.get(j))))
                        .as("%s and %s", names.get(i), names.get(j)).isFalse();
            }
        }
        Matcher bridges = Pattern.compile("data-bridge=\"([^\"]*)\" data-namespace-of=\"([^\"]*)\"><rect ").matcher(svg);
        while (bridges.find()) {
            Rect b = rects(svg, "data-bridge=\"" + Pattern.quote(bridges.group(1)) + "\"[^>]*><rect ").get(0);
            assertThat(b.within(box(svg, bridges.group(2)))).as("bridge %s", bridges.group(1)).isTrue();
        }
        List<Text> texts = texts(svg);
        assertThat(texts).isNotEmpty();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(texts.get(i).box().within(picture)).as(texts.get(i).text()).isTrue();
            for (int j = i + 1; j < texts.size(); j++) {
                assertThat(texts.get(i).box().overlaps(texts.get(j).box()))
                        .as("\"%s\" and \"%s\"", texts.get(i).text(), texts.get(j).text()).isFalse();
            }
        }
        Matcher cables = Pattern.compile("data-cable=\"([^ \"]*) ([^\"]*)\" d=\"M ([-\\d.]+) ([-\\d.]+)[^\"]* ([-\\d.]+) ([-\\d.]+)\"")
                .matcher(svg);
        int n = 0;
        while (cables.find()) {
            n++;
            Rect a = port(svg, cables.group(1));
            Rect b = port(svg, cables.group(2));
            double sx = Double.parseDouble(cables.group(3));
            double sy = Double.parseDouble(cables.group(4));
            double ex = Double.parseDouble(cables.group(5));
            double ey = Double.parseDouble(cables.group(6));
            assertThat(a.holds(sx, sy)).as("cable %s starts at its port", cables.group()).isTrue();
            assertThat(b.holds(ex, ey)).as("cable %s ends at its port", cables.group()).isTrue();
        }
        assertThat(n).isEqualTo(Topology.cables(svg).size());
    }

    @Test
    void panelsMarkWhatTheLastActionAddedAndRemoved() throws Exception {
        Terminal t = lab("ip netns add blue", "ip link add veth0 type veth peer name veth1");
        LabState before = t.backend().snapshot();
        t.run("ip addr add 10.0.0.1/24 dev veth0");
        t.run("ip link del veth1");
        List<Map<String, Object>> panels = StatePanels.of(before, t.backend().snapshot());
        Map<String, Object> host = panels.get(0);
        assertThat(host.get("name")).isEqualTo("host");
        assertThat(host.get("links").toString()).contains("mark=removed").contains("veth0@veth1");
        assertThat(panels).extracting(p -> p.get("name")).containsExactly("host", "blue");
        assertThat(Backend.HOST).isNotEqualTo("host");
    }
}
