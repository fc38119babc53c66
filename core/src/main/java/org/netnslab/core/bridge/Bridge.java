package org.netnslab.core.bridge;

import static org.netnslab.core.command.Iproute2.matches;

import java.util.List;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Iproute2;
import org.netnslab.core.command.Unsupported;

/**
 * {@code bridge}, as iproute2 6.1's {@code bridge/bridge.c} reads its options and hands the rest to the
 * object's {@code do_*}: {@link BridgeLink}, {@link BridgeFdb}, {@link BridgeVlan}. bridge.c returns what the
 * object returns, so its {@code -1} is an exit status of 255 (ip negates it; bridge does not).
 */
public final class Bridge {

    /** bridge.c's objects, in its order: the first that the typed word is a prefix of wins. */
    private static final List<String> OBJECTS = List.of("link", "fdb", "mdb", "vlan", "vni", "monitor", "help");

    private Bridge() {}

    /** bridge.c's main. */
    public static Command parse(List<String> args) {
        try {
            return parse(new Args(args));
        } catch (Args.Incomplete e) {
            return Iproute2.incomplete();
        }
    }

    private static Command parse(Args a) {
        if (a.more() && a.peek().startsWith("-") && a.peek().length() > 1) {
            return new Unsupported("bridge " + a.peek(), a.all());
        }
        if (!a.more()) {
            return new Invalid(USAGE, 255);
        }
        String typed = a.next();
        String object = OBJECTS.stream().filter(o -> matches(typed, o)).findFirst().orElse(null);
        if (object == null) {
            return new Invalid("Object \"" + typed + "\" is unknown, try \"bridge help\".", 255);
        }
        return switch (object) {
            case "link" -> BridgeLink.parse(a);
            case "fdb" -> BridgeFdb.parse(a);
            case "vlan" -> BridgeVlan.parse(a);
            case "help" -> new Invalid(USAGE, 255);
            default -> new Unsupported("bridge " + object, a.all());
        };
    }

    /** A subcommand the object does not have. */
    static Invalid unknownCommand(String object, String typed) {
        return new Invalid("Command \"" + typed + "\" is unknown, try \"bridge " + object + " help\".", 255);
    }

    /** {@code nodev()}, returned as bridge returns it. */
    static CommandResult cannotFind(String device) {
        return CommandResult.of("Cannot find device \"" + device + "\"", 255);
    }

    /** A refusal of the kernel as libnetlink prints it, with bridge's exit status. */
    static CommandResult rtnetlink(KernelException e) {
        String line = e.extack().map(t -> "Error: " + t + ".").orElse("RTNETLINK answers: " + e.errno().message());
        return CommandResult.of(line, 255);
    }

    static final String USAGE =
            "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
            + "       bridge [ -force ] -batch filename\n"
            + "where  OBJECT := { link | fdb | mdb | vlan | vni | monitor }\n"
            + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
            + "                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
            + "                    -com[pressvlans] -c[olor] -p[retty] -j[son] }\n";
}
