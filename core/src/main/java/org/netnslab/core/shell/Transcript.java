package org.netnslab.core.shell;

import java.util.List;
import org.netnslab.core.command.CommandResult;

/**
 * The transcript format of design.md: for each non-empty line that is not a {@code #} comment, a line
 * {@code $ } and the command, what it printed, and {@code [rc=N]}. The same format as the recorder of the
 * real kernel, so that the two compare.
 */
public final class Transcript {

    private Transcript() {}

    /** Whether a line of a script is a command (not blank, not a comment). */
    public static boolean isCommand(String line) {
        return !line.isEmpty() && !line.startsWith("#");
    }

    /** Runs every command line of the script on the terminal and returns the transcript. */
    public static String run(Terminal terminal, List<String> script) {
        StringBuilder sb = new StringBuilder();
        for (String line : script) {
            if (isCommand(line)) {
                sb.append(entry(line, terminal.run(line)));
            }
        }
        return sb.toString();
    }

    /** One command's part of a transcript. */
    public static String entry(String line, CommandResult result) {
        return "$ " + line + "\n" + result.output() + "[rc=" + result.exitStatus() + "]\n";
    }
}
