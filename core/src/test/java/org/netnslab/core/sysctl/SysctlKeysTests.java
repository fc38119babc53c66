package org.netnslab.core.sysctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.lesson.FakeBackend;
import org.netnslab.core.shell.Terminal;

/**
 * Which keys a lab's namespace has, as Linux 6.18 has them in a namespace that is not the machine's first
 * (the golden sysctl-no-such-key holds the lab to the kernel's "cannot stat" for the keys that are not).
 */
class SysctlKeysTests {

    /** A key, the links of the namespace, and whether the key is there. */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            net.ipv4.ip_forward                         | lo         | true
            net.ipv4.ip_forwrd                          | lo         | false
            net.ipv4.ip_                                | lo         | false
            net.ipv4.tcp_syncookies                     | lo         | true
            net.ipv4.route.min_pmtu                     | lo         | true
            net.ipv4.route                              | lo         | true
            net.ipv4                                    | lo         | true
            net                                         | lo         | true
            net.nosuch                                  | lo         | false
            net.ipv4.conf                               | lo         | true
            net.ipv4.conf.all.rp_filter                 | lo         | true
            net.ipv4.conf.default.forwarding            | lo         | true
            net.ipv4.conf.all                           | lo         | true
            net.ipv4.conf.all.nosuch                    | lo         | false
            net.ipv4.conf.lo.forwarding                 | lo         | true
            net.ipv4.conf.eth9.forwarding               | lo         | false
            net.ipv4.conf.eth9                          | lo         | false
            net.ipv4.conf.eth9.forwarding               | lo eth9    | true
            net.ipv4.conf.veth0                         | lo veth0   | true
            net.ipv6.conf.all.disable_ipv6              | lo         | true
            net.ipv6.conf.veth0.accept_dad              | lo veth0   | true
            net.ipv6.conf.all.forwardin                 | lo         | false
            net.ipv4.neigh.lo.base_reachable_time_ms    | lo         | true
            net.ipv4.neigh.default.gc_thresh1           | lo         | false
            net.ipv4.neigh.all.gc_stale_time            | lo         | false
            net.core.somaxconn                          | lo         | true
            net.core.netdev_max_backlog                 | lo         | false
            net.netfilter.nf_conntrack_max              | lo         | true
            net.bridge.bridge-nf-call-iptables          | lo         | true
            kernel.hostname                             | lo         | true
            vm.swappiness                               | lo         | true
            nosuch.key                                  | lo         | false
            """)
    void keysOfTheNamespace(String key, String links, boolean real) {
        List<String> devices = Arrays.asList(links.split(" "));
        assertThat(SysctlKeys.exists(key, devices)).isEqualTo(real);
    }

    @Test
    void aRealKeyTheLabDoesNotModelIsSaidSoInOneLine() throws KernelException {
        FakeBackend lab = new FakeBackend();
        lab.addNamespace("blue");
        Terminal t = new Terminal(lab);
        for (String key : List.of("net.ipv4.conf.all.arp_filter", "net.ipv4.tcp_syncookies", "net.ipv4.conf")) {
            assertThat(t.run("sysctl " + key)).isEqualTo(new CommandResult("netns-lab: sysctl " + key + " is not part"
                    + " of the lab. `help` says what it knows.\n", 1));
        }
        assertThat(t.run("ip netns exec blue sysctl -w net.ipv4.conf.lo.arp_ignore=1").output()).startsWith(
                "netns-lab: sysctl net.ipv4.conf.lo.arp_ignore is not part of the lab.");
        assertThat(t.run("sysctl -w net.ipv4.conf.eth9.forwarding=1")).isEqualTo(new CommandResult(
                "sysctl: cannot stat /proc/sys/net/ipv4/conf/eth9/forwarding: No such file or directory\n", 1));
    }
}
