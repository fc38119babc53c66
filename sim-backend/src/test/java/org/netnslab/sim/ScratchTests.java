package org.netnslab.sim;

import org.junit.jupiter.api.Test;
import org.netnslab.core.command.Terminal;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.lab.LabWorld;

class ScratchTests {
    @Test
    void scratch() throws Exception {
        SimBackend b = new SimBackend(42);
        LabWorld.build(b);
        Terminal t = new Terminal(b);
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("scratch.script", "/tmp/scratch/s.script")))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            CommandResult r = t.run(line);
            System.out.print("$ " + line + "\n" + r.output() + "[rc=" + r.exitStatus() + "]\n");
            r.ping().ifPresent(p -> System.out.print(JourneyFormat.trace(p)));
        }
    }
}
