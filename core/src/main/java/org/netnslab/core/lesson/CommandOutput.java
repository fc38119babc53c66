package org.netnslab.core.lesson;

import org.netnslab.core.command.CommandResult;

/**
 * One command of a step, as the learner's terminal showed it.
 *
 * @param prompt the prompt it was typed at ({@code root@host:~# }, or inside a namespace's shell); for a line
 *     of a chat, its side as written ({@code ns1$ }, {@code ns2> }, see {@link ChatLine})
 * @param command the line as typed
 * @param result what it printed, its exit status, and for a ping its probes and their journeys; for a line
 *     typed into nc, what the nc at the other end printed
 */
public record CommandOutput(String prompt, String command, CommandResult result) {

    /** As a terminal shows it: {@code $ } and the command (or a chat's side and its line), then what it printed. */
    public String transcript() {
        return (ChatLine.isPrompt(prompt) ? prompt : "$ ") + command + "\n" + result.output();
    }
}
