package org.netnslab.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.lesson.Expectation;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonFormatException;
import org.netnslab.core.lesson.LessonFormatException.Problem;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.net.Ipv4Address;

class LessonLoaderTests {

    private static final String EXAMPLE = """
            # A namespace and the host

            Make a namespace, `blue`, and wire it to the host.

            Tutorial: *Network Namespaces and Veth pairs* (seed 000).

            Your lab's host has `eth0`.

            ## Make a namespace

            A namespace has only `lo`.

            ```sh
            ip netns add blue
            # a comment, not a command

            ip netns list
            ```

            What you should see:

            ```expect
            blue has link lo state DOWN
            output contains "blue"
            ```

            ## Ping **the** host

            ```sh
            ip netns exec blue ping -c1 203.0.113.2
            ```
            """;

    @Test
    void anUnknownCommandIsFoundThousandsOfNamespacesDeep() {
        assertThat(LessonLoader.unknown("ip netns exec red ".repeat(2_000) + "tshark")).contains(
                "unknown command \"tshark\": a lab runs ip, ping, sysctl, iptables and nc (and bash and exit)");
    }

    @Test
    void readsTitleSummaryTutorialAndSteps() throws Exception {
        Lesson lesson = LessonLoader.parse("x", EXAMPLE);

        assertThat(lesson.id()).isEqualTo("x");
        assertThat(lesson.title()).isEqualTo("A namespace and the host");
        assertThat(lesson.summary()).isEqualTo("Make a namespace, `blue`, and wire it to the host.");
        assertThat(lesson.tutorial()).contains("*Network Namespaces and Veth pairs* (seed 000).");
        assertThat(lesson.introduction()).isEqualTo("Your lab's host has `eth0`.");
        assertThat(lesson.steps()).extracting(Step::title).containsExactly("Make a namespace", "Ping the host");
    }

    @Test
    void aStepKeepsItsExplanationAsMarkdownAndItsCommandsAndExpectationsWithTheirLines() throws Exception {
        Step step = LessonLoader.parse("x", EXAMPLE).step(1);

        assertThat(step.explanation()).isEqualTo("A namespace has only `lo`.\n\nWhat you should see:");
        assertThat(step.commands()).containsExactly("ip netns add blue", "ip netns list");
        assertThat(step.expectations()).extracting(Expectation::text)
                .containsExactly("blue has link lo state DOWN", "output contains \"blue\"");
        assertThat(step.lines()).isEqualTo(new Step.Lines(9, List.of(14, 17), List.of(23, 24)));
        assertThat(step.lineOf(step.expectations().get(1))).isEqualTo(24);
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkReadTheSame() throws Exception {
        Lesson crlf = LessonLoader.parse("x", "\uFEFF" + EXAMPLE.replace("\n", "\r\n"));

        assertThat(crlf).isEqualTo(LessonLoader.parse("x", EXAMPLE));
    }

    @Test
    void otherCodeBlocksAreExplanation() throws Exception {
        Lesson lesson = LessonLoader.parse("x", """
                # T

                S.

                ## Chat

                ```text
                $ nc -l -p 8080
                ```

                ```sh
                ip netns add a
                ```
                """);

        assertThat(lesson.step(1).explanation()).isEqualTo("```text\n$ nc -l -p 8080\n```");
        assertThat(lesson.step(1).commands()).containsExactly("ip netns add a");
        assertThat(lesson.tutorial()).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("empty file", "", new Problem(1, "no title: a lesson starts with a line \"# Title\"")),
                bad("no title", """
                        Some text.

                        ## Step
                        ```sh
                        ip netns add a
                        ```
                        """,
                        new Problem(1, "no title: a lesson starts with a line \"# Title\""),
                        new Problem(1, "a lesson starts with its title, a line \"# Title\"")),
                bad("no summary", """
                        # Title

                        ## Step

                        ```sh
                        ip netns add a
                        ```
                        """, new Problem(1, "no summary: write a paragraph under the title that says what the"
                        + " lesson teaches")),
                bad("no steps", """
                        # Title

                        Summary.
                        """, new Problem(3, "no steps: each step is a section that starts with \"## Step title\""
                        + " and has its commands in a ```sh block")),
                bad("a step without commands", """
                        # Title

                        Summary.

                        ## Just talk

                        Nothing to type.

                        ## Type

                        ```sh
                        ip netns add a
                        ```
                        """, new Problem(5, "the step \"Just talk\" has no commands: put them in a ```sh block,"
                        + " one a line")),
                bad("an unknown command", """
                        # Title

                        Summary.

                        ## Capture

                        ```sh
                        ip netns add a
                        tshark -i v1
                        ```
                        """, new Problem(9, "unknown command \"tshark\": a lab runs ip, ping, sysctl, iptables and nc"
                        + " (and bash and exit)")),
                bad("an unknown command inside a namespace", """
                        # Title

                        Summary.

                        ## Capture

                        ```sh
                        ip netns exec a tshark -i v1
                        ```
                        """, new Problem(8, "unknown command \"tshark\": a lab runs ip, ping, sysctl, iptables and nc"
                        + " (and bash and exit)")),
                bad("a line of a chat that is neither a command nor a line for nc", """
                        # Title

                        Summary.

                        ## Chat

                        ```chat
                        ns1$ nc -l -p 8080
                        ns2 nc 10.0.0.1 8080
                        ```
                        """, new Problem(9, "a line of a chat is \"NS$ COMMAND\" (a command at a shell in NS) or"
                        + " \"NS> TEXT\" (a line typed into the nc that runs in NS), not \"ns2 nc 10.0.0.1 8080\"")),
                bad("an unknown command in a chat", """
                        # Title

                        Summary.

                        ## Chat

                        ```chat
                        ns1$ tshark -i v1
                        ```
                        """, new Problem(8, "unknown command \"tshark\": a lab runs ip, ping, sysctl, iptables and nc"
                        + " (and bash and exit)")),
                bad("a line of a chat in a block of commands", """
                        # Title

                        Summary.

                        ## Chat

                        ```sh
                        ns1$ nc -l -p 8080
                        ```
                        """, new Problem(8, "\"ns1$ nc -l -p 8080\" is a line of a chat: it goes in a ```chat block")),
                bad("a command the lab does not simulate", """
                        # Title

                        Summary.

                        ## Vxlan

                        ```sh
                        ip link add vx0 type vxlan id 42 dstport 4789
                        ```
                        """, new Problem(8, "\"ip link add vx0 type vxlan id 42 dstport 4789\": links of type \"vxlan\""
                        + " (a lab has veth and bridge) is not part of the lab")),
                bad("a command with its prompt", """
                        # Title

                        Summary.

                        ## Prompt

                        ```sh
                        $ ip netns add a
                        ```
                        """, new Problem(8, "write the command without the prompt \"$\": $ ip netns add a")),
                bad("an expectation it cannot read", """
                        # Title

                        Summary.

                        ## Ping

                        ```sh
                        ip netns add a
                        ```

                        ```expect
                        a has link lo
                        a pings 10.0.0.1
                        ```
                        """, new Problem(13, "cannot read the expectation \"a pings 10.0.0.1\": \"pings\" is not"
                        + " something a namespace does in a lesson: write \"NS reaches ADDR\", \"NS does not reach"
                        + " ADDR\", \"NS has route PREFIX\", \"NS has no route PREFIX\", \"NS has address ADDR\","
                        + " \"NS has link DEV\", \"NS forwards\", \"output contains \\\"TEXT\\\"\" or \"NS receives"
                        + " \\\"TEXT\\\"\"")),
                bad("a block never closed", """
                        # Title

                        Summary.

                        ## Open

                        ```sh
                        ip netns add a

                        ## Next
                        """, new Problem(5, "the step \"Open\" has no commands: put them in a ```sh block, one a"
                        + " line"), new Problem(7, "this ``` block is never closed")),
                bad("two titles", """
                        # Title

                        Summary.

                        # Another

                        ## Step

                        ```sh
                        ip netns add a
                        ```
                        """, new Problem(5, "a second title: a lesson has one \"# Title\"; start a step with"
                        + " \"## \"")),
                bad("commands before the first step", """
                        # Title

                        Summary.

                        ```sh
                        ip netns add a
                        ```

                        ## Step

                        ```sh
                        ip netns add b
                        ```
                        """, new Problem(5, "a ```sh block before the first step: commands, chats, expectations and"
                        + " hints belong to a step (\"## Step title\")")),
                bad("a hint block before the first step", """
                        # Title

                        Summary.

                        ```hint
                        Think.
                        ```

                        ## Step

                        ```sh
                        ip netns add b
                        ```
                        """, new Problem(5, "a ```hint block before the first step: commands, chats, expectations"
                        + " and hints belong to a step (\"## Step title\")")),
                bad("an empty hint block", """
                        # Title

                        Summary.

                        ## Step

                        ```sh
                        ip netns add b
                        ```

                        ```hint

                        ```
                        """, new Problem(11, "this ```hint block is empty: write a hint a paragraph, blank lines"
                        + " between them")),
                bad("a step without a title", """
                        # Title

                        Summary.

                        ##

                        ```sh
                        ip netns add b
                        ```
                        """, new Problem(5, "a step without a title: write \"## What this step does\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedLessonSaysWhatIsWrongAndWhere(String name, String markdown, List<Problem> expected) {
        LessonFormatException e = catchThrowableOfType(LessonFormatException.class,
                () -> LessonLoader.parse("x", markdown));

        assertThat(e).as(name).isNotNull();
        assertThat(e.problems()).containsExactlyElementsOf(expected);
        assertThat(e.getMessage()).isEqualTo(String.join("\n", expected.stream().map(Problem::toString).toList()));
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        LessonFormatException e = catchThrowableOfType(LessonFormatException.class, () -> LessonLoader.parse("x", """
                # Title

                Summary.

                ## One

                ```sh
                tshark -i v1
                ```

                ```expect
                a reaches nowhere
                ```

                ## Two
                """));

        assertThat(e.problems()).extracting(Problem::line).containsExactly(8, 12, 15);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"##", "#", "# \n\n##\n", "```", "```sh", "```expect\n", "# T\n\nS.\n\n## A\n```sh\n\u0000\n```",
            "# T\n\nS\n\n## A\n\n> ```sh\n> ip netns add a\n> ```\n", "- # T\n- ## S", "<div>\n# T\n</div>",
            "# T\n\nS.\n\n## A\n\n```sh\nip netns exec\n```\n", "# T\n\nS.\n\n## A\n```sh\nsudo\n```"})
    void oddInputIsALessonOrAFormatErrorNeverAnythingElse(String markdown) {
        try {
            LessonLoader.parse("x", markdown);
        } catch (LessonFormatException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }

    @Test
    void readsAFileAndNamesItByItsFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-lesson.md");
        Files.writeString(file, EXAMPLE, StandardCharsets.UTF_8);

        Lesson lesson = LessonLoader.load(file);

        assertThat(lesson.id()).isEqualTo("my-lesson");
        assertThat(lesson.step(2).expectations()).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAsSuch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.md");
        Files.write(file, "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> LessonLoader.load(file)).isInstanceOf(LessonFormatException.class)
                .hasMessage("the file is not UTF-8 text");
    }

    @Test
    void aChatKeepsItsLinesAsWrittenAmongTheStepsCommands() throws Exception {
        Step step = LessonLoader.parse("x", """
                # T

                S.

                ## Chat

                ```sh
                ip netns add ns1
                ```

                ```chat
                ns1$ nc -l -p 8080
                # a comment
                host$ nc 10.0.0.1 8080
                host> hello
                ns1>
                ```

                ```expect
                ns1 receives "hello"
                host does not receive "bye"
                ```
                """).step(1);

        assertThat(step.commands()).containsExactly("ip netns add ns1", "ns1$ nc -l -p 8080",
                "host$ nc 10.0.0.1 8080", "host> hello", "ns1> ");
        assertThat(step.lines().commands()).containsExactly(8, 12, 14, 15, 16);
        assertThat(step.expectations()).containsExactly(new Expectation.Receives("ns1", "hello", true),
                new Expectation.Receives(Backend.HOST, "bye", false));
    }

    @Test
    void aHintBlockGivesTheStepsOwnHintsAParagraphEachAndIsNotExplanation() throws Exception {
        Step step = LessonLoader.parse("x", """
                # T

                S.

                ## Route

                The host is the way.

                ```sh
                ip netns exec ns0 ip route add 10.1.20.0/24 via 10.1.10.1
                ```

                ```hint
                Which address of the host
                is on ns0's cable?

                `ip route add PREFIX via GATEWAY`, inside `ns0`.
                ```

                ```hint
                A third.
                ```
                """).step(1);

        assertThat(step.hints()).containsExactly("Which address of the host\nis on ns0's cable?",
                "`ip route add PREFIX via GATEWAY`, inside `ns0`.", "A third.");
        assertThat(step.explanation()).isEqualTo("The host is the way.");
    }

    @Test
    void aStepWithoutAHintBlockHasNoHintsOfItsOwn() throws Exception {
        assertThat(LessonLoader.parse("x", EXAMPLE).steps()).allSatisfy(s -> assertThat(s.hints()).isEmpty());
    }

    @Test
    void hostInAnExpectationIsTheLabsHost() throws Exception {
        Lesson lesson = LessonLoader.parse("x", """
                # T

                S.

                ## A

                ```sh
                ip netns add a
                ```

                ```expect
                host reaches 10.0.0.1
                ```
                """);

        assertThat(lesson.step(1).expectations()).containsExactly(
                new Expectation.Reaches(Backend.HOST, Ipv4Address.parse("10.0.0.1"), Optional.empty()));
    }

    private static Arguments bad(String name, String markdown, Problem... problems) {
        return Arguments.of(name, markdown, List.of(problems));
    }
}
