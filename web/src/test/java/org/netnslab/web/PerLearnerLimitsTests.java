package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;

/** The operator's limits per learner: each hit says so in one netns-lab line, is refused whole, and the lab goes on. */
class PerLearnerLimitsTests {

    private static final LabLimits ROOMY = LabLimits.DEFAULTS;

    private static LabLimits limits(int namespaces, int links, int routes, int rules, int pings) {
        return new LabLimits(namespaces, links, routes, rules, pings, ROOMY.commandsPerLab(), ROOMY.labsPerSession(),
                ROOMY.idleKernelLab());
    }

    private static int links(Backend lab) {
        return lab.snapshot().all().stream().mapToInt(n -> n.links().size()).sum();
    }

    private static int routes(Backend lab) {
        return lab.snapshot().all().stream().mapToInt(n -> n.routes().size()).sum();
    }

    private static void refused(CommandResult r, String why) {
        assertThat(r.output()).isEqualTo("netns-lab: " + why + ".\n");
        assertThat(r.exitStatus()).isEqualTo(1);
    }

    @Test
    void namespaces() {
        try (Backend lab = LimitedBackend.of(Backends.openUnchecked("sim"), limits(2, 999, 999, 99, 99))) {
            Terminal t = new Terminal(lab);
            assertThat(t.run("ip netns add a").exitStatus()).isZero();
            assertThat(t.run("ip netns add b").exitStatus()).isZero();
            refused(t.run("ip netns add c"),
                    "this lab has 2 namespaces, as many as a lab may have here: this command was not run");
            assertThat(t.run("ip netns list").output()).doesNotContain("c").contains("a", "b");
            assertThat(t.run("ip netns del a").exitStatus()).isZero();
            assertThat(t.run("ip netns add c").exitStatus()).isZero();
        }
    }

    @Test
    void links() {
        int world;
        try (Backend plain = Backends.openUnchecked("sim")) {
            world = links(plain);
        }
        try (Backend lab = LimitedBackend.of(Backends.openUnchecked("sim"), limits(9, world + 3, 999, 99, 99))) {
            Terminal t = new Terminal(lab);
            assertThat(t.run("ip link add v0 type veth peer name v1").exitStatus()).isZero();
            refused(t.run("ip link add w0 type veth peer name w1"), String.format(
                    "this lab has %d links, and a lab may have %d here: this command was not run", world + 2, world + 3));
            assertThat(t.run("ip link show w0").output()).isEqualTo("Device \"w0\" does not exist.\n");
            assertThat(t.run("ip link add br0 type bridge").exitStatus()).isZero();
            refused(t.run("ip link add br1 type bridge"), String.format(
                    "this lab has %d links, and a lab may have %d here: this command was not run", world + 3, world + 3));
            assertThat(t.run("ip link set v0 up").exitStatus()).isZero();
        }
    }

    @Test
    void routes() {
        int world;
        try (Backend plain = Backends.openUnchecked("sim")) {
            world = routes(plain);
        }
        try (Backend lab = LimitedBackend.of(Backends.openUnchecked("sim"), limits(9, 999, world + 1, 99, 99))) {
            Terminal t = new Terminal(lab);
            assertThat(t.run("ip route add 10.9.0.0/16 via 203.0.113.1").exitStatus()).isZero();
            refused(t.run("ip route add 10.8.0.0/16 via 203.0.113.1"), String.format(
                    "this lab has %d routes, as many as a lab may have here: this command was not run", world + 1));
            assertThat(t.run("ip route").output()).contains("10.9.0.0/16").doesNotContain("10.8.0.0/16");
            assertThat(t.run("ip route del 10.9.0.0/16").exitStatus()).isZero();
            assertThat(t.run("ip route add 10.8.0.0/16 via 203.0.113.1").exitStatus()).isZero();
        }
    }

    @Test
    void rules() {
        try (Backend lab = LimitedBackend.of(Backends.openUnchecked("sim"), limits(9, 999, 999, 1, 99))) {
            Terminal t = new Terminal(lab);
            assertThat(t.run("iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE").exitStatus()).isZero();
            refused(t.run("iptables -t nat -A POSTROUTING -s 10.1.0.0/24 -j MASQUERADE"),
                    "this lab has 1 firewall rules, as many as a lab may have here: this command was not run");
            assertThat(t.run("iptables -t nat -S POSTROUTING").output()).contains("10.0.0.0/24")
                    .doesNotContain("10.1.0.0/24");
            assertThat(t.run("iptables -t nat -D POSTROUTING -s 10.0.0.0/24 -j MASQUERADE").exitStatus()).isZero();
            assertThat(t.run("iptables -t nat -A POSTROUTING -s 10.1.0.0/24 -j MASQUERADE").exitStatus()).isZero();
        }
    }

    @Test
    void rulesAreCountedInTheLabHoweverTheyWent() {
        try (Backend lab = LimitedBackend.of(Backends.openUnchecked("sim"), limits(9, 999, 999, 2, 99))) {
            Terminal t = new Terminal(lab);
            assertThat(t.run("iptables -A FORWARD -s 10.0.0.0/24 -j ACCEPT").exitStatus()).isZero();
            assertThat(t.run("iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE").exitStatus()).isZero();
            refused(t.run("iptables -I FORWARD -s 10.9.0.0/24 -j DROP"),
                    "this lab has 2 firewall rules, as many as a lab may have here: this command was not run");
            assertThat(t.run("iptables -F FORWARD").exitStatus()).isZero();
            assertThat(t.run("iptables -A FORWARD -s 10.1.0.0/24 -j ACCEPT").exitStatus()).as("one left, in nat")
                    .isZero();
            refused(t.run("iptables -A FORWARD -s 10.2.0.0/24 -j ACCEPT"),
                    "this lab has 2 firewall rules, as many as a lab may have here: this command was not run");

            assertThat(t.run("ip netns add blue").exitStatus()).isZero();
            assertThat(t.run("iptables -t nat -F").exitStatus()).isZero();
            assertThat(t.run("ip netns exec blue iptables -A INPUT -j ACCEPT").exitStatus()).isZero();
            refused(t.run("ip netns exec blue iptables -A INPUT -p tcp -j ACCEPT"),
                    "this lab has 2 firewall rules, as many as a lab may have here: this command was not run");
            assertThat(t.run("ip netns del blue").exitStatus()).isZero();
            assertThat(t.run("iptables -A FORWARD -s 10.3.0.0/24 -j ACCEPT").exitStatus()).as("blue's went with it")
                    .isZero();
        }
    }

    @Test
    void pingsPerCommand() {
        try (Backend lab = LimitedBackend.of(Backends.openUnchecked("sim"), limits(9, 999, 999, 99, 5))) {
            Terminal t = new Terminal(lab);
            refused(t.run("ping -c 6 203.0.113.1"),
                    "a command may send 5 echo requests here, and this one would send 6: it was not run");
            assertThat(t.run("ping -c 5 203.0.113.1").output()).contains("5 packets transmitted, 5 received");
        }
    }

    @Test
    void aLimitThatIsNoneIsRefusedBeforeTheServerStarts() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        assertThat(cl.execute("web", "--port", "0", "--max-pings", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("netns-lab: a limit is a number of at least 1 (0 for namespaces, links, "
                + "routes and rules), and a time of at least 0\n");
    }

    @Test
    void noLimitsIsTheBackendItself() {
        try (Backend sim = Backends.openUnchecked("sim")) {
            assertThat(LimitedBackend.of(sim, LabLimits.NONE)).isSameAs(sim);
        }
    }

    private static WebApp app(LabStore store, LabLimits limits) {
        return new WebApp(ShippedCatalog.load(), store, () -> Backends.openUnchecked("sim"), "sim", new Metrics(store),
                Health.serving(), limits);
    }

    @Test
    void commandsPerLab() {
        LabLimits three = new LabLimits(9, 999, 999, 9, 9, 3, 9, Duration.ZERO);
        Javalin app = app(new LabStore(100), three).create();
        JavalinTest.test(app, (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lab");
            for (String ns : new String[] {"a", "b", "c"}) {
                b.htmx("/lab/console", Browser.command("ip netns add " + ns));
            }
            String refused = b.htmx("/lab/console", Browser.command("ip netns add d")).body();
            assertThat(refused).contains("netns-lab: this lab has run 3 commands, as many as a lab may run here: this "
                    + "command was not run. Reset gives a fresh lab.");
            assertThat(b.htmx("/lab/console", Browser.command("ip netns list")).body()).contains("this command was not run");
            // the steps of a lesson are not commands
            b.get("/lessons/1");
            for (int i = 1; i <= 5; i++) {
                assertThat(b.htmx("/lessons/1/next").body()).contains("Step " + i + " of");
            }
            assertThat(b.htmx("/lab/reset").body()).doesNotContain("this command was not run");
            assertThat(b.htmx("/lab/console", Browser.command("ip netns add d")).body()).doesNotContain("netns-lab:");
        });
    }

    @Test
    void labsPerSessionTheLeastRecentlyUsedGoesAndItsLearnerIsTold() {
        LabLimits two = new LabLimits(9, 999, 999, 9, 9, 400, 2, Duration.ZERO);
        LabStore store = new LabStore(100, two.labsPerSession(), System::nanoTime);
        JavalinTest.test(app(store, two).create(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lab");
            String log = Browser.log(b.htmx("/lab/console", Browser.command("ip netns add blue")).body());
            b.get("/lessons/1");
            assertThat(store.size()).isEqualTo(2);
            b.get("/lessons/2");
            assertThat(store.size()).isEqualTo(2);
            Browser other = new Browser(server.port());
            other.get("/lab");
            assertThat(store.size()).isEqualTo(3);

            String back = b.get("/lab").body();
            assertThat(back).contains("netns-lab: this lab was closed to make room: a session may hold 2 labs at once "
                    + "here, and this one&#39;s other labs were used since; it was made again from its log.");
            assertThat(b.htmx("/lab/restore", Map.of("log", log)).body()).contains("blue");
        });
    }

    @Test
    void anIdleLabIsClosedAndItsLearnerToldWhenTheyComeBack() {
        AtomicLong now = new AtomicLong();
        LabStore store = new LabStore(100, 12, now::get);
        JavalinTest.test(app(store, ROOMY).create(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lab");
            String log = Browser.log(b.htmx("/lab/console", Browser.command("ip netns add blue")).body());
            Browser busy = new Browser(server.port());
            busy.get("/lessons/1");

            now.addAndGet(Duration.ofMinutes(20).toNanos());
            busy.htmx("/lessons/1/next");
            assertThat(store.closeIdle(Duration.ofMinutes(30))).isZero();
            now.addAndGet(Duration.ofMinutes(15).toNanos());
            assertThat(store.closeIdle(Duration.ofMinutes(30))).isEqualTo(1);
            assertThat(store.size()).isEqualTo(1);

            String fresh = b.get("/lab").body();
            assertThat(fresh).contains("netns-lab: this lab was closed after 30 minutes without use, and its "
                    + "namespaces freed; it was made again from its log.");
            String restored = b.htmx("/lab/restore", Map.of("log", log)).body();
            assertThat(Browser.log(restored)).isEqualTo(log);
            assertThat(restored).contains("blue", "closed after 30 minutes without use");
            // told once
            assertThat(b.htmx("/lab/console", Browser.command("ip netns list")).body())
                    .doesNotContain("closed after 30 minutes");
            assertThat(busy.htmx("/lessons/1/next").body()).contains("Step 2 of").doesNotContain("closed after");
        });
    }
}
