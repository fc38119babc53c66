package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal's protocol: Tab's candidates, Ctrl-C as an entry of the log, the history the page carries. */
class TerminalWebTests {

    private static Javalin app() {
        return new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("sim"), "sim")
                .create();
    }

    @Test
    void tabAnswersTheCandidatesOfTheWordAtTheCursorFromTheLab() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.htmx("/lab/console", Browser.command("ip netns add blue"));
            b.htmx("/lab/console", Browser.command("ip netns add black"));
            Browser.Page found = b.post("/lab/complete", Map.of("line", "ip netns exec bl ip a", "cursor", "16"));
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body()).isEqualTo("{\"start\":14,\"words\":[\"black\",\"blue\"]}");
            assertThat(b.post("/lab/complete", Map.of("line", "vim ")).body()).isEqualTo("{\"start\":4,\"words\":[]}");
        });
    }

    @Test
    void insideANamespacesShellTabCompletesItsLinks() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.htmx("/lab/console", Browser.command("ip netns add blue"));
            b.htmx("/lab/console", Browser.command("ip netns exec blue bash"));
            assertThat(b.post("/lab/complete", Map.of("line", "ip link set ")).body()).contains("\"lo\"")
                    .doesNotContain("eth0");
        });
    }

    @Test
    void ctrlCStopsTheListeningNcIsInTheLogAndReplaysOnAServerThatForgotTheLab() {
        Browser.Page[] after = new Browser.Page[1];
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.htmx("/lab/console", Browser.command("nc -l -p 8080"));
            Browser.Page page = b.htmx("/lab/console", Map.of("signal", "INT", "command", ""));
            assertThat(page.body()).contains("^C", "the nc that listened stopped, as at Ctrl-C: port 8080 on the host",
                    "data-holding=\"false\"");
            after[0] = page;
        });
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            Browser.Page restored = b.htmx("/lab/restore", Map.of("log", Browser.log(after[0].body())));
            assertThat(restored.body()).contains("the nc that listened stopped, as at Ctrl-C");
            // the port is free again: a new listener starts
            assertThat(b.htmx("/lab/console", Browser.command("nc -l -p 8080")).body())
                    .contains("this nc listens on port 8080 on the host");
        });
    }

    @Test
    void ctrlCWithNothingRunningLeavesTheLogAsItWas() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            String before = Browser.log(b.htmx("/lab/console", Browser.command("ip netns add blue")).body());
            String after = Browser.log(b.htmx("/lab/console", Map.of("signal", "INT", "command", "")).body());
            assertThat(after).isEqualTo(before);
        });
    }

    @Test
    void thePageCarriesTheLabsHistoryAsBashKeptItAndNamesItsTerminal() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.htmx("/lab/console", Browser.command("ip netns add blue"));
            b.htmx("/lab/console", Browser.command("ip netns add blue"));
            Browser.Page page = b.htmx("/lab/console", Browser.command("ip netns list"));
            assertThat(page.body()).contains("role=\"region\" aria-label=\"Terminal 1\"",
                    "data-history=\"[&quot;ip netns add blue&quot;,&quot;ip netns list&quot;]\"");
        });
    }
}
