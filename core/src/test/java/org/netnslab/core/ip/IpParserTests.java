package org.netnslab.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.backend.RouteSpec;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.ip.IpAddress.AddrChange;
import org.netnslab.core.ip.IpAddress.AddrShow;
import org.netnslab.core.ip.IpLink.LinkAdd;
import org.netnslab.core.ip.IpLink.LinkSet;
import org.netnslab.core.ip.IpLink.LinkShow;
import org.netnslab.core.ip.IpNetns.NetnsList;
import org.netnslab.core.ip.IpRoute.RouteChange;
import org.netnslab.core.ip.IpRoute.RouteShow;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.shell.Bash;

/** ip's arguments as iproute2 6.1 reads them. */
class IpParserTests {

    /** Lines the tool accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip netns                                   | NetnsList[]
            ip netns list                              | NetnsList[]
            ip netns l                                 | NetnsList[]
            ip netns ls                                | NetnsList[]
            ip netns add blue                          | NetnsAdd[name=blue]
            sudo ip netns add blue                     | NetnsAdd[name=blue]
            ip netns del blue                          | NetnsDelete[name=blue]
            ip link add veth0 type veth peer name veth1 | LinkAdd[name=Optional[veth0], kind=VETH, peer=Optional[veth1], peerNamespace=Optional.empty]
            ip link add name br0 type bridge           | LinkAdd[name=Optional[br0], kind=BRIDGE, peer=Optional.empty, peerNamespace=Optional.empty]
            ip link add br0 type bridge                | LinkAdd[name=Optional[br0], kind=BRIDGE, peer=Optional.empty, peerNamespace=Optional.empty]
            ip link set veth1 netns blue               | LinkSet[device=veth1, up=Optional.empty, namespace=Optional[blue], master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set dev veth0 up                   | LinkSet[device=veth0, up=Optional[true], namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip l s veth0 down                          | LinkSet[device=veth0, up=Optional[false], namespace=Optional.empty, master=Optional.empty, mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set veth0 master br0               | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional[Optional[br0]], mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link set veth0 nomaster                 | LinkSet[device=veth0, up=Optional.empty, namespace=Optional.empty, master=Optional[Optional.empty], mtu=Optional.empty, address=Optional.empty, name=Optional.empty, alias=Optional.empty, flags=none, txQueueLen=Optional.empty]
            ip link del veth0                          | LinkDelete[device=veth0]
            ip link delete dev veth0                   | LinkDelete[device=veth0]
            ip link                                    | LinkShow[device=Optional.empty, kind=Optional.empty, master=Optional.empty, upOnly=false, options=[]]
            ip -br l                                   | LinkShow[device=Optional.empty, kind=Optional.empty, master=Optional.empty, upOnly=false, options=[-br]]
            ip link show type veth                     | LinkShow[device=Optional.empty, kind=Optional[veth], master=Optional.empty, upOnly=false, options=[]]
            ip link list master br0                    | LinkShow[device=Optional.empty, kind=Optional.empty, master=Optional[br0], upOnly=false, options=[]]
            ip a                                       | AddrShow[device=Optional.empty, upOnly=false, options=[]]
            ip address show dev veth0                  | AddrShow[device=Optional[veth0], upOnly=false, options=[]]
            ip addr add 10.0.0.10/24 dev veth0         | AddrChange[add=true, address=10.0.0.10/24, device=veth0, lengthGiven=true, broadcast=Optional.empty, label=Optional.empty]
            ip addr add 10.0.0/24 dev veth0            | AddrChange[add=true, address=10.0.0.0/24, device=veth0, lengthGiven=true, broadcast=Optional.empty, label=Optional.empty]
            ip link add ÿþ type veth                   | LinkAdd[name=Optional[ÿþ], kind=VETH, peer=Optional.empty, peerNamespace=Optional.empty]
            ip link add type veth                      | LinkAdd[name=Optional.empty, kind=VETH, peer=Optional.empty, peerNamespace=Optional.empty]
            ip addr del 10.0.1.1 dev veth1             | AddrChange[add=false, address=10.0.1.1/32, device=veth1, lengthGiven=false, broadcast=Optional.empty, label=Optional.empty]
            ip addr add 10.0.0.1/24 dev v label v:1    | AddrChange[add=true, address=10.0.0.1/24, device=v, lengthGiven=true, broadcast=Optional.empty, label=Optional[v:1]]
            ip addr add 10.0.0.1/24 brd + dev veth0    | AddrChange[add=true, address=10.0.0.1/24, device=veth0, lengthGiven=true, broadcast=Optional[10.0.0.255], label=Optional.empty]
            ip a a 10.0.0.1/30 broadcast 10.0.0.3 dev v | AddrChange[add=true, address=10.0.0.1/30, device=v, lengthGiven=true, broadcast=Optional[10.0.0.3], label=Optional.empty]
            ip addr add 10.0.0.1/32 brd + dev veth0    | AddrChange[add=true, address=10.0.0.1/32, device=veth0, lengthGiven=true, broadcast=Optional.empty, label=Optional.empty]
            ip addr del 10.0.0.10/24 dev veth0         | AddrChange[add=false, address=10.0.0.10/24, device=veth0, lengthGiven=true, broadcast=Optional.empty, label=Optional.empty]
            ip r                                       | RouteShow[filter=RouteFilter[table=254, root=Optional.empty, match=Optional.empty, device=Optional.empty, protocol=Optional.empty, scope=Optional.empty, type=Optional.empty, metric=Optional.empty, via=Optional.empty, source=Optional.empty], options=[]]
            ip -br -c -j -p -o r                       | RouteShow[filter=RouteFilter[table=254, root=Optional.empty, match=Optional.empty, device=Optional.empty, protocol=Optional.empty, scope=Optional.empty, type=Optional.empty, metric=Optional.empty, via=Optional.empty, source=Optional.empty], options=[-br -o -c -j -p]]
            ip -c=never -6 a                           | AddrShow[device=Optional.empty, upOnly=false, options=[-6]]
            ip ru                                      | RuleShow[]
            ip -4 rule lst                             | RuleShow[]
            ip route show 10.0.0.0/24                  | RouteShow[filter=RouteFilter[table=254, root=Optional[10.0.0.0/24], match=Optional[10.0.0.0/24], device=Optional.empty, protocol=Optional.empty, scope=Optional.empty, type=Optional.empty, metric=Optional.empty, via=Optional.empty, source=Optional.empty], options=[]]
            ip route add default via 10.0.0.1          | RouteChange[mode=Optional[ADD], route=RouteSpec[destination=0.0.0.0/0, gateway=Optional[10.0.0.1], device=Optional.empty, type=Optional.empty, metric=Optional.empty, preferredSource=Optional.empty, protocol=Optional.empty, scope=Optional.empty, onlink=false]]
            ip route add 10.0.0.1 dev veth0            | RouteChange[mode=Optional[ADD], route=RouteSpec[destination=10.0.0.1/32, gateway=Optional.empty, device=Optional[veth0], type=Optional.empty, metric=Optional.empty, preferredSource=Optional.empty, protocol=Optional.empty, scope=Optional.empty, onlink=false]]
            ip r repl 10.5.0.0/16 dev v0 metric 0x10   | RouteChange[mode=Optional[REPLACE], route=RouteSpec[destination=10.5.0.0/16, gateway=Optional.empty, device=Optional[v0], type=Optional.empty, metric=Optional[16], preferredSource=Optional.empty, protocol=Optional.empty, scope=Optional.empty, onlink=false]]
            ip route append blackhole 10.6.0.0/16      | RouteChange[mode=Optional[APPEND], route=RouteSpec[destination=10.6.0.0/16, gateway=Optional.empty, device=Optional.empty, type=Optional[BLACKHOLE], metric=Optional.empty, preferredSource=Optional.empty, protocol=Optional.empty, scope=Optional.empty, onlink=false]]
            ip route chg 10.7.0.0/16 via 10.0.0.2 src 10.0.0.1 | RouteChange[mode=Optional[CHANGE], route=RouteSpec[destination=10.7.0.0/16, gateway=Optional[10.0.0.2], device=Optional.empty, type=Optional.empty, metric=Optional.empty, preferredSource=Optional[10.0.0.1], protocol=Optional.empty, scope=Optional.empty, onlink=false]]
            ip route del 10.5.0.0/16 priority 4294967295 | RouteChange[mode=Optional.empty, route=RouteSpec[destination=10.5.0.0/16, gateway=Optional.empty, device=Optional.empty, type=Optional.empty, metric=Optional[-1], preferredSource=Optional.empty, protocol=Optional.empty, scope=Optional.empty, onlink=false]]
            ip route flush dev veth0 table 254         | RouteFlush[filter=RouteFilter[table=254, root=Optional.empty, match=Optional.empty, device=Optional[veth0], protocol=Optional.empty, scope=Optional.empty, type=Optional.empty, metric=Optional.empty, via=Optional.empty, source=Optional.empty]]
            ip route show match 10.5.1.7 table local   | RouteShow[filter=RouteFilter[table=255, root=Optional.empty, match=Optional[10.5.1.7/32], device=Optional.empty, protocol=Optional.empty, scope=Optional.empty, type=Optional.empty, metric=Optional.empty, via=Optional.empty, source=Optional.empty], options=[]]
            ip route get 10.0.0.1                      | RouteGet[destination=10.0.0.1, from=Optional.empty, inputInterface=Optional.empty]
            ip route get 10.1.20.2 from 10.1.10.2 iif veth11 | RouteGet[destination=10.1.20.2, from=Optional[10.1.10.2], inputInterface=Optional[veth11]]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip lnk                               | 1   | Object "lnk" is unknown, try "ip help".
            ip link frob                         | 255 | Command "frob" is unknown, try "ip link help".
            ip addr frob                         | 255 | Command "frob" is unknown, try "ip address help".
            ip route frob                        | 255 | Command "frob" is unknown, try "ip route help".
            ip netns frob                        | 255 | Command "frob" is unknown, try "ip netns help".
            ip -x link                           | 255 | Option "-x" is unknown, try "ip -help".
            ip link add                          | 1   | Not enough information: "type" argument is required
            ip link add veth0                    | 1   | Not enough information: "type" argument is required
            ip link add veth0 type foo           | 2   | Error: Unknown device type.
            ip link add name abcdefghijklmnopq type veth | 255 | Error: argument "abcdefghijklmnopq" is wrong: "name" not a valid ifname
            ip link add a/b type veth            | 255 | Error: argument "a/b" is wrong: "dev" not a valid ifname
            ip link set                          | 255 | Not enough information: "dev" argument is required.
            ip link set veth0 frob               | 255 | Error: either "dev" is duplicate, or "frob" is a garbage.
            ip link del                          | 255 | Not enough information: "dev" argument is required.
            ip link add veth9 type veth peer name | 255 | Command line is not complete. Try option "help"
            ip addr add                          | 1   | Not enough information: "dev" argument is required.
            ip addr add 10.0.0.1/24              | 1   | Not enough information: "dev" argument is required.
            ip addr add 10.0.0.300/24 dev veth0  | 1   | Error: any valid prefix is expected rather than "10.0.0.300/24".
            ip addr add 10.0.0.1/33 dev veth0    | 1   | Error: any valid prefix is expected rather than "10.0.0.1/33".
            ip addr add foo dev veth0            | 1   | Error: any valid prefix is expected rather than "foo".
            ip route add 10.0.0.0/24 via foo     | 1   | Error: inet address is expected rather than "foo".
            ip route flush                       | 1   | "ip route flush" requires arguments.
            ip route add 10.6.0.0/16 dev v metric -1 | 255 | Error: argument "-1" is wrong: "metric" value is invalid\\n\\n
            ip route add 10.6.0.0/16 dev v metric 4294967296 | 255 | Error: argument "4294967296" is wrong: "metric" value is invalid\\n\\n
            ip route add 10.6.0.0/16 dev v pref 300 | 255 | Error: argument "300" is wrong: "pref" value is invalid\\n\\n
            ip route add 10.6.0.0/16 dev v src x | 1   | Error: inet address is expected rather than "x".
            ip route show table nosuch           | 255 | Error: argument "nosuch" is wrong: table id value is invalid\\n\\n
            ip route show match nosuch           | 1   | Error: any valid prefix is expected rather than "nosuch".
            ip route add 10.1.0.0/16 dev v scope x | 255 | Error: argument "x" is wrong: invalid "scope" value\\n\\n
            ip route add 10.1.0.0/16 dev v proto x | 255 | Error: argument "x" is wrong: "protocol" value is invalid\\n\\n
            ip route get                         | 1   | need at least a destination address
            ip route get foo                     | 1   | Error: any valid prefix is expected rather than "foo".
            ip route get 10.0.0.1 from foo       | 1   | Error: inet prefix is expected rather than "foo".
            ip netns add                         | 1   | No netns name specified
            ip netns add a/b                     | 255 | Invalid netns name "a/b"
            ip netns add ..                      | 255 | Invalid netns name ".."
            ip netns exec                        | 1   | No netns name specified
            ip netns exec blue                   | 1   | No command specified
            ip netns delete                      | 1   | No netns name specified
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message.replace("\\n", "\n"), status));
    }

    @Test
    void usageTextsAreTheToolsOwn() {
        assertThat(Bash.parse("ip")).isEqualTo(new Invalid(Ip.USAGE, 255));
        assertThat(Bash.parse("ip route add")).isEqualTo(new Invalid(IpRoute.USAGE, 255));
    }

    @Test
    void namespaceOptionAndExecWrapTheInnerCommand() {
        assertThat(Bash.parse("ip -n blue addr add 10.0.0.1/24 dev veth1")).isEqualTo(new InNamespace("blue",
                new AddrChange(true, Ipv4Cidr.parse("10.0.0.1/24"), "veth1"), false));
        assertThat(Bash.parse("sudo ip netns exec ns1 ip route add default via 10.0.0.1")).isEqualTo(
                new InNamespace("ns1", new RouteChange(true, new RouteSpec(Ipv4Cidr.DEFAULT,
                        Optional.of(Ipv4Address.parse("10.0.0.1")), Optional.empty())), true));
        assertThat(Bash.parse("ip netns exec blue ip -br a")).isEqualTo(new InNamespace("blue",
                new AddrShow(Optional.empty(), false, IpOptions.briefOnly()), true));
    }

    @Test
    void vethPeerInAnotherNamespace() {
        assertThat(Bash.parse("ip link add eth0 type veth peer name eth0 netns upstream")).isEqualTo(
                new LinkAdd(Optional.of("eth0"), LinkKind.VETH, Optional.of("eth0"), Optional.of("upstream")));
    }

    @Test
    void whatTheLabDoesNotSimulateIsSaidPlainly() {
        assertThat(Bash.parse("ip neigh get 10.0.0.1 dev veth0")).isInstanceOf(Unsupported.class);
        assertThat(Bash.parse("ip link add vx0 type vxlan id 42 dstport 4789")).isInstanceOf(Unsupported.class);
        assertThat(Bash.parse("ip link add d0 type dummy")).as("the reference kernel has no dummy module")
                .isEqualTo(new Invalid("Error: Unknown device type.", 2));
    }

    @Test
    void garbageNeverThrows() {
        StringBuilder longLine = new StringBuilder("ip link add ");
        longLine.append("x".repeat(10_000)).append(" type veth");
        // iproute2 takes a name of any length here; the executor says what becomes of it
        assertThat(Bash.parse(longLine.toString())).isInstanceOf(LinkAdd.class);
        assertThat(Bash.parse("ip link show ÿþ")).isEqualTo(new LinkShow(Optional.of("ÿþ"), Optional.empty(),
                Optional.empty(), false, IpOptions.NONE));
        assertThat(Bash.parse("ip netns list")).isEqualTo(new NetnsList());
        assertThat(Bash.parse("ip link set veth0 up")).isInstanceOf(LinkSet.class);
        assertThat(Bash.parse("ip route")).isInstanceOf(RouteShow.class);
    }
}
