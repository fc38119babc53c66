package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.net.Ipv4Address;

class LessonRunnerTests {

    private FakeBackend lab;

    @BeforeEach
    void freshLab() {
        lab = new FakeBackend();
        // 10.0.0.1 answers with ttl 64; anything else is lost, dropped where the test's journey says
        lab.answerPings((ns, r) -> r.destination().equals(Ipv4Address.parse("10.0.0.1"))
                ? new PingResult(r.destination(), List.of(Probe.reply(1, r.destination(), 64, 20, List.of())))
                : new PingResult(r.destination(), List.of(Probe.lost(1,
                        List.of(Hop.dropped(Backend.HOST, "veth0", "forwarding off"))))));
    }

    private static Lesson lesson(Step... steps) {
        return new Lesson("t", "Test", "A test.", Optional.empty(), "", List.of(steps));
    }

    private static Step step(String title, List<String> commands, String... expectations) {
        return new Step(title, "Some *Markdown*.", commands,
                List.of(expectations).stream().map(Expectations::parse).toList());
    }

    @Test
    void appliesStepsOneAtATimeWithOutputsSnapshotDiffAndVerdicts() {
        Lesson lesson = lesson(
                step("Make a namespace", List.of("ip netns add blue", "ip link add veth0 type veth peer name veth1",
                        "ip link set veth1 netns blue"), "host has link veth0", "host has no link veth1",
                        "blue has link veth1 state DOWN"),
                step("Address and ping", List.of("ip addr add 10.0.0.10/24 dev veth0", "ip link set veth0 up",
                        "ping -c1 10.0.0.1"), "host has route 10.0.0.0/24", "host reaches 10.0.0.1 with ttl 64",
                        "output contains \"1 received\"", "blue has no route default"));
        LessonRunner runner = new LessonRunner(lesson, lab);

        StepResult first = runner.next();

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.outputs()).extracting(CommandOutput::command).containsExactlyElementsOf(
                lesson.step(1).commands());
        assertThat(first.outputs()).allSatisfy(o -> assertThat(o.result().exitStatus()).isZero());
        assertThat(first.diff().namespacesAdded()).containsExactly("blue");
        assertThat(first.snapshot().namespace("blue")).isPresent();
        assertThat(first.passed()).as(first.verdicts().toString()).isTrue();

        StepResult second = runner.next();

        assertThat(second.transcript()).startsWith("$ ip addr add 10.0.0.10/24 dev veth0\n$ ip link set veth0 up\n"
                + "$ ping -c1 10.0.0.1\nPING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n");
        assertThat(second.verdicts()).extracting(Verdict::passed).containsExactly(true, true, true, true);
        assertThat(second.verdicts().get(1).observed()).isEqualTo("reply from 10.0.0.1, ttl 64");
        assertThat(second.verdicts().get(1).ping()).isPresent();
        assertThat(StateDiffFormat.text(second.diff())).isEqualTo("""
                host
                  ~ link veth0: state DOWN -> UP
                  + address 10.0.0.10/24 on veth0
                  + route 10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.10
                """);
        assertThat(runner.hasNext()).isFalse();
        assertThat(runner.results()).containsExactly(first, second);
    }

    @Test
    void checkingAPingNeverTypesIntoTheTerminal() {
        LessonRunner runner = new LessonRunner(lesson(step("Ping", List.of("ip netns add blue"),
                "host reaches 10.0.0.1", "blue does not reach 198.51.100.8")), lab);

        StepResult result = runner.next();

        assertThat(result.outputs()).hasSize(1);
        assertThat(result.transcript()).isEqualTo("$ ip netns add blue\n");
        assertThat(lab.pingsSent()).isEqualTo(2);
    }

    @Test
    void aFailedExpectationSaysWhatTheLabShowed() {
        LessonRunner runner = new LessonRunner(lesson(step("Ping", List.of("ip netns add blue"),
                "host reaches 198.51.100.8", "blue has route default", "output contains \"received\"",
                "green forwards")), lab);

        StepResult result = runner.next();

        assertThat(result.passed()).isFalse();
        assertThat(result.firstFailure().orElseThrow().expectation().text()).isEqualTo("host reaches 198.51.100.8");
        assertThat(result.verdicts()).extracting(Verdict::observed).containsExactly(
                "no reply (dropped in host at veth0: forwarding off)",
                "the routing table is empty",
                "no line of the output contains it",
                "there is no namespace green");
    }

    @Test
    void aShellOpenedInOneStepIsStillOpenInTheNext() {
        LessonRunner runner = new LessonRunner(lesson(
                step("Enter", List.of("ip netns add blue", "ip netns exec blue bash")),
                step("Inside", List.of("sysctl -w net.ipv4.ip_forward=1", "exit")),
                step("Outside", List.of("ip netns list"), "blue forwards", "host does not forward")), lab);

        runner.runAll();

        assertThat(runner.results().get(1).outputs()).extracting(CommandOutput::prompt)
                .containsExactly("root@host:~# (netns blue) ", "root@host:~# (netns blue) ");
        assertThat(runner.results().get(1).diff().namespace("blue").orElseThrow().ipForward())
                .contains(Change.changed(0, 1));
        assertThat(runner.results().get(2).outputs().get(0).prompt()).isEqualTo("root@host:~# ");
        assertThat(runner.results().get(2).passed()).isTrue();
    }

    @Test
    void runsToAStepAndNoFurther() {
        Lesson lesson = lesson(step("One", List.of("ip netns add a")), step("Two", List.of("ip netns add b")),
                step("Three", List.of("ip netns add c")));
        LessonRunner runner = new LessonRunner(lesson, lab);

        assertThat(runner.runTo(2)).hasSize(2);
        assertThat(runner.runTo(1)).isEmpty();
        assertThat(runner.stepsDone()).isEqualTo(2);
        assertThat(lab.namespaces()).containsExactly("a", "b");
        assertThat(runner.runAll()).extracting(StepResult::number).containsExactly(3);
        assertThatThrownBy(runner::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> runner.runTo(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void checksAgainOnTheLabAsItIsNow() {
        LessonRunner runner = new LessonRunner(lesson(step("One", List.of("ip netns add blue"), "host forwards")),
                lab);
        assertThat(runner.next().passed()).isFalse();

        runner.terminal().run("sysctl -w net.ipv4.ip_forward=1");

        assertThat(runner.check(Expectations.parse("host forwards"), List.of()).passed()).isTrue();
    }
}
