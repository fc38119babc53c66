package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.LinkedHashMap;
import java.util.List;
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

    private static final List<String> SEED_003 = List.of("ip netns add ns1", "ip netns add ns2",
            "ip link add v1 type veth peer name v2", "ip link set v1 netns ns1", "ip link set v2 netns ns2",
            "ip netns exec ns1 ip link set v1 up", "ip netns exec ns1 ip addr add 10.0.0.1/24 dev v1",
            "ip netns exec ns2 ip link set v2 up", "ip netns exec ns2 ip addr add 10.0.0.2/24 dev v2");

    private static Browser.Page in(Browser b, int terminal, String line) {
        Map<String, String> form = new LinkedHashMap<>(Browser.command(line));
        form.put("terminal", Integer.toString(terminal));
        return b.htmx("/lab/console", form);
    }

    @Test
    void twoTerminalsChatOverNcBothWaysAndTheLogReplaysTheChat() {
        Browser.Page[] last = new Browser.Page[1];
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            SEED_003.forEach(l -> b.htmx("/lab/console", Browser.command(l)));
            Browser.Page two = b.htmx("/lab/terminal");
            assertThat(two.body()).contains("aria-label=\"Terminal 1\"", "aria-label=\"Terminal 2\"");
            in(b, 1, "ip netns exec ns1 nc -l -p 8080");
            in(b, 2, "ip netns exec ns2 nc 10.0.0.1 8080");
            Browser.Page page = in(b, 2, "hello from ns2");
            assertThat(terminal(page.body(), 1)).contains("<pre class=\"out\">hello from ns2\n</pre>")
                    .contains("nc -l -p 8080&gt; ");
            page = in(b, 1, "hi from ns1");
            assertThat(terminal(page.body(), 2)).contains("<pre class=\"out\">hi from ns1\n</pre>");
            last[0] = page;
        });
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            Browser.Page restored = b.htmx("/lab/restore", Map.of("log", Browser.log(last[0].body())));
            assertThat(terminal(restored.body(), 1)).contains("hello from ns2");
            assertThat(terminal(restored.body(), 2)).contains("hi from ns1");
            // the chat goes on after the replay
            assertThat(terminal(in(b, 2, "still here").body(), 1)).contains("still here");
        });
    }

    @Test
    void aRefusedConnectInTerminalTwoSaysWhatNetcatOpenbsdSays() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            SEED_003.forEach(l -> b.htmx("/lab/console", Browser.command(l)));
            b.htmx("/lab/terminal");
            String two = terminal(in(b, 2, "ip netns exec ns2 nc 10.0.0.1 8080").body(), 2);
            // netcat-openbsd without -v says nothing of a refused connect, and exits 1
            assertThat(two).contains("nc 10.0.0.1 8080</div></div>").contains("<span class=\"prompt\">root@host:~# "
                    + "</span>");
        });
    }

    @Test
    void aLogKeepsWhichTerminalEachLineWasTypedInAndItsCtrlC() {
        LabLog log = LabLog.empty().plus(LabLog.Entry.command("ip a")).plus(LabLog.Entry.of(LabLog.Kind.TERMINAL, 2))
                .plus(LabLog.Entry.command(2, "nc -l -p 8080")).plus(LabLog.Entry.interrupt(2))
                .plus(LabLog.Entry.interrupt(1)).plus(LabLog.Entry.command(2, "2 words"));
        LabLog back = LabLog.decode(log.encode()).orElseThrow();
        assertThat(back).isEqualTo(log);
        assertThat(back.entries()).extracting(LabLog.Entry::terminal).containsExactly(1, 2, 2, 2, 1, 2);
        assertThat(back.entries().get(5).line()).isEqualTo("2 words");
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(log.encode()),
                java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("$ ip a\n# terminal 2\n$2 nc -l -p 8080\n^C 2\n^C\n$2 2 words\n");
    }

    /** The HTML of terminal N's region. */
    private static String terminal(String html, int n) {
        int start = html.indexOf("aria-label=\"Terminal " + n + "\"");
        int end = html.indexOf("aria-label=\"Terminal " + (n + 1) + "\"", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
