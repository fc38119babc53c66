package org.netnslab.core.route;

import java.util.List;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Getopt;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.ProcNetRoute;
import org.netnslab.core.command.Unsupported;

/**
 * net-tools 2.10's {@code route} ({@code route.c}) as learners call it, to look: {@code route -n} (and {@code -e},
 * {@code -4}) prints the kernel's main table as {@code /proc/net/route} has it, exit status 1 when it is empty. Adding
 * and deleting routes with it is not the lab's yet.
 */
public final class RouteTool {

    private static final String OPTIONS = "A:eCFhnN64Vv?";

    private RouteTool() {}

    /** {@code route [-n] [-e]}: {@code rprint_fib}. */
    public record RouteShow(boolean numeric, boolean extended) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return ProcNetRoute.print(context.state(ns), extended, numeric);
        }
    }

    /** @param program the name route was called by, as typed: getopt's complaints use it */
    public static Command parse(String program, List<String> words) {
        boolean numeric = false;
        int extended = 0;
        Getopt options = new Getopt(words, OPTIONS);
        String unsupported = null;
        while (options.more()) {
            Getopt.Item item = options.next();
            switch (item.kind()) {
                case OPERAND -> {
                    if (unsupported == null) {
                        unsupported = "route " + item.word();
                    }
                }
                case END_OF_OPTIONS, UNKNOWN_LONG -> {
                    if (unsupported == null) {
                        unsupported = "route " + item.word();
                    }
                }
                case UNKNOWN, MISSING_VALUE -> {
                    // usage(): the error and the families go to stderr at once, the rest to stdout at exit
                    return new Invalid((item.kind() == Getopt.Kind.UNKNOWN ? Getopt.invalidOption(program, item.name())
                            : Getopt.requiresArgument(program, item.name())) + "\n" + FAMILIES + USAGE, 0);
                }
                case OPTION -> {
                    switch (item.name()) {
                        case 'n' -> numeric = true;
                        case 'e' -> extended++;
                        case '4' -> { }
                        default -> {
                            if (unsupported == null) {
                                unsupported = "route -" + item.name();
                            }
                        }
                    }
                }
            }
        }
        if (unsupported != null) {
            return new Unsupported(unsupported, words);
        }
        if (extended > 1) {
            return new Unsupported("route -ee", words);
        }
        return new RouteShow(numeric, extended == 1);
    }

    static final String FAMILIES =
            "    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n"
            + "    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n"
            + "    ddp (Appletalk DDP) x25 (CCITT X.25) \n";

    static final String USAGE =
            "Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n"
            + "       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n"
            + "\n"
            + "       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.\n"
            + "       route {-V|--version}                  Display version/author and exit.\n"
            + "\n"
            + "        -v, --verbose            be verbose\n"
            + "        -n, --numeric            don't resolve names\n"
            + "        -e, --extend             display other/more information\n"
            + "        -F, --fib                display Forwarding Information Base (default)\n"
            + "        -C, --cache              display routing cache instead of FIB\n"
            + "\n"
            + "  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet\n"
            + "  List of possible address families (which support routing):\n";
}
