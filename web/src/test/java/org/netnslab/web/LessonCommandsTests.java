package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;
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

        assertThat(out.toString()).startsWith("ID  TITLE                         STEPS\n"
                + "1   A namespace and the host      8\n");
        assertThat(out.toString()).contains("5   NAT to the internet           10\n",
                "7   A firewall between containers ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1", "2", "3", "4", "5", "6", "7", "8", "9"})
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

        assertThat(err.toString()).isEqualTo("netns-lab: no lesson \"nine\": give a lesson's id (1, 2, 3, 4, 5, 6, 7, 8, 9, see"
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
        Path f = file("bad.md", GOOD.replace("ip netns add green", "tshark -i eth0")
                .replace("blue has link lo state DOWN", "blue pings 10.0.0.1"));

        assertThat(main("check", f.toString())).isEqualTo(1);

        assertThat(err.toString().lines()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).startsWith("netns-lab: " + f + ":14: cannot read the expectation"
                        + " \"blue pings 10.0.0.1\""),
                l -> assertThat(l).isEqualTo("netns-lab: " + f + ":20: unknown command \"tshark\": a lab runs ip,"
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

    private static InputStream typed(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anExerciseShowsEachGoalAndAnswersCheckHintShowAndSkip() throws Exception {
        Path f = file("mine.md", GOOD);

        int status = run(typed("check", "hint", "ip netns add blue", "check", "show"), f.toString(), "--exercise");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("## Step 1 of 2: A namespace\n\nMake one.\n\nGoal:\n  - `blue` has a link `lo`, down\n")
                .doesNotContain("$ ip netns add blue")
                .contains("  [FAIL] `blue` has a link `lo`, down: there is no namespace `blue` yet\n"
                        + "Not yet: type more, then check again (or hint, show, skip).\n")
                .contains("Hint 1 of 3:\nThink about what the goal takes: a namespace of its own (`ip netns`).\n")
                .contains("Step 1 done, with hints. 1 of 2 done.\n")
                .contains("Shown: the lab went back to where step 2 began, and its commands ran:\n"
                        + "$ ip netns add green\n$ ip netns list\ngreen\nblue\n")
                .endsWith("Every step behind you: 2 of 2 done: 0 alone, 1 with hints, 1 shown, 0 skipped.\n");
    }

    @Test
    void anExerciseLeftBeforeItsEndExitsWithOne() throws Exception {
        Path f = file("mine.md", GOOD);

        assertThat(run(typed("ip netns add blue", "check", "skip"), f.toString(), "--exercise")).isEqualTo(1);

        assertThat(out.toString()).contains("Step 2 skipped.").endsWith("1 of 2 done: 1 alone, 0 with hints,"
                + " 0 shown, 1 skipped; 'netns-lab run mine --exercise' starts again.\n");
        out.getBuffer().setLength(0);
        assertThat(run(typed("ip netns add blue", "exit"), f.toString(), "--exercise")).isEqualTo(1);
        assertThat(out.toString()).endsWith("0 of 2 done: 0 alone, 0 with hints, 0 shown, 0 skipped;"
                + " 'netns-lab run mine --exercise' starts again.\n");
    }

    @Test
    void badInputDuringAnExerciseNeverBreaksIt() throws Exception {
        Path f = file("mine.md", GOOD);

        int status = run(typed("ip lnik", "ip netns add", "ip netns exec nowhere ip link", "vim", "\u0000", "ns1> hi",
                "check", "ip netns add blue", "ip netns exec blue bash", "exit", "check", "ip netns add green",
                "ip netns list", "check"), f.toString(), "--exercise");

        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Object \"lnik\" is unknown, try \"ip help\".",
                "Cannot open network namespace \"nowhere\": No such file or directory",
                "there is no namespace `blue` yet", "Step 1 done, alone.", "Every step behind you: 2 of 2 done");
    }

    @Test
    void theWholeShippedLessonCanBeTypedInATerminal() {
        Lesson three = Lessons.find("3").orElseThrow();
        List<String> lines = new ArrayList<>();
        three.steps().forEach(s -> {
            lines.addAll(s.commands());
            lines.add("check");
        });

        assertThat(run(typed(lines.toArray(String[]::new)), "3", "--exercise")).as(out.toString()).isZero();
        assertThat(out.toString()).endsWith("Every step behind you: 9 of 9 done: 9 alone, 0 with hints, 0 shown,"
                + " 0 skipped.\n");
    }

    @Test
    void anExerciseGoesAlone() {
        assertThat(run(typed(), "1", "--exercise", "--check")).isEqualTo(2);
        assertThat(err.toString()).startsWith("netns-lab: --exercise goes alone");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"lessons", "run", "check"})
    void eachCommandHasHelp(String command) {
        assertThat(main(command, "--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: netns-lab " + command);
    }
}
