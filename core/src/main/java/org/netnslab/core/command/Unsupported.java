package org.netnslab.core.command;

import java.util.List;

/**
 * A command of a tool this lab knows, but a part of it that netns-lab does not simulate: said so in one line, which
 * points at {@code help} (the list of what the lab knows, kept in one place).
 */
public record Unsupported(String what, List<String> words) implements Command {

    @Override
    public CommandResult run(Context context, String ns) {
        return CommandResult.of("netns-lab: " + what + " is not part of the lab. `help` says what it knows.", 1);
    }
}
