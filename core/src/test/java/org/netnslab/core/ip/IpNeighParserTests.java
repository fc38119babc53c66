package org.netnslab.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.shell.Bash;

/** ip neigh's arguments, and arp's, as iproute2 6.1 and net-tools read them. */
class IpNeighParserTests {

    /** Lines the tool accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip neigh                                | NeighShow[flush=false, prefix=Optional.empty, device=Optional.empty, states=191, options=[]]
            ip n                                    | NeighShow[flush=false, prefix=Optional.empty, device=Optional.empty, states=191, options=[]]
            ip neighbour show                       | NeighShow[flush=false, prefix=Optional.empty, device=Optional.empty, states=191, options=[]]
            ip neighbor lst                         | NeighShow[flush=false, prefix=Optional.empty, device=Optional.empty, states=191, options=[]]
            ip neigh show dev veth0                 | NeighShow[flush=false, prefix=Optional.empty, device=Optional[veth0], states=191, options=[]]
            ip neigh show 10.0.0.1                  | NeighShow[flush=false, prefix=Optional[10.0.0.1/32], device=Optional.empty, states=191, options=[]]
            ip neigh show to 10.0.0.0/24 nud stale  | NeighShow[flush=false, prefix=Optional[10.0.0.0/24], device=Optional.empty, states=4, options=[]]
            ip neigh show nud none                  | NeighShow[flush=false, prefix=Optional.empty, device=Optional.empty, states=256, options=[]]
            ip neigh flush dev veth0                | NeighShow[flush=true, prefix=Optional.empty, device=Optional[veth0], states=-225, options=[]]
            ip neigh flush all                      | NeighShow[flush=true, prefix=Optional[0.0.0.0/0], device=Optional.empty, states=-225, options=[]]
            ip neigh flush nud failed dev veth0     | NeighShow[flush=true, prefix=Optional.empty, device=Optional[veth0], states=0, options=[]]
            ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:5A dev veth0 | NeighChange[mode=ADD, delete=false, address=10.0.0.50, device=veth0, lladdr=Optional[[2, 0, 0, 0, 0, 90]], state=PERMANENT]
            ip neigh add 10.0.0.50 lladdr 2:0:0:0:0:5a dev veth0 nud reachable | NeighChange[mode=ADD, delete=false, address=10.0.0.50, device=veth0, lladdr=Optional[[2, 0, 0, 0, 0, 90]], state=REACHABLE]
            ip neigh replace 10.0.0.50 lladdr 02:00:00:00:00:5A dev veth0 nud stale | NeighChange[mode=REPLACE, delete=false, address=10.0.0.50, device=veth0, lladdr=Optional[[2, 0, 0, 0, 0, 90]], state=STALE]
            ip neigh change to 10.0.0.50 dev veth0 nud noarp | NeighChange[mode=CHANGE, delete=false, address=10.0.0.50, device=veth0, lladdr=Optional.empty, state=NOARP]
            ip neigh add 10.0.0.50 lladdr null dev veth0 | NeighChange[mode=ADD, delete=false, address=10.0.0.50, device=veth0, lladdr=Optional.empty, state=PERMANENT]
            ip neigh del 10.0.0.50 dev veth0        | NeighChange[mode=ADD, delete=true, address=10.0.0.50, device=veth0, lladdr=Optional.empty, state=PERMANENT]
            arp -n                                  | ArpShow[]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ip neigh frob                                   | 255 | Command "frob" is unknown, try "ip neigh help".
            ip neigh add 10.0.0.54 lladdr zz dev veth0      | 1   | "zz" is invalid lladdr.
            ip neigh add 10.0.0.54 lladdr 02:00:00:00:00:5E | 255 | Device and destination are required arguments.
            ip neigh add dev veth0                          | 255 | Device and destination are required arguments.
            ip neigh add 10.0.0.54 dev                      | 255 | Command line is not complete. Try option "help"
            ip neigh add 10.0.0.54 nud sleepy dev veth0     | 255 | Error: argument "sleepy" is wrong: nud state is bad
            ip neigh add 10.0.0.54 10.0.0.55 dev veth0      | 255 | Error: either "to" is duplicate, or "10.0.0.55" is a garbage.
            ip neigh add nowhere dev veth0                  | 1   | Error: any valid address is expected rather than "nowhere".
            ip neigh show nowhere                           | 1   | Error: any valid prefix is expected rather than "nowhere".
            ip neigh show dev a dev b                       | 255 | Error: duplicate "dev": "b" is the second value.
            ip neigh flush                                  | 1   | Flush requires arguments.
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message, status));
    }
}
