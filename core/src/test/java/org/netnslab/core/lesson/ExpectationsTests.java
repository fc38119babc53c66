package org.netnslab.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.lesson.Expectation.DoesNotReach;
import org.netnslab.core.lesson.Expectation.Forwarding;
import org.netnslab.core.lesson.Expectation.HasAddress;
import org.netnslab.core.lesson.Expectation.HasLink;
import org.netnslab.core.lesson.Expectation.HasNoAddress;
import org.netnslab.core.lesson.Expectation.HasNoLink;
import org.netnslab.core.lesson.Expectation.HasNoRoute;
import org.netnslab.core.lesson.Expectation.HasRoute;
import org.netnslab.core.lesson.Expectation.OutputContains;
import org.netnslab.core.lesson.Expectation.Reaches;
import org.netnslab.core.lesson.Expectation.Receives;
import org.netnslab.core.model.OperState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

class ExpectationsTests {

    private static final String HOST = Backend.HOST;

    static Stream<Arguments> expectations() {
        return Stream.of(
                row("host reaches 10.0.0.1", new Reaches(HOST, ip("10.0.0.1"), Optional.empty())),
                row("blue reaches 10.0.0.10 with ttl 64", new Reaches("blue", ip("10.0.0.10"), Optional.of(64))),
                row("ns0 reaches 10.1.20.2 with ttl 63", new Reaches("ns0", ip("10.1.20.2"), Optional.of(63))),
                row("blue does not reach 198.51.100.8", new DoesNotReach("blue", ip("198.51.100.8"))),
                row("host has route 10.0.0.0/24",
                        new HasRoute(HOST, cidr("10.0.0.0/24"), Optional.empty(), Optional.empty())),
                row("host has route 10.0.0.1",
                        new HasRoute(HOST, cidr("10.0.0.1/32"), Optional.empty(), Optional.empty())),
                row("ns0 has route 10.1.20.0/24 via 10.1.10.1 dev veth12",
                        new HasRoute("ns0", cidr("10.1.20.0/24"), Optional.of(ip("10.1.10.1")), Optional.of("veth12"))),
                row("three has route default via 10.0.0.1",
                        new HasRoute("three", Ipv4Cidr.DEFAULT, Optional.of(ip("10.0.0.1")), Optional.empty())),
                row("blue has no route default", new HasNoRoute("blue", Ipv4Cidr.DEFAULT)),
                row("host has address 10.0.0.10/24 on veth0",
                        new HasAddress(HOST, ip("10.0.0.10"), Optional.of(24), Optional.of("veth0"))),
                row("host has address 10.0.0.1",
                        new HasAddress(HOST, ip("10.0.0.1"), Optional.empty(), Optional.empty())),
                row("blue has no address 10.0.0.1", new HasNoAddress("blue", ip("10.0.0.1"), Optional.empty())),
                row("host has link veth0", new HasLink(HOST, "veth0", Optional.empty(), Optional.empty())),
                row("host has link veth-one-out state UP master virtual-bridge",
                        new HasLink(HOST, "veth-one-out", Optional.of(OperState.UP), Optional.of("virtual-bridge"))),
                row("host has link veth0 state LOWERLAYERDOWN",
                        new HasLink(HOST, "veth0", Optional.of(OperState.LOWERLAYERDOWN), Optional.empty())),
                row("host has no link veth1", new HasNoLink(HOST, "veth1")),
                row("host forwards", new Forwarding(HOST, true)),
                row("host does not forward", new Forwarding(HOST, false)),
                row("output contains \"1 received\"", new OutputContains("1 received", true)),
                row("output contains \"say \\\"hi\\\"\"", new OutputContains("say \"hi\"", true)),
                row("output does not contain \"veth1\"", new OutputContains("veth1", false)),
                row("ns1 receives \"hello from ns2\"", new Receives("ns1", "hello from ns2", true)),
                row("host does not receive \"hi\"", new Receives(HOST, "hi", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void parsesAndWritesBack(String line, Expectation expected) {
        Expectation parsed = Expectations.parse(line);

        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.text()).isEqualTo(line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '  host   reaches   10.0.0.1  '      | host reaches 10.0.0.1
            host has route 10.0.0.0/24 dev veth0 via 10.0.0.1 | host has route 10.0.0.0/24 via 10.0.0.1 dev veth0
            host has link br0 master br0 state UP | host has link br0 state UP master br0
            host has link lo state up           | host has link lo state UP
            """)
    void acceptsVariants(String line, String canonical) {
        assertThat(Expectations.parse(line).text()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                      | an empty expectation
            blue                                    | nothing after "blue"
            blue pings 10.0.0.1                     | "pings" is not something a namespace does
            blue reaches                            | an address is missing after "reaches"
            blue reaches 10.0.0.300                 | "10.0.0.300" is not an IPv4 address
            blue reaches 10.0.0.1 with 64           | write "with ttl N" after the address
            blue reaches 10.0.0.1 with ttl 300      | "300" is not a ttl (1 to 255)
            blue reaches 10.0.0.1 quickly           | unexpected "quickly" after "blue reaches 10.0.0.1"
            blue does reach 10.0.0.1                | write "does not reach ADDR", "does not forward" or "does not receive
            ns1 receives hello                      | the text to look for goes in double quotes: receives "hello"
            ns1 does not receive                    | the text to look for goes in double quotes: does not receive "hello"
            ns1 receives ""                         | the text to look for is empty
            ns1 receives "a" "b"                    | unexpected ""b"" after "ns1 receives "a""
            blue has route                          | a prefix is missing after "route"
            blue has route 10.0.0.1/24              | "10.0.0.1/24" has host bits set: a route's prefix is 10.0.0.0/24
            blue has route to 10.0.0.0/24           | "to" is not a route prefix
            blue has a route default                | write "has route", "has address" or "has link"
            blue has link                           | a link name is missing after "link"
            blue has link veth1 state ON            | "ON" is not a link state
            host/x forwards                         | "host/x" is not a namespace name
            output has "x"                          | write "output contains \\"TEXT\\""
            output contains 1 received              | the text to look for goes in double quotes
            output contains "1 received             | a quoted text has no closing "
            output contains ""                      | the text to look for is empty
            output contains "a" "b"                 | unexpected ""b"" after the quoted text
            "1 received"                            | an expectation starts with a namespace or "output"
            """)
    void refusesWithASentence(String line, String message) {
        assertThatThrownBy(() -> Expectations.parse(line == null ? "" : line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static Arguments row(String line, Expectation e) {
        return Arguments.of(line, e);
    }

    private static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    private static Ipv4Cidr cidr(String s) {
        return Ipv4Cidr.parse(s);
    }
}
