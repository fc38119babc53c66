package org.netnslab.core.command;

import java.util.List;

/** A command of a tool this lab knows, but a part of it that netns-lab does not simulate: said so in one line. */
public record Unsupported(String what, List<String> words) implements Command {

    @Override
    public CommandResult run(Context context, String ns) {
        return CommandResult.of("netns-lab: " + what + " is not part of the lab. It knows: ip netns|link|"
                + "address|route, ping, sysctl net.ipv4.ip_forward and net.ipv4.conf.*.forwarding|rp_filter|..., "
                + "iptables -t nat ... -j MASQUERADE, nc, nsenter, and a shell's ; && || | > with echo, cat, tee, "
                + "grep, head, wc.", 1);
    }
}
