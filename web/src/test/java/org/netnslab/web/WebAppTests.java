package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every route of the web app, on the simulator, with sessions of their own. */
class WebAppTests {

    private static Javalin app() {
        return new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("sim"), "sim")
                .create();
    }

    @Test
    void indexListsTheLessonsWithTheirTutorials() {
        JavalinTest.test(app(), (server, client) -> {
            Browser.Page page = new Browser(server.port()).get("/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("A namespace and the host", "A bridge for three",
                    "NAT to the internet", "href=\"/lessons/1\"", "steps");
        });
    }

    @Test
    void theStepperStartsAtStepZeroAndMovesBothWays() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            Browser.Page first = b.get("/lessons/1");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains("Step 0 of", "Next step", "Previous step", "Reset");

            Browser.Page next = b.htmx("/lessons/1/next");
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).startsWith("<div id=\"lab\"").contains("Step 1 of", "ip netns add blue")
                    .doesNotContain("<html");
            Browser.Page second = b.htmx("/lessons/1/next");
            assertThat(second.body()).contains("Step 2 of", "veth1@veth0");
            Browser.Page back = b.htmx("/lessons/1/previous");
            assertThat(back.body()).contains("Step 1 of");
            Browser.Page reset = b.htmx("/lessons/1/reset");
            assertThat(reset.body()).contains("Step 0 of");
        });
    }

    @Test
    void plainFormsRedirectBackToThePage() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            Browser.Page posted = b.post("/lessons/1/next", Map.of());
            assertThat(posted.status()).isEqualTo(303);
            assertThat(posted.location()).isEqualTo("/lessons/1");
            assertThat(b.get("/lessons/1").body()).contains("Step 1 of");
        });
    }

    @Test
    void theConsoleRunsCommandsAndShowsTheToolsOwnErrors() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lab");
            assertThat(b.htmx("/lab/console", Browser.command("ip netns add blue")).body())
                    .contains("ip netns add blue", "blue");
            assertThat(b.htmx("/lab/console", Browser.command("ip lnk")).body())
                    .contains("Object &quot;lnk&quot; is unknown, try &quot;ip help&quot;.");
            assertThat(b.htmx("/lab/console", Browser.command("ping -c1 198.51.100.8")).body())
                    .contains("1 packets transmitted, 1 received", "Packet journeys");
        });
    }

    @Test
    void aPingsJourneyHasItsPlayerBesideThePictureAndItsHopsAsAnOrderedList() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            assertThat(b.get("/lab").body()).doesNotContain("aria-label=\"Journey\"").contains("src=\"/journey.js\"");
            String page = b.htmx("/lab/console", Browser.command("ping -c1 198.51.100.8")).body();
            assertThat(page).contains("<section class=\"journey-player\" aria-label=\"Journey\"",
                    ">Play</button>", ">Pause</button>", ">Previous hop</button>", ">Next hop</button>",
                    "class=\"journey-now\" aria-live=\"polite\"", "<ol class=\"journey-hops\">",
                    "data-hop-port=\"host:eth0\"", "Hop 1 of ", "IPv4: src ", "ICMP: echo request, seq 1");
            assertThat(client.get("/journey.js").body().string()).contains("journey-here", "journey-dropped");
        });
    }

    @Test
    void whereCopiesAreDearTheMatrixIsMeasuredOnRequest() {
        // the page of a kernel lab: the matrix waits for the learner's click (the lab itself is simulated here)
        Javalin kernelLike = new WebApp(ShippedCatalog.load(), new LabStore(10), () -> Backends.openUnchecked("sim"),
                "kernel").create();
        JavalinTest.test(kernelLike, (server, client) -> {
            Browser b = new Browser(server.port());
            String page = b.get("/lab").body();
            assertThat(page).contains("Measure").doesNotContain("<table class=\"matrix\"");
            Browser.Page matrix = b.htmx("/lab/reachability");
            assertThat(matrix.status()).isEqualTo(200);
            assertThat(matrix.body()).contains("<table class=\"matrix\"", "198.51.100.8", "ttl 64");
            // a ping that fails says why in the page's text, not only in a tooltip
            b.htmx("/lab/console", Browser.command("ip netns add blue"));
            b.htmx("/lab/console", Browser.command("ip link set eth0 down"));
            String failing = b.htmx("/lab/reachability").body();
            assertThat(failing).contains("<details class=\"reasons\">",
                    "<li><code>blue</code> &rarr; <code>198.51.100.8</code>: connect: Network is unreachable</li>");
        });
    }

    @Test
    void twoSessionsSeeOnlyTheirOwnLabs() {
        JavalinTest.test(app(), (server, client) -> {
            Browser alice = new Browser(server.port());
            Browser bob = new Browser(server.port());
            alice.get("/lab");
            bob.get("/lab");
            alice.htmx("/lab/console", Browser.command("ip netns add alices"));
            assertThat(bob.get("/lab").body()).doesNotContain("alices");
            assertThat(alice.get("/lab").body()).contains("alices");
        });
    }

    @Test
    void aLabComesBackFromTheLogItsPageCarries() {
        JavalinTest.test(app(), (server, client) -> {
            Browser before = new Browser(server.port());
            before.htmx("/lessons/2/next");
            String page = before.htmx("/lessons/2/next").body();
            String log = Browser.log(page);
            assertThat(log).isNotEmpty();

            // a new session (as after a server restart) that sends the log back with its next click
            Browser after = new Browser(server.port());
            Browser.Page restored = after.htmx("/lessons/2/next", Map.of("log", log));
            assertThat(restored.body()).contains("Step 3 of");
        });
    }

    @Test
    void aFreshLabIsRebuiltFromTheLogTheBrowserKept() {
        JavalinTest.test(app(), (server, client) -> {
            Browser before = new Browser(server.port());
            before.htmx("/lessons/3/next");
            String log = Browser.log(before.htmx("/lessons/3/next").body());

            Browser after = new Browser(server.port());
            assertThat(after.get("/lessons/3").body()).contains("Step 0 of");
            assertThat(after.htmx("/lessons/3/restore", Map.of("log", log)).body()).contains("Step 2 of");
            // a lab with a log of its own keeps it
            assertThat(after.htmx("/lessons/3/restore", Map.of("log", "")).body()).contains("Step 2 of");
            assertThat(before.htmx("/lessons/3/restore", Map.of("log", log)).body()).contains("Step 2 of");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/lessons/nosuch", "/lessons/99", "/nosuch"})
    void unknownPagesAre404WithTheLessonList(String path) {
        JavalinTest.test(app(), (server, client) -> {
            Browser.Page page = new Browser(server.port()).get(path);
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("href=\"/lessons/1\"");
        });
    }

    @Test
    void aMalformedPathIsRefusedWithA4xx() {
        JavalinTest.test(app(), (server, client) -> {
            assertThat(new Browser(server.port()).get("/lessons/%00%ff").status()).isBetween(400, 499);
        });
    }

    @Test
    void unknownLessonStepsAre404() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            assertThat(b.htmx("/lessons/nosuch/next").status()).isEqualTo(404);
            assertThat(b.post("/lessons/nosuch/console", Browser.command("ip a")).status()).isEqualTo(404);
        });
    }

    @Test
    void aBridgePortWhosePeerWentLeavesTheLabWorking() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lab");
            for (String line : List.of("ip link add name br0 type bridge", "ip link add va type veth peer name vb",
                    "ip link set va master br0", "ip link del vb")) {
                assertThat(b.htmx("/lab/console", Browser.command(line)).status()).isEqualTo(200);
            }
            Browser.Page shown = b.htmx("/lab/console", Browser.command("ip a"));
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.body()).contains("br0: &lt;BROADCAST,MULTICAST&gt;").doesNotContain("fault of netns-lab");
            assertThat(b.get("/lab").status()).isEqualTo(200);
            assertThat(b.htmx("/lab/console", Browser.command("ip link show master br0")).status()).isEqualTo(200);
        });
    }

    @Test
    void aHostPingLostForWantOfARouteSaysSoBeforeTheKernelsReason() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            String page = "";
            for (int i = 0; i < 6; i++) {
                page = b.htmx("/lessons/4/next").body();
            }
            assertThat(page).contains("Step 6 of", "The host does not")
                    .contains("<p class=\"why\">host has no route to 10.0.0.10, so it sent the ping by its default"
                            + " route, via 203.0.113.1 out of eth0, towards upstream, where 10.0.0.10 is not. There the"
                            + " kernel dropped it at eth0: not for this namespace");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/lab/console", "/lab/reset", "/lab/reachability", "/lab/restore", "/lessons/1/next",
            "/lessons/1/previous", "/lessons/1/reset", "/lessons/1/console", "/lessons/1/reachability",
            "/lessons/1/restore", "/lessons/1/exercise/check", "/lessons/1/exercise/hint", "/lessons/1/exercise/show",
            "/lessons/1/exercise/reset", "/lessons/1/exercise/console", "/lessons/1/exercise/reachability",
            "/lessons/1/exercise/restore"})
    void aMalformedPostIsA400WithAShortMessageAndNoStackTrace(String path) {
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            // the log is read here, not captured by the test tool
            JavalinTest.test(app(), new TestConfig(true, false), (server, client) -> {
                // a browser each time: the server closes a connection whose body it could not read
                Browser.Page multipart = new Browser(server.port())
                        .raw(path, "multipart/form-data; boundary=XyZ", "--XyZ\r\ngarbage");
                assertThat(multipart.status()).isEqualTo(400);
                assertThat(multipart.body()).contains("The request's form could not be read").hasSizeLessThan(400);
                assertThat(new Browser(server.port()).raw(path, "multipart/form-data", "no boundary").status())
                        .isEqualTo(400);
                assertThat(new Browser(server.port())
                        .raw(path, "application/x-www-form-urlencoded", "log=%zz&command=%").status()).isLessThan(500);
            });
        } finally {
            System.setErr(err);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void everyPageHasAFaviconASkipLinkAndAStatusLineForLongSteps() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            for (String icon : List.of("/favicon.ico", "/favicon.svg")) {
                var got = client.get(icon);
                assertThat(got.code()).as(icon).isEqualTo(200);
                assertThat(got.headers().get("Content-Type")).singleElement().asString().startsWith("image/svg+xml");
                assertThat(got.body().string()).startsWith("<svg");
            }
            assertThat(client.get("/page.js").body().string()).contains("htmx:beforeRequest", "Running");
            for (String page : List.of("/", "/lab", "/lessons/1", "/lessons/1/exercise")) {
                assertThat(b.get(page).body()).as(page).contains("rel=\"icon\" href=\"/favicon.svg\"",
                        "<a class=\"skip\" href=\"#main\">", "<main id=\"main\"",
                        "id=\"lab-status\" class=\"lab-status\" role=\"status\" aria-live=\"polite\"",
                        "src=\"/page.js\"");
            }
        });
    }

    @Test
    void badInputGetsAnAnswerNeverA500() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            assertThat(b.htmx("/lab/console", Browser.command("x".repeat(30_000))).status()).isEqualTo(413);
            assertThat(b.htmx("/lab/console", Browser.command("ip link add " + "y".repeat(10_000) + " type veth"))
                    .status()).isEqualTo(200);
            assertThat(b.htmx("/lab/console", Browser.command("\u0000\u0001\u00ff garbage")).status())
                    .isEqualTo(200);
            assertThat(b.htmx("/lab/console", Map.of("log", "!!!not-a-log", "command", "ip a")).status())
                    .isEqualTo(200);
            assertThat(b.htmx("/lab/console", Map.of()).status()).isEqualTo(200);
            assertThat(b.htmx("/lessons/1/next", Map.of("log", "%%%")).status()).isEqualTo(200);
            for (int i = 0; i < 30; i++) {
                assertThat(b.htmx("/lessons/1/next").status()).isEqualTo(200);
            }
        });
    }

    @Test
    void concurrentClicksAreTakenOneAtATime() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lessons/4");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> clicks = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String path = i % 3 == 2 ? "/lessons/4/previous" : "/lessons/4/next";
                    clicks.add(pool.submit(() -> b.htmx(path).status()));
                }
                for (Future<Integer> f : clicks) {
                    assertThat(f.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(b.get("/lessons/4").body()).containsPattern("Step \\d+ of \\d+");
        });
    }
}
