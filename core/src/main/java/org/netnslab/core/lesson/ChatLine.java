package org.netnslab.core.lesson;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netnslab.core.backend.Backend;

/**
 * A line of a lesson's chat: the tutorial's two terminal windows, each with a shell in a namespace, written
 * one line after the other.
 *
 * <pre>
 *   ns1$ nc -l -p 8080        a command typed at a shell in ns1 (host$ for the host)
 *   ns2$ nc 10.0.0.1 8080
 *   ns2&gt; hello from ns2       a line typed into the nc that runs in ns2
 *   ns1&gt; hi back
 * </pre>
 *
 * A step keeps such lines among its commands, as written; no command a lab runs can look like one, as the
 * shell's {@code $} and {@code >} are refused in a command.
 *
 * @param namespace the lab's name of the namespace ({@link Backend#HOST} for {@code host})
 * @param command a command for the shell ({@code $}), or a line for nc ({@code >})
 * @param text the command or the line, as typed
 */
public record ChatLine(String namespace, boolean command, String text) {

    private static final Pattern LINE = Pattern.compile("([^\\s$>]+)([$>])(?: (.*))?");
    private static final Pattern PROMPT = Pattern.compile("[^\\s$>]+[$>] ");

    /** The line as a teacher writes it in a {@code chat} block, if it is one. */
    public static Optional<ChatLine> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String ns = m.group(1).equals(Expectations.HOST_WORD) ? Backend.HOST : m.group(1);
        return Optional.of(new ChatLine(ns, m.group(2).equals("$"), m.group(3) == null ? "" : m.group(3)));
    }

    /** Whether a prompt is a chat line's ({@code ns2> }, {@code ns1$ }) rather than a terminal's. */
    public static boolean isPrompt(String prompt) {
        return PROMPT.matcher(prompt).matches();
    }

    /** What comes before the text: {@code ns1$ } or {@code ns2> }. */
    public String prompt() {
        return Expectations.nsName(namespace) + (command ? "$ " : "> ");
    }

    /** The line as written. */
    public String written() {
        return prompt() + text;
    }
}
