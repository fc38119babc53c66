package org.netnslab.core.shell;

import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;

/**
 * {@code COMMAND &}: the command runs, and the shell's status is 0 whatever it returns, as bash's is for a
 * job it started. Bash's job line ({@code [1] 4242}) is left out: a script's bash prints none, and the PID
 * would differ on every run. The lab's one program that lasts, nc's listener, already runs on its own.
 */
record Background(Command command) implements Command {

    @Override
    public CommandResult run(Context context, String ns) {
        CommandResult r = AndOrList.runOne(command, context, ns);
        return new CommandResult(r.output(), 0, r.ping(), r.segments());
    }
}
