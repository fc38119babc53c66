package org.netnslab.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;

/**
 * A developer's tool, off by default ({@code -Dreplay.script=FILE}): runs a script on the simulator as the
 * recorder runs it on the kernel, and prints the transcript with the journey of every ping's probes and of
 * every TCP segment nc sent ({@code -Dreplay.quiet=true}: the transcript alone).
 */
class ScriptReplay {

    @Test
    @EnabledIfSystemProperty(named = "replay.script", matches = ".+")
    void replay() throws Exception {
        SimBackend backend = new SimBackend(Long.getLong("replay.seed", 42));
        LabWorld.build(backend);
        Terminal terminal = new Terminal(backend);
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(System.getProperty("replay.script")))) {
            if (!Transcript.isCommand(line)) {
                continue;
            }
            CommandResult r = terminal.run(line);
            out.append(Transcript.entry(line, r));
            if (!Boolean.getBoolean("replay.quiet")) {
                r.ping().ifPresent(p -> out.append(JourneyFormat.trace(p)));
                out.append(JourneyFormat.trace(r.segments()));
            }
        }
        System.out.print(out);
    }
}
