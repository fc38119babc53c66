package org.netnslab.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.shell.Terminal;

/**
 * The netcat chat of seed 003 in two terminals on one lab, as the tutorials' two windows: nc -l in terminal 1
 * holds it, terminal 2 connects, and each side's lines appear on the other. Played on every backend; a lab
 * with several terminals looks at each after every line typed ({@link Terminal#poll}).
 */
public final class TwoTerminals {

    private static final List<String> SEED_003 = List.of(
            "ip netns add ns1",
            "ip netns add ns2",
            "ip link add v1 type veth peer name v2",
            "ip link set v1 netns ns1",
            "ip link set v2 netns ns2",
            "ip netns exec ns1 ip link set v1 up",
            "ip netns exec ns1 ip addr add 10.0.0.1/24 dev v1",
            "ip netns exec ns2 ip link set v2 up",
            "ip netns exec ns2 ip addr add 10.0.0.2/24 dev v2");

    private TwoTerminals() {}

    private static String shown(CommandResult r) {
        return r.output();
    }

    /** The chat both ways, then its end: the client leaves, and the nc that listened exits. */
    public static void chatBothWays(Backend lab) {
        Terminal one = new Terminal(lab);
        Terminal two = new Terminal(lab);
        for (String line : SEED_003) {
            assertThat(one.run(line).ok()).as(line).isTrue();
        }
        assertThat(one.run("ip netns exec ns1 bash").ok()).isTrue();
        assertThat(one.run("nc -l -p 8080").ok()).isTrue();
        assertThat(one.holding()).isTrue();
        assertThat(shown(one.poll())).as("no client yet").isEmpty();
        assertThat(one.prompt()).isEqualTo("root@host:~# (netns ns1) ");

        assertThat(two.run("ip netns exec ns2 bash").ok()).isTrue();
        assertThat(shown(two.run("nc 10.0.0.1 8080"))).as("nc says nothing when it connects").isEmpty();
        assertThat(shown(one.poll())).as("nothing sent yet").isEmpty();
        assertThat(one.prompt()).as("terminal 1 is nc's now").isEqualTo("nc -l -p 8080> ");

        assertThat(shown(two.run("hello from ns2"))).as("terminal 2 shows what it typed, no more").isEmpty();
        assertThat(shown(one.poll())).isEqualTo("hello from ns2\n");
        assertThat(shown(one.run("hi from ns1"))).isEmpty();
        assertThat(shown(two.poll())).isEqualTo("hi from ns1\n");
        assertThat(shown(one.poll())).as("each line arrives once").isEmpty();

        assertThat(two.run("exit").ok()).isTrue();
        assertThat(shown(one.poll())).isEmpty();
        assertThat(one.holding()).as("nc -l exits when its client closed").isFalse();
        assertThat(one.prompt()).isEqualTo("root@host:~# (netns ns1) ");
        assertThat(two.prompt()).isEqualTo("root@host:~# (netns ns2) ");
        assertThat(one.run("ip -br addr show dev v1").output()).startsWith("v1@if");
    }

    /** Ctrl-C in terminal 1 stops the nc that holds it; terminal 2's chat sees the end. */
    public static void ctrlCEndsTheHeldNc(Backend lab) {
        Terminal one = new Terminal(lab);
        Terminal two = new Terminal(lab);
        for (String line : SEED_003) {
            assertThat(one.run(line).ok()).as(line).isTrue();
        }
        one.run("ip netns exec ns1 bash");
        one.run("nc -l -p 8080");
        two.run("ip netns exec ns2 bash");
        two.run("nc 10.0.0.1 8080");
        one.poll();
        assertThat(one.interrupt().output()).contains("the nc that listened stopped, as at Ctrl-C: port 8080 in");
        assertThat(one.holding()).isFalse();
        two.poll();
        assertThat(two.chat()).as("the client saw the listener's end, and exited").isEmpty();
        assertThat(Backend.HOST).isNotEqualTo(two.namespace());
    }
}
