package org.netnslab.core.command;

import java.util.Optional;
import org.netnslab.core.backend.PingResult;

/**
 * What a command printed (stdout and stderr, in the order a terminal shows them) and its exit status.
 * The output is empty or ends with a newline.
 *
 * @param ping for a ping that sent anything, its probes with their journeys, to draw or to trace
 */
public record CommandResult(String output, int exitStatus, Optional<PingResult> ping) {

    public static final CommandResult OK = new CommandResult("", 0);

    public CommandResult(String output, int exitStatus) {
        this(output, exitStatus, Optional.empty());
    }

    public static CommandResult of(String output, int exitStatus) {
        return new CommandResult(output.isEmpty() || output.endsWith("\n") ? output : output + "\n", exitStatus);
    }

    public static CommandResult error(String line, int exitStatus) {
        return of(line, exitStatus);
    }

    public boolean ok() {
        return exitStatus == 0;
    }
}
