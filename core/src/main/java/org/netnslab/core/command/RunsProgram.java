package org.netnslab.core.command;

/**
 * A command that runs another program by its words, as {@code nsenter ... PROGRAM} and {@code ip -all netns
 * exec PROGRAM} hand them to execvp: the shell reads the words ({@link Exec}) into the program's command
 * before the line runs, and gives it back with {@link #running(Command)}.
 */
public interface RunsProgram extends Command {

    /** The program, as words until the shell read them. */
    Command program();

    /** The same command, running {@code program}. */
    RunsProgram running(Command program);
}
