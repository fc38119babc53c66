package org.netnslab.core.command;

import java.util.List;

/**
 * The program that {@code ip netns exec NS PROGRAM ARGS...} runs, as the words that name it and its arguments:
 * ip hands them on as it hands them to {@code execvp}, and the shell finds the program and reads them, so
 * that ip knows no other tool. A line is read whole before it runs: the shell replaces every Exec with the
 * command its words make.
 */
public record Exec(List<String> words) implements Command {

    @Override
    public CommandResult run(Context context, String ns) {
        throw new IllegalStateException("the shell reads the words of an exec'd program before it runs: " + words);
    }
}
