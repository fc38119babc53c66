package org.netnslab.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.shell.Bash;

/**
 * iplink_parse's rule: a word that is one of its keywords (or, for some, a prefix of one) is the keyword,
 * which takes the next word as its value; only another word names the device. The golden
 * link-keyword-names holds the lab to the real tool for a line of each keyword.
 */
class LinkKeywordsTests {

    /** Lines whose keyword names no device: the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip link add name vf type veth peer name vg | LinkAdd[name=Optional[vf], kind=VETH, peer=Optional[vg], peerNamespace=Optional.empty]
            ip link add dev vf type veth peer dev vg   | LinkAdd[name=Optional[vf], kind=VETH, peer=Optional[vg], peerNamespace=Optional.empty]
            ip link add vx type veth peer vy           | LinkAdd[name=Optional[vx], kind=VETH, peer=Optional[vy], peerNamespace=Optional.empty]
            ip link set dev vf up                      | LinkSet[device=vf, up=Optional[true], namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set name vf up                     | LinkSet[device=vf, up=Optional[true], namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set dev veth0 mtu 1400 up          | LinkSet[device=veth0, up=Optional[true], namespace=Optional.empty, master=Optional.empty, mtu=Optional[1400], address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set dev veth0 mtu -1               | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional[-1], address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set veth0 name lan0                | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional[lan0], alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set dev lan0 name lan0             | LinkSet[device=lan0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set veth0 promisc on arp off multicast off allmulticast on | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=multicast off arp off allmulticast on promisc on, txQueueLen=Optional.empty]
            ip link set veth0 promisc on promisc off arp on | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=arp on promisc off, txQueueLen=Optional.empty]
            ip link set veth0 dyn on trailers off      | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=dynamic on trailers off, txQueueLen=Optional.empty]
            ip link set veth0 alias one alias two      | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional[two], flags=none, txQueueLen=Optional.empty]
            ip link set veth0 txqlen 500               | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional[500]]
            ip link set veth0 txq -1                   | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional[-1]]
            ip link set veth1 netns blue name eth0     | LinkSet[device=veth1, up=Optional.empty, namespace=Optional[blue], master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional[eth0], alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link del dev vf                         | LinkDelete[device=vf]
            ip link del veth0 up                       | LinkDelete[device=veth0]
            ip link del veth0 type veth                | LinkDelete[device=veth0]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines a keyword's check refuses: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip link set dev vf address aa:bb:zz        | 1   | "zz" is invalid lladdr.
            ip link set dev vf address 10.0.0.300      | 1   | "10.0.0.300" is invalid lladdr.
            ip link set dev vf address -1              | 1   | "-1" is invalid lladdr.
            ip link set dev vf mtu 0x                  | 255 | Error: argument "0x" is wrong: Invalid "mtu" value\\n\\n
            ip link set dev vf mtu 4294967296          | 255 | Error: argument "4294967296" is wrong: Invalid "mtu" value\\n\\n
            ip link set dev vf mtu 1400 mtu 1300       | 255 | Error: duplicate "mtu": "1300" is the second value.
            ip link set dev vf promisc On              | 1   | Error: argument of "promisc" must be "on" or "off", not "On"
            ip link set dev vf arp of                  | 1   | Error: argument of "arp" must be "on" or "off", not "of"
            ip link set dev vf txqueuelen abc          | 255 | Error: argument "abc" is wrong: Invalid "txqueuelen" value\\n\\n
            ip link set dev vf qlen 1 txqlen 2         | 255 | Error: duplicate "txqueuelen": "2" is the second value.
            ip link set dev vf name abcdefghijklmnop   | 255 | Error: argument "abcdefghijklmnop" is wrong: "name" not a valid ifname
            ip link set dev vf index 0                 | 255 | Error: argument "0" is wrong: Invalid "index" value
            ip link set vf 0                           | 255 | Error: argument "dev" is required
            ip link add vx type veth peer type veth    | 255 | Error: duplicate "type": "veth" is the second value.
            ip link add name vx dev vy type veth       | 255 | both "name" and "dev" cannot be used when creating devices.
            ip link set dev vf index 5                 | 255 | index can be used only when creating devices or when moving device to another netns.
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message.replace("\\n", "\n"), status));
    }

    /** Lines whose keywords take good values the lab does not model: said so, with the first such keyword. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip link set dev veth0 carrier o            | ip link set ... carrier
            ip link set dev veth0 state UP             | ip link set ... state
            ip link set dev veth0 xdp off              | ip link set ... xdp
            ip link set dev veth0 vf 0 mac aa:bb:cc:dd:ee:ff | ip link set ... vf
            ip link add veth0 mtu 1400 type veth       | ip link add ... mtu
            ip link add veth0 promisc on type veth     | ip link add ... promisc
            ip link add veth0 alias x type veth        | ip link add ... alias
            ip link add veth0 type veth peer mtu 1400  | veth peer option "mtu"
            """)
    void outsideTheLab(String line, String what) {
        assertThat(Bash.parse(line)).isInstanceOf(Unsupported.class).extracting(c -> ((Unsupported) c).what())
                .isEqualTo(what);
    }
}
