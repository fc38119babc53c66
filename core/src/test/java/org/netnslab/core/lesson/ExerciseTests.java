package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.shell.Terminal;

/** The exercise's course through a lesson, on a backend of state without packets. */
class ExerciseTests {

    private FakeBackend lab;

    @BeforeEach
    void freshLab() {
        lab = new FakeBackend();
        // 10.0.0.1 answers once the host forwards; before, the request dies in the host
        lab.answerPings((ns, r) -> lab.snapshot().namespace(Backend.HOST).orElseThrow().ipForward() != 0
                ? new PingResult(r.destination(), List.of(Probe.reply(1, r.destination(), 63, 20, List.of())))
                : new PingResult(r.destination(), List.of(Probe.lost(1, List.of(
                        Hop.pass("blue", "veth1", "sent"),
                        Hop.dropped(Backend.HOST, "veth0", "not for this namespace, and forwarding is off"))))));
    }

    private static Step step(String title, List<String> commands, String... expectations) {
        return new Step(title, "Some *Markdown*.", commands,
                List.of(expectations).stream().map(Expectations::parse).toList());
    }

    private static Lesson lesson(Step... steps) {
        return new Lesson("t", "Test", "A test.", Optional.empty(), "", List.of(steps));
    }

    private final Lesson twoSteps = lesson(
            step("Namespace", List.of("ip netns add blue"), "blue has link lo", "host has no link veth0"),
            step("Forward", List.of("sysctl -w net.ipv4.ip_forward=1"), "host forwards",
                    "blue reaches 10.0.0.1 with ttl 63"));

    @Test
    void aStepOpensOnceTheOneBeforeHolds() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));

        CheckResult early = x.check();

        assertThat(early.passed()).isFalse();
        assertThat(early.findings()).extracting(Finding::goal)
                .containsExactly("`blue` has a link `lo`", "`host` has no link `veth0`");
        assertThat(early.findings().get(0).detail()).isEqualTo("there is no namespace `blue` yet");
        assertThat(x.stepNumber()).isEqualTo(1);

        x.type("ip netns add blue");
        CheckResult done = x.check();

        assertThat(done.passed()).isTrue();
        assertThat(done.step()).isEqualTo(1);
        assertThat(x.outcome(1)).contains(StepOutcome.ALONE);
        assertThat(x.stepNumber()).isEqualTo(2);
        assertThat(x.typed()).isEmpty();
    }

    @Test
    void aPingThatDiesSaysWhereAndWhyFromItsJourney() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));
        x.type("ip netns add blue");
        x.check();

        Finding ping = x.check().findings().get(1);

        assertThat(ping.passed()).isFalse();
        assertThat(ping.detail()).isEqualTo("`blue`'s ping to `10.0.0.1` got no reply within a second: its packet"
                + " was dropped in `host` at `veth0`: not for this namespace, and forwarding is off");
    }

    @Test
    void whateverCommandsGetThereCount() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));
        x.type("ip netns add blue");
        x.check();

        x.type("ip netns exec blue ip link");
        x.type("sysctl net.ipv4.ip_forward=1");
        CheckResult result = x.check();

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(x.finished()).isTrue();
        assertThat(x.doneCount()).isEqualTo(2);
    }

    @Test
    void hintsComeOneAtATimeAndTheStepIsThenDoneWithHints() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));

        assertThat(x.hintCount()).isEqualTo(3);
        assertThat(x.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("Think about"));
        assertThat(x.hintsTaken()).hasSize(1);
        assertThat(x.hint()).hasValueSatisfying(h -> assertThat(h).contains("ip netns add ___"));
        assertThat(x.hint()).hasValueSatisfying(h -> assertThat(h).contains("ip netns add blue"));
        assertThat(x.hint()).isEmpty();

        x.type("ip netns add blue");
        x.check();

        assertThat(x.outcome(1)).contains(StepOutcome.WITH_HINTS);
        assertThat(x.hintsTaken()).isEmpty();
    }

    @Test
    void showMeAppliesTheStepsCommandsAndSaysSo() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));

        Exercise.Shown shown = x.show();

        assertThat(shown.outputs()).extracting(CommandOutput::command).containsExactly("ip netns add blue");
        assertThat(shown.check().passed()).isTrue();
        assertThat(x.outcome(1)).contains(StepOutcome.SHOWN);
        assertThat(x.stepNumber()).isEqualTo(2);
    }

    @Test
    void aSkippedStepIsNotDone() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));

        x.skip();
        x.show();

        assertThat(x.outcome(1)).contains(StepOutcome.SKIPPED);
        assertThat(x.finished()).isTrue();
        assertThat(x.doneCount()).isEqualTo(1);
        assertThat(x.count(StepOutcome.SHOWN)).isEqualTo(1);
    }

    @Test
    void aReplayedStepIsAcceptedWithoutAPing() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));
        x.type("ip netns add blue");
        x.accept();
        x.type("sysctl -w net.ipv4.ip_forward=1");
        x.accept();

        assertThat(lab.pingsSent()).isZero();
        assertThat(x.doneCount()).isEqualTo(2);
    }

    @Test
    void outputGoalsLookAtWhatWasTypedSinceTheStepOpened() {
        Lesson lesson = lesson(step("Look", List.of("ip netns add blue", "ip netns list"),
                "output contains \"blue\"", "output does not contain \"green\""));
        Exercise x = new Exercise(lesson, new Terminal(lab));

        assertThat(x.check().findings()).extracting(Finding::detail).containsExactly(
                "you have typed no command in this step yet", "you have typed no command in this step yet");

        x.type("ip netns add green");
        x.type("ip netns add blue");
        x.type("ip netns list");
        CheckResult seen = x.check();
        assertThat(seen.findings().get(1).detail())
                .isEqualTo("your last `ip netns list`, `ip netns list`, printed `green`");

        x.type("ip netns del green");
        x.type("vim");
        assertThat(x.check().passed()).isFalse();
        x.type("ip netns");

        assertThat(x.check().passed()).isTrue();
    }

    @Test
    void aFailedCommandChangesNothingAndTheCheckStillAnswers() {
        Exercise x = new Exercise(twoSteps, new Terminal(lab));
        var before = lab.snapshot();

        assertThat(x.type("ip link set nosuch up").result().exitStatus()).isNotZero();
        assertThat(x.type("ip lnik").result().output()).contains("Object \"lnik\" is unknown");

        assertThat(lab.snapshot()).isEqualTo(before);
        assertThat(x.check().findings()).hasSize(2);
    }

    @Test
    void theWrongTtlSaysHowManyRoutersTheReplyCrossed() {
        Lesson lesson = lesson(step("Direct", List.of("ip netns add blue"), "blue reaches 10.0.0.1 with ttl 64"));
        lab.answerPings((ns, r) -> new PingResult(r.destination(),
                List.of(Probe.reply(1, r.destination(), 63, 20, List.of()))));
        Exercise x = new Exercise(lesson, new Terminal(lab));
        x.type("ip netns add blue");

        assertThat(x.check().findings().get(0).detail()).isEqualTo(
                "the reply from `10.0.0.1` came with ttl 63, not 64: it crossed one router on its way, not no router");
        assertThat(lab.pingsSent()).isEqualTo(1);
    }
}
