package org.netnslab.core.command;

/** A line the tool refused as typed, before it asked the kernel anything: its words and exit status. */
public record Invalid(String message, int exitStatus) implements Command {

    @Override
    public CommandResult run(Context context, String ns) {
        return result();
    }

    /** What the tool printed, and its exit status. */
    public CommandResult result() {
        return CommandResult.of(message, exitStatus);
    }
}
