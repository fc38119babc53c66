package org.netnslab.core.shell;

import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.ForwardingContext;

/**
 * {@code COMMAND &}: the command runs, and the shell's status is 0 whatever it returns, as bash's is for a
 * job it started. Bash's job line ({@code [1] 4242}) is left out: a script's bash prints none, and the PID
 * would differ on every run. A program that lasts (nc's listener, tcpdump) goes on in the terminal's sessions,
 * told by its context that it runs in the background.
 */
record Background(Command command) implements Command {

    @Override
    public CommandResult run(Context context, String ns) {
        CommandResult r = AndOrList.runOne(command, inBackground(context), ns);
        return new CommandResult(r.output(), 0, r.ping(), r.segments(), r.stdout());
    }

    private static Context inBackground(Context context) {
        return new ForwardingContext(context) {
            @Override
            public boolean background() {
                return true;
            }
        };
    }
}
