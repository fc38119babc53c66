package org.netnslab.core.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.shell.Bash;

/** bridge's arguments as iproute2 6.1 reads them. */
class BridgeParserTests {

    /** Lines the tool accepts, and the command each is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bridge link                             | LinkShow[device=Optional.empty]
            bridge l                                | LinkShow[device=Optional.empty]
            bridge link show dev veth0              | LinkShow[device=Optional[veth0]]
            bridge link show extra dev veth0        | LinkShow[device=Optional[veth0]]
            bridge fdb                              | FdbShow[bridge=Optional.empty, device=Optional.empty]
            bridge fdb show br br0                  | FdbShow[bridge=Optional[br0], device=Optional.empty]
            bridge fdb show brport veth0            | FdbShow[bridge=Optional.empty, device=Optional[veth0]]
            bridge fdb show br br0 dev veth0        | FdbShow[bridge=Optional[br0], device=Optional[veth0]]
            bridge fdb del 01:00:5E:00:00:01 dev veth0 self permanent | FdbDelete[mac=01:00:5e:00:00:01, device=veth0, self=true]
            bridge fdb del 02:00:00:00:00:01 dev veth0 master | FdbDelete[mac=02:00:00:00:00:01, device=veth0, self=false]
            bridge fdb del 02:00:00:00:00:01 dev veth0 | FdbDelete[mac=02:00:00:00:00:01, device=veth0, self=true]
            bridge vlan                             | VlanShow[]
            bridge v show                           | VlanShow[]
            """)
    void accepted(String line, String expected) {
        assertThat(Bash.parse(line).toString()).isEqualTo(expected);
    }

    /** Lines the tool refuses before it asks the kernel: its words and exit status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bridge foo                                | 255 | Object "foo" is unknown, try "bridge help".
            bridge link frob                          | 255 | Command "frob" is unknown, try "bridge link help".
            bridge fdb frob                           | 255 | Command "frob" is unknown, try "bridge fdb help".
            bridge fdb show br                        | 255 | Command line is not complete. Try option "help"
            bridge fdb del 02:00:00:00:00:01          | 255 | Device and address are required arguments.
            bridge fdb del zz dev veth0               | 255 | Invalid mac address zz
            """)
    void refused(String line, int status, String message) {
        assertThat(Bash.parse(line)).isEqualTo(new Invalid(message, status));
    }
}
