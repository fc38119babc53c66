package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.nc.Netcat;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;

/** The netcat chat of seed 003 typed into a learner's terminal on the simulator. */
class NetcatTerminalTests {

    private static final List<String> TWO_NAMESPACES = List.of(
            "ip netns add ns1",
            "ip netns add ns2",
            "ip link add v1 type veth peer name v2",
            "ip link set v1 netns ns1",
            "ip link set v2 netns ns2",
            "ip netns exec ns1 ip link set v1 up",
            "ip netns exec ns1 ip addr add 10.0.0.1/24 dev v1",
            "ip netns exec ns2 ip link set v2 up",
            "ip netns exec ns2 ip addr add 10.0.0.2/24 dev v2");

    /** What a learner sees of a result: its output and status, not the journeys behind it. */
    private static CommandResult plain(CommandResult r) {
        return new CommandResult(r.output(), r.exitStatus());
    }

    private static Terminal lab() throws Exception {
        SimBackend backend = new SimBackend(42);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String line : TWO_NAMESPACES) {
            assertThat(t.run(line).ok()).as(line).isTrue();
        }
        return t;
    }

    @Test
    void theTutorialsChatInOneTerminal() throws Exception {
        Terminal t = lab();
        assertThat(plain(t.run("sudo ip netns exec ns1 bash"))).isEqualTo(CommandResult.OK);
        assertThat(plain(t.run("nc -l -p 8080"))).isEqualTo(new CommandResult("netns-lab: this nc listens on port"
                + " 8080 in ns1 in the background, where a real one would hold the terminal; nc ADDRESS 8080 from"
                + " another namespace starts a chat, exit ends it.\n", 0));
        assertThat(plain(t.run("exit"))).isEqualTo(CommandResult.OK);
        assertThat(plain(t.run("sudo ip netns exec ns2 bash"))).isEqualTo(CommandResult.OK);

        assertThat(plain(t.run("nc 10.0.0.1 8080"))).as("nc says nothing when it connects").isEqualTo(CommandResult.OK);
        assertThat(t.chat()).contains(new Netcat.Chat("ns2", Ipv4Address.parse("10.0.0.1"), 8080,
                java.util.Optional.of("ns1")));
        assertThat(t.prompt()).isEqualTo("nc 10.0.0.1 8080> ");

        assertThat(plain(t.run("hello from ns2"))).as("what the nc in ns1 prints")
                .isEqualTo(new CommandResult("hello from ns2\n", 0));
        assertThat(plain(t.run("ip addr"))).as("a command in a chat is a line like any other")
                .isEqualTo(new CommandResult("ip addr\n", 0));
        assertThat(t.messages()).extracting(Netcat.Message::text).containsExactly("hello from ns2\n", "ip addr\n");
        assertThat(t.run("bye").segments()).singleElement().satisfies(j -> assertThat(j.segment())
                .endsWith("Flags [P.], seq 24:28, ack 1, length 4"));

        assertThat(plain(t.run("exit"))).isEqualTo(new CommandResult("netns-lab: the chat is over, as at Ctrl-C: nc"
                + " in ns2 closed the connection, and the nc that listened in ns1 exited.\n", 0));
        assertThat(t.chat()).isEmpty();
        assertThat(t.prompt()).isEqualTo("root@host:~# (netns ns2) ");
        assertThat(plain(t.run("nc 10.0.0.1 8080"))).as("the listener exited with the chat")
                .isEqualTo(new CommandResult("", 1));
    }

    @Test
    void bothEndsTalkThroughASecondWindow() throws Exception {
        Terminal t = lab();
        assertThat(t.runIn("ns1", "nc -l -p 8080").ok()).isTrue();
        assertThat(plain(t.runIn("ns2", "nc 10.0.0.1 8080"))).isEqualTo(CommandResult.OK);
        assertThat(plain(t.type("ns2", "hello"))).isEqualTo(new CommandResult("hello\n", 0));
        assertThat(plain(t.type("ns1", "hi back"))).isEqualTo(new CommandResult("hi back\n", 0));
        assertThat(t.messages()).containsExactly(new Netcat.Message("ns2", "ns1", "hello\n"),
                new Netcat.Message("ns1", "ns2", "hi back\n"));
        assertThat(t.type("host", "hm").output()).startsWith("netns-lab: no nc chats in host");
        assertThat(t.runIn("ns2", "ip addr").output()).startsWith("netns-lab: the terminal in ns2 runs nc");
        assertThat(t.endOfInput().output()).startsWith("netns-lab: the chat is over");
        assertThat(t.type("ns2", "anyone?").exitStatus()).isEqualTo(1);
    }

    @Test
    void aScriptFeedsTheLinesAfterNcToItAsTheRecorderWould() throws Exception {
        Terminal t = lab();
        String transcript = Transcript.run(t, List.of(
                "ip netns exec ns1 nc -l 8080",
                "ip netns exec ns2 nc 10.0.0.1 8080",
                "hello",
                "exit",
                "ip netns exec ns2 nc 10.0.0.1 8080"));
        assertThat(transcript).contains("$ hello\nhello\n[rc=0]\n")
                .endsWith("$ ip netns exec ns2 nc 10.0.0.1 8080\n[rc=1]\n");
    }

    @Test
    void aConnectThatFailsIsSilentWithStatusOne() throws Exception {
        Terminal t = lab();
        CommandResult refused = t.run("ip netns exec ns2 nc 10.0.0.1 8080");
        assertThat(plain(refused)).as("refused").isEqualTo(new CommandResult("", 1));
        assertThat(JourneyFormat.trace(refused.segments())).contains("Flags [S], seq 0, length 0")
                .contains("nothing listens on port 8080, answered with a reset [NO_SOCKET]")
                .contains("TCP [R.] delivered: connect fails, Connection refused");
        assertThat(plain(t.run("ip netns exec ns2 nc 192.0.2.1 80"))).as("no route")
                .isEqualTo(new CommandResult("", 1));
        assertThat(plain(t.run("ip netns exec ns3 nc 10.0.0.1 80"))).isEqualTo(new CommandResult(
                "Cannot open network namespace \"ns3\": No such file or directory\n", 255));
        assertThat(t.chat()).isEmpty();
    }

    @Test
    void aSecondListenerOnThePortIsTheLabsLimitAndSaysSo() throws Exception {
        Terminal t = lab();
        t.run("ip netns exec ns1 nc -l -p 8080");
        CommandResult again = t.run("ip netns exec ns1 nc -l -p 8080");
        assertThat(again.exitStatus()).isEqualTo(1);
        assertThat(again.output()).startsWith("netns-lab: an nc listens on port 8080 in ns1 already.")
                .contains("SO_REUSEPORT");
        assertThat(t.run("nc -l -p 8080").output()).contains("listens on port 8080 on the host");
    }

    @Test
    void deletingTheNamespaceStopsItsListener() throws Exception {
        Terminal t = lab();
        t.run("ip netns exec ns1 nc -l -p 8080");
        t.run("ip netns del ns1");
        t.run("ip netns add ns1");
        assertThat(t.run("ip netns exec ns1 nc -l -p 8080").ok()).isTrue();
    }

    @Test
    void aChatAcrossTheHostBehindMasquerade() throws Exception {
        SimBackend backend = new SimBackend(42);
        LabWorld.build(backend);
        Terminal t = new Terminal(backend);
        for (String line : List.of("ip netns add red", "ip netns add blue",
                "ip link add veth-red type veth peer name veth-red-br",
                "ip link add veth-blue type veth peer name veth-blue-br",
                "ip link set veth-red netns red", "ip link set veth-blue netns blue",
                "ip addr add 192.168.1.1/24 dev veth-red-br", "ip addr add 192.168.2.1/24 dev veth-blue-br",
                "ip link set veth-red-br up", "ip link set veth-blue-br up",
                "ip -n red addr add 192.168.1.2/24 dev veth-red", "ip -n red link set veth-red up",
                "ip -n blue addr add 192.168.2.2/24 dev veth-blue", "ip -n blue link set veth-blue up",
                "ip -n red route add default via 192.168.1.1", "ip -n blue route add default via 192.168.2.1",
                "sysctl -w net.ipv4.ip_forward=1",
                "iptables -t nat -A POSTROUTING -s 192.168.1.0/24 -o veth-blue-br -j MASQUERADE")) {
            assertThat(t.run(line).exitStatus()).as(line).isZero();
        }
        t.runIn("blue", "nc -l -p 9000");
        assertThat(plain(t.runIn("red", "nc 192.168.2.2 9000"))).isEqualTo(CommandResult.OK);
        assertThat(plain(t.type("red", "through the host"))).isEqualTo(new CommandResult("through the host\n", 0));
        assertThat(plain(t.type("blue", "and back"))).isEqualTo(new CommandResult("and back\n", 0));
        assertThat(t.run("exit").output()).startsWith("netns-lab: the chat is over");
        assertThat(t.run("iptables -t nat -L POSTROUTING -v -n").output()).contains("    1    60 MASQUERADE");
    }
}
