package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;

/**
 * Every shipped lesson's export, run as root with the real tools in a private sandbox ({@code unshare -n -m}, a
 * tmpfs on {@code /run}), never in the machine's own namespace: every check holds, and the cleanup leaves the
 * sandbox as it found it.
 */
class LessonExportIT {

    /** What the sandbox shows after the script: its links, namespaces, forwarding and nftables ruleset. */
    private static final String AFTER = "echo '=== after'; ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//'; "
            + "echo '=== netns'; ip netns list; echo '=== forward'; sysctl -n net.ipv4.ip_forward; "
            + "echo '=== ruleset'; nft list ruleset; echo '=== end'";

    @TempDir
    static Path dir;

    @BeforeAll
    static void rootAndTools() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the export runs on Linux");
        assumeTrue("0".equals(run(List.of("id", "-u")).strip()), "the export runs as root");
        for (String tool : List.of("ip", "iptables", "ping", "sysctl", "nc", "unshare", "nsenter", "nft")) {
            assumeTrue(!run(List.of("bash", "-c", "command -v " + tool)).isBlank(), tool + " is not installed");
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not end: " + command);
        }
        return out;
    }

    /** Runs the script in a fresh private sandbox, after {@code setUp}, and what the sandbox shows after it. */
    private static String inSandbox(Lesson lesson, String setUp) throws Exception {
        Path script = dir.resolve("lesson-" + lesson.id() + ".sh");
        Files.writeString(script, LessonExport.script(lesson));
        return run(List.of("unshare", "-n", "-m", "--propagation", "private", "bash", "-c",
                "mount -t tmpfs tmpfs /run && " + setUp + " bash " + script + "; echo \"[script rc=$?]\"; " + AFTER));
    }

    private static String section(String out, String name) {
        Matcher m = Pattern.compile("=== " + name + "\n(.*?)=== ", Pattern.DOTALL).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static int count(String out, String fragment) {
        return out.split(Pattern.quote(fragment), -1).length - 1;
    }

    @ParameterizedTest(name = "lesson {0}")
    @ValueSource(strings = {"1", "2", "3", "4", "5"})
    void everyCheckHoldsAndTheCleanupLeavesTheSandboxEmpty(String id) throws Exception {
        Lesson lesson = Lessons.find(id).orElseThrow();
        String out = inSandbox(lesson, "");

        assertThat(out).as(out).doesNotContain("[does not hold]")
                .contains("End of the lesson: " + lesson.expectationCount() + " expectations hold, 0 do not.",
                        "[script rc=0]");
        assertThat(count(out, "  [holds]  ")).as(out).isEqualTo(lesson.expectationCount());
        assertThat(out).contains("## Step " + lesson.steps().size() + " of " + lesson.steps().size());
        assertThat(section(out, "after")).isEqualTo("lo\n");
        assertThat(section(out, "netns")).isEmpty();
        assertThat(section(out, "forward")).isEqualTo("0\n");
        assertThat(section(out, "ruleset")).isEmpty();
    }

    @Test
    void onAMachineWithANetworkOfItsOwnALessonOfTheWorldRunsInANamespaceOfItsOwn() throws Exception {
        // a stand-in for a VM's own network: its eth0, an address, a default route, a rule of its own
        String vm = "ip link set lo up && ip link add eth0 type veth peer name vm-peer && ip link set vm-peer up "
                + "&& ip addr add 192.0.2.5/24 dev eth0 && ip link set eth0 up && ip route add default via 192.0.2.1 "
                + "&& iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE && ";
        String out = inSandbox(Lessons.find("5").orElseThrow(), vm);

        assertThat(out).as(out).contains("the lesson runs in a network namespace of its own", "[script rc=0]")
                .doesNotContain("[does not hold]");
        assertThat(section(out, "after").lines().sorted()).containsExactly("eth0", "lo", "vm-peer");
        assertThat(section(out, "ruleset")).contains("oifname \"eth0\"", "masquerade").doesNotContain("10.0.0.0/24");
        assertThat(section(out, "netns")).isEmpty();
    }

    @Test
    void onAMachineWithANetworkOfItsOwnALessonRunsThereAndPutsBackWhatItChanged() throws Exception {
        String vm = "ip link set lo up && ip link add eth0 type veth peer name vm-peer && ip link set vm-peer up "
                + "&& ip addr add 192.0.2.5/24 dev eth0 && ip link set eth0 up && ip route add default via 192.0.2.1 "
                + "&& iptables -A INPUT -s 192.0.2.9 -j DROP && ";
        String out = inSandbox(Lessons.find("3").orElseThrow(), vm);

        assertThat(out).as(out).doesNotContain("a network namespace of its own", "[does not hold]")
                .contains("[script rc=0]");
        assertThat(section(out, "after").lines().sorted()).containsExactly("eth0", "lo", "vm-peer");
        assertThat(section(out, "netns")).isEmpty();
        assertThat(section(out, "forward")).isEqualTo("0\n");
        assertThat(section(out, "ruleset")).contains("192.0.2.9", "drop");
    }
}
