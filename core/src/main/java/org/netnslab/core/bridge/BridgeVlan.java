package org.netnslab.core.bridge;

import static org.netnslab.core.command.Iproute2.matches;

import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Unsupported;

/**
 * {@code bridge vlan}, as iproute2 6.1's {@code bridge/vlan.c} has it. The lab's bridges filter no VLANs
 * ({@code vlan_filtering 0}), so a port reports none and the show is its header alone.
 */
public final class BridgeVlan {

    private BridgeVlan() {}

    /** {@code bridge vlan [show]}. */
    public record VlanShow() implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return CommandResult.of("port              vlan-id  \n", 0);
        }
    }

    /** do_vlan. */
    static Command parse(Args a) {
        if (!a.more()) {
            return new VlanShow();
        }
        String sub = a.next();
        if ((matches(sub, "show") || matches(sub, "lst") || matches(sub, "list")) && !a.more()) {
            return new VlanShow();
        }
        if (matches(sub, "show") || matches(sub, "lst") || matches(sub, "list") || matches(sub, "add")
                || matches(sub, "delete") || matches(sub, "set") || matches(sub, "tunnelshow")
                || matches(sub, "global") || matches(sub, "help")) {
            return new Unsupported("bridge vlan " + sub, a.all());
        }
        return Bridge.unknownCommand("vlan", sub);
    }
}
