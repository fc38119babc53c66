package org.netnslab.core.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;

/**
 * {@code help}: what the lab knows, briefly, each tool with the command that prints its own help. bash's own
 * {@code help} lists bash's builtins, which a learner of namespaces does not need; the lab's says that it is
 * netns-lab's. {@code help TOOL} is that tool's line alone.
 */
record Help(List<String> topics) implements Command {

    /** Each tool the lab runs: what it does here, and the command that prints the tool's own help. */
    static final Map<String, String[]> TOOLS = tools();

    private static Map<String, String[]> tools() {
        Map<String, String[]> t = new LinkedHashMap<>();
        t.put("ip", new String[] {"namespaces, links, addresses, routes, neighbours", "ip help, ip link help"});
        t.put("ping", new String[] {"echo requests (4 unless -c says)", "ping -c 1 ADDRESS"});
        t.put("nc", new String[] {"a TCP chat: nc -l -p PORT in one terminal, nc ADDRESS PORT in another",
            "nc -h"});
        t.put("iptables", new String[] {"the nat and filter tables", "iptables -h"});
        t.put("sysctl", new String[] {"net.ipv4.ip_forward and net.ipv4.conf.*", "sysctl -a"});
        t.put("bridge", new String[] {"bridge ports, fdb, vlans", "bridge help"});
        t.put("nsenter", new String[] {"a command in a namespace: nsenter --net=/run/netns/NS CMD", "ip netns help"});
        t.put("arp", new String[] {"the neighbour cache, as arp -n shows it", "ip neigh help"});
        t.put("grep", new String[] {"with head and wc, after a |", "grep --help"});
        t.put("ss", new String[] {"TCP sockets: ss -tln, -tlnp, -tan", "ss -h"});
        t.put("netstat", new String[] {"TCP sockets: netstat -tln, -tan; the routes: netstat -rn", "netstat -h"});
        t.put("route", new String[] {"the routing table, as route -n shows it", "ip route help"});
        t.put("hostname", new String[] {"the addresses of the links that are up: hostname -I", "hostname -I"});
        return Map.copyOf(t);
    }

    private static final List<String> ORDER = List.of("ip", "ping", "nc", "iptables", "sysctl", "bridge", "nsenter",
            "arp", "grep", "ss", "netstat", "route", "hostname");

    @Override
    public CommandResult run(Context context, String ns) {
        StringBuilder out = new StringBuilder();
        if (!topics.isEmpty()) {
            for (String topic : topics) {
                String[] tool = TOOLS.get(topic);
                if (tool == null) {
                    return CommandResult.of("netns-lab: help knows " + String.join(", ", ORDER)
                            + "; the lab runs no " + topic, 1);
                }
                out.append(line(topic, tool));
            }
            return new CommandResult(out.toString(), 0);
        }
        out.append("netns-lab: the lab's tools, and where each tells more:\n");
        for (String name : ORDER) {
            out.append(line(name, TOOLS.get(name)));
        }
        out.append("  and the shell: ; && || | > &, echo, cat and tee on /proc/sys, ip netns exec NS bash, exit\n");
        out.append("Tab completes, ArrowUp recalls, Ctrl-C stops what runs, clear (or Ctrl-L) clears.\n");
        return new CommandResult(out.toString(), 0);
    }

    private static String line(String name, String[] tool) {
        return String.format("  %-9s %s (%s)\n", name, tool[0], tool[1]);
    }
}
