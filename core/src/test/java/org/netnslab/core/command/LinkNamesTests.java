package org.netnslab.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.OperState;
import org.netnslab.core.net.MacAddress;

/** print_link_flags: the flags a learner sets, in iproute2's order, between the kind's and UP. */
class LinkNamesTests {

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} {7}")
    @CsvSource(delimiter = '|', textBlock = """
            VETH     | true  | false | false | false | false | false | false | BROADCAST,MULTICAST
            VETH     | false | false | false | false | false | false | false | BROADCAST
            VETH     | true  | true  | true  | true  | false | false | true  | BROADCAST,MULTICAST,NOARP,ALLMULTI,PROMISC,UP,LOWER_UP
            VETH     | false | true  | false | true  | false | false | true  | BROADCAST,NOARP,PROMISC,UP,LOWER_UP
            BRIDGE   | true  | false | false | true  | false | false | false | BROADCAST,MULTICAST,PROMISC
            LOOPBACK | false | false | false | false | false | false | true  | LOOPBACK,UP,LOWER_UP
            LOOPBACK | true  | true  | false | false | false | false | true  | LOOPBACK,MULTICAST,NOARP,UP,LOWER_UP
            VETH     | true  | false | false | true  | true  | true  | true  | BROADCAST,MULTICAST,PROMISC,DYNAMIC,NOTRAILERS,UP,LOWER_UP
            """)
    void flagsInIproute2sOrder(LinkKind kind, boolean multicast, boolean noArp, boolean allMulticast,
            boolean promisc, boolean dynamic, boolean noTrailers, boolean up, String expected) {
        Link link = new Link(2, "x", kind, MacAddress.ZERO, 1500, up, up, up ? OperState.UNKNOWN : OperState.DOWN,
                "noop", 1000, Optional.empty(), Optional.empty(),
                new Link.Flags(multicast, noArp, allMulticast, promisc, dynamic, noTrailers), Optional.empty());
        assertThat(LinkNames.flags(link)).isEqualTo(expected);
    }
}
