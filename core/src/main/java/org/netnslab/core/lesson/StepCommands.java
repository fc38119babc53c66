package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.nc.Netcat;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;

/**
 * A step's commands, typed into the learner's terminal as a lesson writes them: {@code sh} lines at the
 * terminal's prompt, chat lines ({@link ChatLine}) in the tutorial's second window. Where a run of chat lines
 * ends, every nc stops, as Ctrl-C in each window would.
 */
final class StepCommands {

    /**
     * What the commands printed, one per line, and the lines the terminal's ncs received meanwhile.
     */
    record Run(List<CommandOutput> outputs, List<Netcat.Message> received) {}

    private StepCommands() {}

    static Run run(Terminal terminal, List<String> commands) {
        List<CommandOutput> outputs = new ArrayList<>();
        int heard = terminal.messages().size();
        boolean chatting = false;
        for (String line : commands) {
            Optional<ChatLine> chat = ChatLine.parse(line);
            if (chat.isPresent()) {
                chatting = true;
                outputs.add(typeChat(terminal, chat.get()));
                continue;
            }
            if (chatting) {
                // a chat's windows close where its block ends
                terminal.stopAll();
                chatting = false;
            }
            String prompt = terminal.prompt();
            outputs.add(new CommandOutput(prompt, line, terminal.run(line)));
        }
        if (chatting) {
            terminal.stopAll();
        }
        return new Run(outputs, List.copyOf(terminal.messages().subList(heard, terminal.messages().size())));
    }

    /** A line of a chat: a command at a shell in its namespace, or a line into the nc that runs there. */
    static CommandOutput typeChat(Terminal terminal, ChatLine c) {
        CommandResult result = c.command() ? terminal.runIn(c.namespace(), c.text()) : terminal.type(c.namespace(),
                c.text());
        return new CommandOutput(c.prompt(), c.text(), result);
    }

    /** Whether any of the lines is a chat's. */
    static boolean chats(List<String> commands) {
        return commands.stream().anyMatch(l -> ChatLine.parse(l).isPresent());
    }
}
