package org.netnslab.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.netnslab.core.command.CommandResult;

/**
 * What an operator's Prometheus scrapes at {@code /metrics}, through Micrometer: the labs open and the
 * sessions that hold them, the commands learners ran by tool and exit status, how long each step of a lab took
 * to serve, and the JVM's own meters. Tags are bounded: a tool the lab does not know is {@code other}, an
 * action that is not one of the app's is not timed.
 */
final class Metrics implements AutoCloseable {

    /** The tools a command is counted under; anything else a learner types is {@code other}. */
    private static final Set<String> TOOLS = Set.of("ip", "ping", "sysctl", "iptables", "iptables-save", "nft", "nc",
            "bridge", "tcpdump", "ss", "traceroute", "tracepath", "nsenter", "arp", "cat", "echo", "grep", "head",
            "wc", "tee", "exit", "bash");
    /** What a request does to a lab, as the last part of its path says. */
    static final Set<String> ACTIONS = Set.of("next", "previous", "reset", "console", "restore", "check", "hint",
            "show", "reachability");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Metrics(LabStore labs) {
        Gauge.builder("netnslab.labs.open", labs, LabStore::size)
                .description("Labs held by the server for learners' sessions").register(registry);
        Gauge.builder("netnslab.sessions", labs, LabStore::sessions)
                .description("Learners' sessions that hold at least one lab").register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A command a learner ran in a console, and how it ended. */
    void command(String line, CommandResult result) {
        Counter.builder("netnslab.commands").description("Commands run in learners' consoles")
                .tag("tool", tool(line)).tag("status", Integer.toString(result.exitStatus()))
                .register(registry).increment();
    }

    /** How long one action on a lab took to serve: a step, a command, a check. */
    void step(String action, Duration took) {
        if (!ACTIONS.contains(action)) {
            return;
        }
        Timer.builder("netnslab.step").description("Time to serve one action on a lab: a step, a command, a check")
                .tag("action", action).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    /** The tool of a line as typed: past {@code sudo} and {@code ip netns exec NS}. */
    static String tool(String line) {
        String[] words = line.strip().split("\\s+");
        int i = 0;
        while (i < words.length) {
            if (words[i].equals("sudo")) {
                i++;
            } else if (words[i].equals("ip") && i + 3 < words.length && words[i + 1].equals("netns")
                    && words[i + 2].equals("exec")) {
                i += 4;
            } else {
                break;
            }
        }
        if (i >= words.length) {
            return "other";
        }
        String tool = words[i];
        int slash = tool.lastIndexOf('/');
        tool = slash >= 0 ? tool.substring(slash + 1) : tool;
        return TOOLS.contains(tool) ? tool : "other";
    }

    /** The Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
