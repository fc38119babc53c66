package org.netnslab.kernel;

import org.netnslab.core.shell.Terminal;

/**
 * A lab process for {@link KillNineIT}: builds a lab, says READY with its pid, then keeps changing it and
 * pinging in it until it is killed.
 */
public final class LabHolder {

    private LabHolder() {}

    public static void main(String[] args) throws Exception {
        KernelBackend lab = new KernelBackend();
        Terminal t = new Terminal(lab);
        for (String line : new String[] {
            "ip netns add blue", "ip link add veth0 type veth peer name veth1", "ip link set veth1 netns blue",
            "ip addr add 10.0.0.1/24 dev veth0", "ip link set veth0 up",
            "ip -n blue addr add 10.0.0.2/24 dev veth1", "ip -n blue link set veth1 up",
            "ip link add name br0 type bridge", "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE"}) {
            t.run(line);
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        for (int i = 0; ; i++) {
            t.run("ip netns add n" + i);
            t.run("ip link add a" + i + " type veth peer name b" + i);
            t.run("ip link set b" + i + " netns n" + i);
            t.run("ping -c 1 -W 1 10.0.0.2");
        }
    }
}
