package org.netnslab.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;
import org.netnslab.core.testkit.GoldenScenarios;
import org.netnslab.core.testkit.Normalizer;

/**
 * A developer's tool, off by default ({@code -Dgolden.report=FILE}): every command of every golden scenario
 * whose output differs on the simulator, not only the first that {@link GoldenTranscriptTests} stops at.
 */
class GoldenDiffReport {

    @Test
    @EnabledIfSystemProperty(named = "golden.report", matches = ".+")
    void report() throws Exception {
        StringBuilder out = new StringBuilder();
        for (GoldenScenarios.Scenario s : GoldenScenarios.all()) {
            SimBackend backend = new SimBackend(42);
            LabWorld.build(backend);
            Terminal t = new Terminal(backend);
            for (GoldenScenarios.Entry e : s.entries()) {
                String actual = Normalizer.normalize(Transcript.entry(e.command(), t.run(e.command())));
                if (!actual.equals(e.expected())) {
                    out.append("=== ").append(s.name()).append(" :: ").append(cut(e.command())).append('\n');
                    out.append("--- expected\n").append(cut(e.expected())).append("--- actual\n").append(cut(actual));
                }
            }
        }
        Files.writeString(Path.of(System.getProperty("golden.report")), out);
    }

    private static String cut(String s) {
        return s.length() > 4000 ? s.substring(0, 300) + "...\n" : s;
    }

}
