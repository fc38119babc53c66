package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class LessonCommandsTests {

    private static final String GOOD = """
            # Mine

            A lesson of my own.

            ## A namespace

            Make one.

            ```sh
            ip netns add blue
            ```

            ```expect
            blue has link lo state DOWN
            ```

            ## Another

            ```sh
            ip netns add green
            ip netns list
            ```

            ```expect
            output contains "green"
            ```
            """;

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

    private int run(InputStream in, String... args) {
        CommandLine cl = new CommandLine(new LessonCommands.RunCommand(in));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path file(String name, String markdown) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, markdown, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void lessonsListsIdTitleAndSteps() {
        assertThat(main("lessons")).isZero();

        assertThat(out.toString()).startsWith("ID  TITLE                     STEPS\n"
                + "1   A namespace and the host  8\n");
        assertThat(out.toString()).contains("5   NAT to the internet       10\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1", "2", "3", "4", "5"})
    void everyShippedLessonRunsWithCheckOnTheSimulator(String id) {
        int status = main("run", id, "--check");

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("## Step 1 of ").contains("End of the lesson: ");
    }

    @Test
    void runPrintsEachStepWithItsCommandsOutputsChangesAndVerdicts() throws Exception {
        Path f = file("mine.md", GOOD);

        assertThat(run(InputStream.nullInputStream(), f.toString())).isZero();

        assertThat(out.toString()).contains("""
                ## Step 2 of 2: Another

                $ ip netns add green
                $ ip netns list
                green
                blue

                What changed:
                  + namespace green
                  green
                    + link lo (loopback): state DOWN

                What you should see:
                  [ok]   output contains "green"
                """);
    }

    @Test
    void checkNamesTheFirstExpectationThatFailsWithItsLine() throws Exception {
        Path f = file("failing.md", GOOD.replace("blue has link lo state DOWN", "blue forwards"));

        assertThat(run(InputStream.nullInputStream(), f.toString(), "--check")).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("netns-lab: " + f + ":14: step 1 (A namespace): expected: blue forwards;"
                + " the simulator shows: net.ipv4.ip_forward = 0\n");
        assertThat(out.toString()).contains("[FAIL] blue forwards").doesNotContain("Step 2 of 2");
    }

    @Test
    void withoutCheckAFailureIsShownAndTheLessonGoesOn() throws Exception {
        Path f = file("failing.md", GOOD.replace("blue has link lo state DOWN", "blue forwards"));

        assertThat(run(InputStream.nullInputStream(), f.toString())).isZero();

        assertThat(out.toString()).contains("[FAIL] blue forwards: net.ipv4.ip_forward = 0")
                .contains("Step 2 of 2");
    }

    @Test
    void stepWaitsForEnterBetweenSteps() throws Exception {
        Path f = file("mine.md", GOOD);

        assertThat(run(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)), f.toString(), "--step"))
                .isZero();

        String text = out.toString();
        assertThat(text.indexOf("[Enter for step 2 of 2] ")).isGreaterThan(text.indexOf("## Step 1 of 2"))
                .isLessThan(text.indexOf("## Step 2 of 2"));
    }

    @Test
    void anUnknownLessonIsNamed() {
        assertThat(main("run", "nine")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("netns-lab: no lesson \"nine\": give a lesson's id (1 to 5, see"
                + " 'netns-lab lessons') or the path of a lesson's Markdown file\n");
    }

    @Test
    void checkSaysOkForAGoodLesson() throws Exception {
        Path f = file("mine.md", GOOD);

        assertThat(main("check", f.toString())).isZero();

        assertThat(out.toString()).isEqualTo(f + ": ok: 2 steps, 3 commands, 2 expectations that hold on the"
                + " simulator\n");
    }

    @Test
    void checkPointsAtEveryLineThatIsWrong() throws Exception {
        Path f = file("bad.md", GOOD.replace("ip netns add green", "tcpdump -i eth0")
                .replace("blue has link lo state DOWN", "blue pings 10.0.0.1"));

        assertThat(main("check", f.toString())).isEqualTo(1);

        assertThat(err.toString().lines()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).startsWith("netns-lab: " + f + ":14: cannot read the expectation"
                        + " \"blue pings 10.0.0.1\""),
                l -> assertThat(l).isEqualTo("netns-lab: " + f + ":20: unknown command \"tcpdump\": a lab runs ip,"
                        + " ping, sysctl, iptables and nc (and bash and exit)"));
    }

    @Test
    void checkRunsTheExpectationsOnTheSimulator() throws Exception {
        Path f = file("wrong.md", GOOD.replace("output contains \"green\"", "output contains \"red\"\nblue forwards"));

        assertThat(main("check", f.toString())).isEqualTo(1);

        assertThat(err.toString()).isEqualTo(
                "netns-lab: " + f + ":25: expected: output contains \"red\"; the simulator shows: no line of the"
                        + " output contains it\n"
                + "netns-lab: " + f + ":26: expected: blue forwards; the simulator shows: net.ipv4.ip_forward = 0\n");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"lessons", "run", "check"})
    void eachCommandHasHelp(String command) {
        assertThat(main(command, "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: netns-lab " + command);
    }
}
