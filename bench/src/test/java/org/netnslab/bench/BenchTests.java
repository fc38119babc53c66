package org.netnslab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark runs, at a small size, so that it cannot rot: every figure of its table is there, or the one
 * line that says why it was skipped here. Its times are printed, never asserted.
 */
class BenchTests {

    @Test
    void theSmallBenchmarkPrintsEveryFigureOrWhyItWasSkipped() throws Exception {
        Path jar = Path.of(System.getProperty("netnslab.jar", "../web/target/netns-lab.jar"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        String table = new Bench(Bench.Sizes.small(), Set.of("sim", "kernel", "web", "startup"), jar, false,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        System.out.println(table);

        assertThat(table).startsWith("Measured on ").contains("| measure | netns-lab | real tools |");
        assertThat(table).contains("namespaces on one bridge", "the same lab at 100 namespaces", "pings across");
        assertThat(table).satisfiesAnyOf(
                t -> assertThat(t).contains("kernel backend: 20 veth pairs", "typed into the lab's terminal",
                        "bridge lab typed"),
                t -> assertThat(t).contains("The kernel backend is skipped here: "));
        for (String web : List.of("learners stepping through lesson 5", "heap per learner session",
                "to the first page")) {
            assertThat(table).satisfiesAnyOf(
                    t -> assertThat(t).contains(web),
                    t -> assertThat(t).contains("is skipped: there is no " + jar));
        }
        assertThat(table).doesNotContain("learners failed", "NaN");
    }
}
