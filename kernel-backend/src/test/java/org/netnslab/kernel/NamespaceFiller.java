package org.netnslab.kernel;

import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;

/**
 * A child process for {@link FileLimitIT}: on a kernel lab, adds namespaces until the terminal refuses one,
 * then shows that the lab still answers. Prints each refusal and the answers after it.
 */
public final class NamespaceFiller {

    private NamespaceFiller() {}

    public static void main(String[] args) throws Exception {
        int most = Integer.parseInt(args[0]);
        try (KernelBackend lab = new KernelBackend()) {
            Terminal t = new Terminal(lab);
            for (int i = 0; i < most; i++) {
                CommandResult r = t.run("ip netns add n" + i);
                if (!r.ok()) {
                    System.out.print("REFUSED " + i + " rc=" + r.exitStatus() + " " + r.output());
                    break;
                }
            }
            System.out.print("AFTER " + t.run("ip netns del n0").exitStatus() + "\n");
            System.out.print("AGAIN " + t.run("ip netns add again").exitStatus() + "\n");
            System.out.print("LIST " + t.run("ip -n again link").output());
            // a few descriptors free, too few for a capture in every namespace: the ping goes on without
            t.run("ip netns del again");
            t.run("ip link set lo up");
            CommandResult ping = t.run("ping -c 1 127.0.0.1");
            System.out.print("PING " + ping.exitStatus() + " " + ping.output());
        }
        System.out.println("DONE");
    }
}
