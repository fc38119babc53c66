package org.netnslab.core.coreutils;

import java.util.List;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;

/** {@code head [-n N | -N | -nN | --lines=N]}: the first N lines (10 by default) of its stdin. */
public record Head(long lines) implements Command {

    public static Command parse(List<String> args) {
        long n = 10;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            String count;
            if (w.equals("-n") || w.equals("--lines")) {
                if (i + 1 == args.size()) {
                    return new Invalid("head: option requires an argument -- 'n'\n"
                            + "Try 'head --help' for more information.", 1);
                }
                count = args.get(++i);
            } else if (w.startsWith("--lines=")) {
                count = w.substring("--lines=".length());
            } else if (w.startsWith("-n")) {
                count = w.substring(2);
            } else if (w.matches("-[0-9]+")) {
                count = w.substring(1);
            } else if (w.startsWith("-")) {
                return new Invalid("head: invalid option -- '" + w.charAt(1) + "'\n"
                        + "Try 'head --help' for more information.", 1);
            } else {
                return new Invalid("netns-lab: head of a file is not part of the lab; pipe into it (ip a | head -n 3).",
                        1);
            }
            if (!count.matches("[0-9]{1,18}")) {
                return new Invalid("head: invalid number of lines: ‘" + count + "’", 1);
            }
            n = Long.parseLong(count);
        }
        return new Head(n);
    }

    @Override
    public CommandResult run(Context context, String ns) {
        if (context.stdin().isEmpty()) {
            return CommandResult.netnsLab("head reading the terminal is not part of the lab: pipe into it "
                    + "(ip a | head -n 3)", 1);
        }
        String in = context.stdin().get();
        int end = 0;
        for (long i = 0; i < lines && end < in.length(); i++) {
            int nl = in.indexOf('\n', end);
            end = nl < 0 ? in.length() : nl + 1;
        }
        return new CommandResult(in.substring(0, end), 0);
    }
}
