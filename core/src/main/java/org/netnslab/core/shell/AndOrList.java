package org.netnslab.core.shell;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.SegmentJourney;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.KernelErrors;

/**
 * {@code a; b}, {@code a && b}, {@code a || b}: each pipeline runs after the one before it, or is skipped as
 * bash skips it ({@code &&} after a failure, {@code ||} after a success, and the status stays the last
 * one that ran). What each printed is printed in turn; the list's status is the last that ran.
 */
record AndOrList(List<Item> items) implements Command {

    /** A pipeline, and the operator before it ({@code ;} for the first). */
    record Item(String before, Command pipeline) {}

    AndOrList {
        items = List.copyOf(items);
    }

    @Override
    public CommandResult run(Context context, String ns) {
        StringBuilder output = new StringBuilder();
        int status = 0;
        Optional<PingResult> ping = Optional.empty();
        List<SegmentJourney> segments = List.of();
        for (Item item : items) {
            if (item.before.equals("&&") && status != 0 || item.before.equals("||") && status == 0) {
                continue;
            }
            CommandResult r = runOne(item.pipeline, context, ns);
            output.append(r.output());
            status = r.exitStatus();
            ping = r.ping().isPresent() ? r.ping() : ping;
            segments = r.segments().isEmpty() ? segments : r.segments();
        }
        return new CommandResult(output.toString(), status, ping, segments);
    }

    /** One command of a list: a refusal of the kernel is printed where it happened, and the list goes on. */
    static CommandResult runOne(Command command, Context context, String ns) {
        try {
            return command.run(context, ns);
        } catch (KernelException e) {
            return KernelErrors.rtnetlink(e);
        }
    }
}
