package org.netnslab.core.hostname;

import java.util.Comparator;
import java.util.List;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;

/**
 * Debian's {@code hostname -I} ({@code hostname.c} over {@code getifaddrs}): every address of every link that is up
 * and no loopback, in the order the kernel dumps them (link by link), each followed by a space, then a newline; a
 * lab's links have no IPv6 address but their link-locals, which it leaves out. The host's name is not the lab's.
 */
public final class Hostname {

    private Hostname() {}

    /** {@code hostname -I}. */
    public record AllAddresses() implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            NamespaceState here = context.state(ns);
            StringBuilder out = new StringBuilder();
            // getifaddrs: the IPv4 addresses of every link, then the IPv6 ones, link-locals left out
            for (String family : List.of("inet", "inet6")) {
                for (Link l : here.links().stream().sorted(Comparator.comparingInt(Link::index)).toList()) {
                    if (!l.adminUp() || l.kind() == LinkKind.LOOPBACK) {
                        continue;
                    }
                    for (Address a : here.addressesOf(l.index())) {
                        if (a.family().equals(family) && !a.prefix().startsWith("fe80:")) {
                            out.append(a.prefix(), 0, a.prefix().indexOf('/')).append(' ');
                        }
                    }
                }
            }
            return new CommandResult(out.append('\n').toString(), 0);
        }
    }

    public static Command parse(List<String> args) {
        if (args.equals(List.of("-I")) || args.equals(List.of("--all-ip-addresses"))) {
            return new AllAddresses();
        }
        return new Unsupported("hostname" + (args.isEmpty() ? " without -I" : " " + String.join(" ", args)), args);
    }
}
