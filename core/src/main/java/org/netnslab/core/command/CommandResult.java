package org.netnslab.core.command;

/**
 * What a command printed (stdout and stderr, in the order a terminal shows them) and its exit status.
 * The output is empty or ends with a newline.
 */
public record CommandResult(String output, int exitStatus) {

    public static final CommandResult OK = new CommandResult("", 0);

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
