package org.netnslab.core.lesson;

import org.netnslab.core.command.CommandResult;

/**
 * One command of a step, as the learner's terminal showed it.
 *
 * @param prompt the prompt it was typed at ({@code root@host:~# }, or inside a namespace's shell)
 * @param command the line as typed
 * @param result what it printed, its exit status, and for a ping its probes and their journeys
 */
public record CommandOutput(String prompt, String command, CommandResult result) {

    /** As a terminal shows it: {@code $ } and the command, then what it printed. */
    public String transcript() {
        return "$ " + command + "\n" + result.output();
    }
}
