package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.lesson.Expectation;
import org.netnslab.core.lesson.Expectations;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.Step;
import org.netnslab.lessons.Lessons;
import picocli.CommandLine;

/** {@code netns-lab export}: every shipped lesson as a script bash reads, each expectation a check of its own. */
class ExportCommandTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int main(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @ParameterizedTest(name = "lesson {0}")
    @ValueSource(strings = {"1", "2", "3", "4", "5"})
    void everyShippedLessonExportsAsAScriptBashReads(String id) throws Exception {
        assertThat(main("export", id)).isZero();
        String script = out.toString();
        Lesson lesson = Lessons.find(id).orElseThrow();
        assertThat(script).startsWith("#!/bin/bash\n# netns-lab export " + id + ": " + lesson.title() + "\n")
                .contains("trap cleanup EXIT").endsWith("\nfinish\n");
        for (Step s : lesson.steps()) {
            assertThat(script).contains(LessonExport.q(s.title()));
            for (Expectation e : s.expectations()) {
                assertThat(script).contains("check " + LessonExport.q(e.text()) + " ");
            }
        }
        assertThat(script.lines().filter(l -> l.startsWith("check ")).count()).isEqualTo(lesson.expectationCount());
        Path file = dir.resolve("lesson.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(bash.exitValue()).isZero();
    }

    @Test
    void aPingWithoutCountStopsAfterFourAsTheLabsDoesAndAShellInANamespaceIsItsPrefix() {
        main("export", "2");
        assertThat(out.toString())
                .contains("run 'sudo ip netns exec ns1 ping 10.0.0.2' 'sudo ip netns exec ns1 ping 10.0.0.2 -c 4'")
                .contains("run 'ip addr' 'ip netns exec ns1 ip addr'")
                .contains("chat_run 'ns1' 'nc -l -p 8080'", "chat_say 'ns2' 'hello from ns2'", "chat_end");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "blue reaches 10.0.0.1 with ttl 64 | reaches 'blue' 10.0.0.1 '64'",
        "host does not reach 10.0.0.1 | not reaches 'host' 10.0.0.1 ''",
        "ns0 has route 10.1.20.0/24 via 10.1.10.1 dev veth12 | has_route 'ns0' 10.1.20.0/24 '10.1.10.1' 'veth12'",
        "red has no route default | not has_route 'red' 0.0.0.0/0 '' ''",
        "host has route 10.0.0.1 dev veth0 | has_route 'host' 10.0.0.1/32 '' 'veth0'",
        "blue has address 10.0.0.1/24 on veth1 | has_address 'blue' 10.0.0.1 '24' 'veth1'",
        "ns2 has no address 127.0.0.1 | not has_address 'ns2' 127.0.0.1 '' ''",
        "host has link veth-one-out master virtual-bridge | has_link 'host' 'veth-one-out' '' 'virtual-bridge'",
        "pc-one has link lo state UNKNOWN | has_link 'pc-one' 'lo' 'UNKNOWN' ''",
        "host forwards | forwards 'host'",
        "host does not forward | not forwards 'host'",
        "output contains \"it's\" | output_contains 'it'\\''s'",
        "ns1 receives \"hi\" | receives 'ns1' 'hi'"})
    void anExpectationIsAShellTest(String expectation, String test) throws Exception {
        assertThat(LessonExport.test(Expectations.parse(expectation))).isEqualTo(test);
    }

    @Test
    void aLessonThatIsNeitherAnIdNorAFileIsRefused() {
        assertThat(main("export", "nine")).isEqualTo(2);
        assertThat(err.toString()).startsWith("netns-lab: no lesson \"nine\"");
        assertThat(out.toString()).isEmpty();
    }
}
