package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an operator's probes and Prometheus read: {@code /health} and {@code /metrics}. */
class OperatorRoutesTests {

    private static Javalin app() {
        return new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("sim"), "sim")
                .create();
    }

    /** The value of one sample of the scrape, by its name and labels as Prometheus writes them. */
    private static double sample(String scrape, String nameAndLabels) {
        return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(nameAndLabels + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + nameAndLabels + " in:\n" + scrape));
    }

    @Test
    void healthSaysOkWhileTheServerServes() {
        JavalinTest.test(app(), (server, client) -> {
            Browser.Page page = new Browser(server.port()).get("/health");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("ok\n");
        });
    }

    @Test
    void healthSaysWhyWhenNoLabCanBeMade() {
        Health refused = Health.ofBackend(() -> {
            throw new IllegalStateException("netns-lab: the kernel backend needs root (CAP_NET_ADMIN)");
        });
        LabStore labs = new LabStore(10);
        Javalin app = new WebApp(ShippedCatalog.load(), labs, () -> Backends.openUnchecked("sim"), "kernel",
                new Metrics(labs), refused).create();
        JavalinTest.test(app, (server, client) -> {
            Browser.Page page = new Browser(server.port()).get("/health");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).isEqualTo(
                    "netns-lab: cannot make a lab: netns-lab: the kernel backend needs root (CAP_NET_ADMIN)\n");
        });
        assertThat(Health.ofBackend(() -> Backends.openUnchecked("sim")).problem()).isEqualTo(Optional.empty());
    }

    @Test
    void metricsCountLabsSessionsCommandsAndSteps() {
        JavalinTest.test(app(), (server, client) -> {
            Browser one = new Browser(server.port());
            Browser two = new Browser(server.port());
            String before = one.get("/metrics").body();
            assertThat(sample(before, "netnslab_labs_open")).isEqualTo(0);

            one.get("/lessons/1");
            one.htmx("/lessons/1/next");
            one.htmx("/lessons/1/next");
            one.htmx("/lab/console", Browser.command("ip netns add blue"));
            one.htmx("/lab/console", Browser.command("ip netns add blue"));
            two.htmx("/lab/console", Browser.command("sudo ip netns exec x ping -c1 10.9.9.9"));
            two.htmx("/lab/console", Browser.command("vim"));

            Browser.Page scraped = one.get("/metrics");
            assertThat(scraped.status()).isEqualTo(200);
            String s = scraped.body();
            assertThat(sample(s, "netnslab_labs_open")).isEqualTo(3);
            assertThat(sample(s, "netnslab_sessions")).isEqualTo(2);
            assertThat(sample(s, "netnslab_commands_total{status=\"0\",tool=\"ip\"}")).isEqualTo(1);
            assertThat(sample(s, "netnslab_commands_total{status=\"1\",tool=\"ip\"}")).isEqualTo(1);
            assertThat(sample(s, "netnslab_commands_total{status=\"255\",tool=\"ping\"}")).isEqualTo(1);
            assertThat(sample(s, "netnslab_commands_total{status=\"127\",tool=\"other\"}")).isEqualTo(1);
            assertThat(sample(s, "netnslab_step_seconds_count{action=\"next\"}")).isEqualTo(2);
            assertThat(sample(s, "netnslab_step_seconds_count{action=\"console\"}")).isEqualTo(4);
            assertThat(s).contains("netnslab_step_seconds_bucket{action=\"next\",le=\"+Inf\"} 2",
                    "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ip netns add blue, ip", "sudo ip link, ip", "ip netns exec blue ping -c1 10.0.0.1, ping",
        "sudo ip netns exec ns1 nc -l -p 8080, nc", "/usr/sbin/iptables -S, iptables", "vim x, other",
        "ip netns exec blue, other", "'', other"})
    void aCommandIsCountedUnderItsTool(String line, String tool) {
        assertThat(Metrics.tool(line)).isEqualTo(tool);
    }
}
