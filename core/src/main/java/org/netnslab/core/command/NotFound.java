package org.netnslab.core.command;

/** Words that name no program of the lab: the shell's {@code command not found}. */
public record NotFound(String word) implements Command {

    @Override
    public CommandResult run(Context context, String ns) {
        return CommandResult.of("bash: " + word + ": command not found", 127);
    }
}
