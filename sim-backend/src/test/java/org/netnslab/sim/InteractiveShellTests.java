package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.lab.LabWorld;
import org.netnslab.core.shell.Terminal;

/**
 * What the lab's shell prints where the goldens cannot say: bash's own errors, which the recorder's
 * {@code eval} in {@code bash -c} words as a script's ({@code _: line 25: ...}) where a learner's interactive
 * bash says {@code bash: ...}, and nsenter's process IDs, which the recorder's processes do not share with
 * the lab. The words are bash 5.2.15's and util-linux 2.38's, checked by hand.
 */
class InteractiveShellTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '^', quoteCharacter = '"', textBlock = """
            vim                                        ^ 127 ^ bash: vim: command not found
            ip a | vim                                 ^ 127 ^ bash: vim: command not found
            false || vim                               ^ 127 ^ bash: vim: command not found
            echo 1 > /proc/sys/net/ipv4/nosuch         ^ 1   ^ bash: /proc/sys/net/ipv4/nosuch: No such file or directory
            echo 1 > /proc/sys/net/ipv4                ^ 1   ^ bash: /proc/sys/net/ipv4: Is a directory
            echo abc > /proc/sys/net/ipv4/ip_forward   ^ 1   ^ bash: echo: write error: Invalid argument
            nsenter -t 4242 -n ip link                 ^ 1   ^ nsenter: cannot open /proc/4242/ns/net: No such file or directory
            nsenter -t 1 -n sysctl net.ipv4.ip_forward ^ 0   ^ net.ipv4.ip_forward = 0
            nsenter --net=/run/netns/x vim             ^ 1   ^ nsenter: cannot open /run/netns/x: No such file or directory
            echo a; vim; echo b                        ^ 0   ^ a\\nbash: vim: command not found\\nb
            grep x                                     ^ 1   ^ netns-lab: grep reading the terminal is not part of the lab: pipe into it (ip a | grep inet).
            """)
    void bashAndNsenterSayWhatTheySayInATerminal(String line, int status, String output) throws Exception {
        SimBackend backend = new SimBackend(42);
        LabWorld.build(backend);
        CommandResult r = new Terminal(backend).run(line);
        assertThat(r.output()).isEqualTo(output.replace("\\n", "\n") + "\n");
        assertThat(r.exitStatus()).isEqualTo(status);
    }
}
