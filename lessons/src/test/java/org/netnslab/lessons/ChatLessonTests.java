package org.netnslab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.LessonRunner;
import org.netnslab.core.lesson.StepResult;
import org.netnslab.core.lesson.Verdict;
import org.netnslab.sim.SimBackend;

/** A lesson's ```chat block, run on the simulator: both windows, what each nc received, and the chat's end. */
class ChatLessonTests {

    private static final String WIRED = """
            # Chat

            Two namespaces and a chat.

            ## Wire

            ```sh
            ip netns add ns1
            ip netns add ns2
            ip link add v1 type veth peer name v2
            ip link set v1 netns ns1
            ip link set v2 netns ns2
            ip -n ns1 addr add 10.0.0.1/24 dev v1
            ip -n ns2 addr add 10.0.0.2/24 dev v2
            ip -n ns1 link set v1 up
            ip -n ns2 link set v2 up
            ```

            """;

    private static List<StepResult> run(String markdown) throws Exception {
        Lesson lesson = LessonLoader.parse("chat", markdown);
        try (Backend lab = new SimBackend(3)) {
            LabWorld.build(lab);
            return new LessonRunner(lesson, lab).runAll();
        }
    }

    @Test
    void theReadmesChatRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```chat\n");
        String chat = readme.substring(start, readme.indexOf("~~~\n", start));

        StepResult r = run(WIRED + "## Talk\n\n" + chat).get(1);

        assertThat(r.verdicts()).allMatch(Verdict::passed);
        assertThat(r.transcript()).isEqualTo("""
                ns1$ nc -l -p 8080
                netns-lab: this nc listens on port 8080 in ns1 in the background, where a real one would hold \
                the terminal; nc ADDRESS 8080 from another namespace starts a chat, exit ends it.
                ns2$ nc 10.0.0.1 8080
                ns2> hello from ns2
                hello from ns2
                ns1> hi from ns1
                hi from ns1
                """);
        assertThat(r.outputs()).extracting(o -> o.prompt()).containsExactly("ns1$ ", "ns2$ ", "ns2> ", "ns1> ");
    }

    @Test
    void whatAnNcDidNotReceiveIsShownInTheVerdict() throws Exception {
        StepResult r = run(WIRED + """
                ## Talk

                ```chat
                ns1$ nc -l -p 8080
                ns2$ nc 10.0.0.1 8080
                ns2> hello
                ```

                ```expect
                ns1 receives "bye"
                ns2 receives "anything"
                ns1 does not receive "hello"
                ```
                """).get(1);

        assertThat(r.verdicts()).extracting(Verdict::passed).containsExactly(false, false, false);
        assertThat(r.verdicts()).extracting(Verdict::observed).containsExactly("the nc in ns1 printed \"hello\"",
                "the nc in ns2 received nothing", "the nc in ns1 printed \"hello\"");
    }

    @Test
    void theChatEndsWithItsBlockAndTheTerminalIsTheLearnersAgain() throws Exception {
        List<StepResult> results = run(WIRED + """
                ## Talk

                ```chat
                ns1$ nc -l -p 8080
                ns2$ nc 10.0.0.1 8080
                ns2> hello
                ```

                ```sh
                ip netns exec ns2 nc 10.0.0.1 8080
                ip netns list
                ```

                ```expect
                output contains "ns2"
                ```
                """);

        StepResult talk = results.get(1);
        assertThat(talk.outputs().get(3).result().exitStatus()).as("the listener stopped with the block")
                .isEqualTo(1);
        assertThat(talk.outputs().get(4).result().output()).as("a command, not a line for nc").startsWith("ns2");
        assertThat(talk.passed()).isTrue();
    }

    @Test
    void aLineForAnNcThatIsNotThereSaysSo() throws Exception {
        StepResult r = run(WIRED + """
                ## Talk

                ```chat
                ns1> hello?
                ```
                """).get(1);

        assertThat(r.outputs().get(0).result().output()).startsWith("netns-lab: no nc chats in ns1");
        assertThat(r.outputs().get(0).result().exitStatus()).isEqualTo(1);
    }
}
