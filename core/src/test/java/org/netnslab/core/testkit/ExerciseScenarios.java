package org.netnslab.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.lesson.CheckResult;
import org.netnslab.core.lesson.Exercise;
import org.netnslab.core.lesson.Finding;
import org.netnslab.core.lesson.Hints;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.Step;
import org.netnslab.core.lesson.StepOutcome;
import org.netnslab.core.model.LabState;

/**
 * A lesson done by a learner ("Do it yourself"), on any backend: the step's own commands pass its check; the
 * same state reached another way passes too; a bad command changes nothing and the check still answers; hints
 * come in order; {@code Show me} gets every step done; and a missing command fails with the reason a learner
 * should read. The shipped lessons' missing commands are in {@link #MISSING}.
 */
public final class ExerciseScenarios {

    /**
     * A command left out of a shipped lesson's step, and why the check says the goal fails: in the words of the
     * packet's journey where the backend tells one, in what the tables say where it does not; on the kernel,
     * whose journeys tell where a packet was last seen and sometimes why it died there, the one or the other.
     */
    public record Missing(String lesson, String step, String omitted, String goal, String withJourney,
            String measured, String onTheKernel) {

        /** Where the kernel says what the tables say. */
        public Missing(String lesson, String step, String omitted, String goal, String withJourney, String measured) {
            this(lesson, step, omitted, goal, withJourney, measured, measured);
        }
    }

    public static final List<Missing> MISSING = List.of(
            new Missing("1", "Addresses, and up", "ip link set veth0 up", "blue has link veth1 state UP",
                    "it is up, but its peer `veth0` in `host` is down",
                    "it is up, but its peer `veth0` in `host` is down"),
            new Missing("2", "Addresses, and up", "sudo ip netns exec ns2 ip addr add 10.0.0.2/24 dev v2",
                    "ns2 has route 10.0.0.0/24 dev v2", "`ns2` has no route to `10.0.0.0/24`; its routing table is"
                            + " empty", "`ns2` has no route to `10.0.0.0/24`; its routing table is empty"),
            new Missing("3", "The first subnet: 10.1.10.0/24", "ip netns exec ns0 ip link set dev veth12 up",
                    "ns0 has route 10.1.10.0/24 dev veth12", "the kernel adds the route to the subnet of `10.1.10.2/24`"
                            + " once `veth12` is up", "the kernel adds the route to the subnet of `10.1.10.2/24` once"
                            + " `veth12` is up"),
            new Missing("3", "A route through the host", "ip netns exec ns1 ip route add 10.1.10.0/24 via 10.1.20.1",
                    "ns1 has route 10.1.10.0/24 via 10.1.20.1 dev veth22", "`ns1` has no route to `10.1.10.0/24`",
                    "`ns1` has no route to `10.1.10.0/24`"),
            new Missing("3", "The host forwards: ttl 63", "sysctl -w net.ipv4.ip_forward=1",
                    "ns0 reaches 10.1.20.2 with ttl 63",
                    "its packet was dropped in `host` at `veth11`: not for this namespace, and forwarding is off",
                    "`host` receives the request but does not pass it on: forwarding is off",
                    "its packet was dropped in `host` at `veth11`: not for this namespace, and forwarding is off"),
            new Missing("4", "Everything up", "ip link set veth-two-out up",
                    "host has link veth-two-out state UP master virtual-bridge",
                    "`veth-two-out` in `host` is `DOWN`, not `UP`: it has not been set up",
                    "`veth-two-out` in `host` is `DOWN`, not `UP`: it has not been set up"),
            new Missing("4", "The bridge gets an address", "ip addr add 10.0.0.1/24 dev virtual-bridge",
                    "three reaches 10.0.0.1 with ttl 64", "no ARP reply from 10.0.0.1",
                    "nobody on the other side of `veth-three-in` in `three` has `10.0.0.1`"),
            new Missing("5", "A default gateway: still no answer, but not for the tutorial's reason",
                    "ip netns exec three ip route add default via 10.0.0.1", "three has route default via 10.0.0.1",
                    "`three` has no default route", "`three` has no default route"),
            new Missing("5", "Masquerade: the answers find their way back",
                    "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE", "three reaches 198.51.100.8 with ttl 63",
                    "no route back to 10.0.0.30: a private address that reached here unmasqueraded",
                    "the reply does not: `upstream` has no route to `10.0.0.30`: a private source address"));

    /** Commands a learner gets wrong: each is refused, and none may change the lab. */
    private static final List<String> BAD = List.of("ip link set nosuch0 up", "ip lnik", "vim notes.txt",
            "ip addr add 10.0.0.300/24 dev lo", "ip netns exec nosuch ip link", "ip route add 10.9.9.0/24 via 10.9.9.1");

    private ExerciseScenarios() {}

    /**
     * Every scenario for one lesson, each on a fresh lab.
     *
     * @param journeys whether the backend tells each packet's journey (the simulator does, the kernel does not)
     */
    public static Stream<DynamicTest> of(Lesson lesson, Supplier<Backend> labs, boolean journeys) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("its own commands pass each check, after a bad one that changes nothing",
                () -> ownCommands(lesson, labs)));
        tests.add(DynamicTest.dynamicTest("another way passes, with every hint taken in order",
                () -> anotherWay(lesson, labs)));
        tests.add(DynamicTest.dynamicTest("Show me gets every step done", () -> shown(lesson, labs)));
        for (Missing m : MISSING) {
            if (m.lesson().equals(lesson.id())) {
                tests.add(DynamicTest.dynamicTest("without \"" + m.omitted() + "\": " + m.goal() + " fails",
                        () -> missing(lesson, labs, m, journeys)));
            }
        }
        return tests.stream();
    }

    private static void ownCommands(Lesson lesson, Supplier<Backend> labs) {
        try (Backend lab = labs.get()) {
            Exercise x = new Exercise(lesson, new Terminal(lab));
            for (int n = 1; n <= lesson.steps().size(); n++) {
                Step step = lesson.step(n);
                LabState before = lab.snapshot();
                String bad = BAD.get(n % BAD.size());
                assertThat(x.type(bad).result().exitStatus()).as("%s is refused", bad).isNotZero();
                assertThat(lab.snapshot()).as("the lab after %s", bad).isEqualTo(before);
                CheckResult early = x.check();
                assertThat(early.findings()).as("step %d checked after %s", n, bad)
                        .hasSameSizeAs(step.expectations());
                assertThat(early.passed()).as("step %d, %s, before its commands: %s", n, step.title(), early)
                        .isFalse();
                step.commands().forEach(x::type);
                CheckResult done = x.check();
                assertThat(done.passed()).as("step %d, %s: %s", n, step.title(), failures(done)).isTrue();
                assertThat(x.outcome(n)).contains(StepOutcome.ALONE);
            }
            assertThat(x.finished()).isTrue();
            assertThat(x.doneCount()).isEqualTo(lesson.steps().size());
        }
    }

    private static void anotherWay(Lesson lesson, Supplier<Backend> labs) {
        try (Backend lab = labs.get()) {
            Exercise x = new Exercise(lesson, new Terminal(lab));
            for (int n = 1; n <= lesson.steps().size(); n++) {
                Step step = lesson.step(n);
                List<String> hints = Hints.of(step);
                List<String> taken = new ArrayList<>();
                for (Optional<String> h = x.hint(); h.isPresent(); h = x.hint()) {
                    taken.add(h.get());
                }
                assertThat(taken).as("the hints of step %d, in order", n).isEqualTo(hints);
                if (!step.hints().isEmpty()) {
                    assertThat(taken.get(0)).isEqualTo(step.hints().get(0));
                }
                assertThat(taken.get(taken.size() - 1)).as("the last hint of step %d", n)
                        .contains(step.commands());
                x.type("ip netns list");
                Rewrites.of(step.commands()).forEach(x::type);
                CheckResult done = x.check();
                assertThat(done.passed()).as("step %d, %s, typed as %s: %s", n, step.title(),
                        Rewrites.of(step.commands()), failures(done)).isTrue();
                assertThat(x.outcome(n)).contains(StepOutcome.WITH_HINTS);
            }
        }
    }

    private static void shown(Lesson lesson, Supplier<Backend> labs) {
        try (Backend lab = labs.get()) {
            Exercise x = new Exercise(lesson, new Terminal(lab));
            for (int n = 1; n <= lesson.steps().size(); n++) {
                Exercise.Shown s = x.show();
                assertThat(s.outputs()).hasSameSizeAs(lesson.step(n).commands());
                assertThat(s.check().passed()).as("step %d shown: %s", n, failures(s.check())).isTrue();
                assertThat(x.outcome(n)).contains(StepOutcome.SHOWN);
            }
            assertThat(x.doneCount()).isEqualTo(lesson.steps().size());
        }
    }

    private static void missing(Lesson lesson, Supplier<Backend> labs, Missing m, boolean journeys) {
        try (Backend lab = labs.get()) {
            Exercise x = new Exercise(lesson, new Terminal(lab));
            while (!x.openStep().orElseThrow().title().equals(m.step())) {
                x.openStep().orElseThrow().commands().forEach(x::type);
                assertThat(x.check().passed()).isTrue();
            }
            Step step = x.openStep().orElseThrow();
            assertThat(step.commands()).contains(m.omitted());
            step.commands().stream().filter(c -> !c.equals(m.omitted())).forEach(x::type);
            CheckResult result = x.check();
            assertThat(result.passed()).isFalse();
            Finding f = result.findings().stream().filter(g -> g.expectation().text().equals(m.goal())).findFirst()
                    .orElseThrow();
            assertThat(f.passed()).isFalse();
            assertThat(f.detail()).contains(lab.name().equals("kernel") ? m.onTheKernel()
                    : journeys ? m.withJourney() : m.measured());
            assertThat(x.stepNumber()).as("the step stays open").isEqualTo(lesson.steps().indexOf(step) + 1);
        }
    }

    private static List<String> failures(CheckResult r) {
        return r.findings().stream().filter(f -> !f.passed()).map(f -> f.goal() + ": " + f.detail()).toList();
    }
}
