package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.Lab.refused;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.RouteType;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/** Addresses, the routes they bring, the learner's routes, route lookups and the kernel's refusals. */
class AddressAndRouteTests {

    /** veth0 up in the host, its peer veth1 up too: a link with a carrier to put things on. */
    static Lab up() {
        return Lab.world().vethPair(HOST, "veth0", "veth1").up(HOST, "veth0", "veth1");
    }

    @Test
    void primariesAreOrderedByScopeAndSecondariesComeLast() {
        Lab lab = Lab.world().vethPair(HOST, "v0", "v1")
                .addr(HOST, "v0", "10.0.0.1/24").addr(HOST, "v0", "10.0.0.2/24")
                .addr(HOST, "v0", "192.168.5.1/16").addr(HOST, "v0", "10.0.0.3/8").addr(HOST, "v0", "127.0.0.5/8");
        assertThat(lab.state(HOST).addressesOf(lab.link(HOST, "v0").index()))
                .extracting(a -> a.prefix() + (a.secondary() ? " secondary" : "") + " " + a.scope().ipName())
                .containsExactly("127.0.0.5/8 host", "10.0.0.1/24 global", "192.168.5.1/16 global",
                        "10.0.0.3/8 global", "10.0.0.2/24 secondary global");
    }

    @Test
    void deletingAPrimaryTakesItsSecondariesAndItsRoute() {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24").addr(HOST, "veth0", "10.0.0.2/24")
                .addr(HOST, "veth0", "10.9.0.1/16").route(HOST, "10.5.0.0/16", "10.0.0.7");
        lab.step(() -> lab.backend.deleteAddress(HOST, "veth0", Ipv4Cidr.parse("10.0.0.1/24")));
        assertThat(lab.addresses(HOST, "veth0")).first().isEqualTo("10.9.0.1/16");
        assertThat(lab.routeLines(HOST)).containsExactly(
                "default via 203.0.113.1 dev eth0",
                "10.5.0.0/16 via 10.0.0.7 dev veth0",
                "10.9.0.0/16 dev veth0 proto kernel scope link src 10.9.0.1",
                "203.0.113.0/24 dev eth0 proto kernel scope link src 203.0.113.2");
    }

    @Test
    void deletingTheLastAddressTakesEveryRouteThroughTheLink() {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24").route(HOST, "10.5.0.0/16", "10.0.0.7")
                .routeDev(HOST, "10.6.0.0/16", "veth0");
        lab.step(() -> lab.backend.deleteAddress(HOST, "veth0", Ipv4Cidr.parse("10.0.0.1/24")));
        assertThat(lab.routeLines(HOST)).noneMatch(r -> r.contains("veth0"));
    }

    @Test
    void goingDownTakesEveryRouteThroughTheLinkAndComingUpBringsBackOnlyTheConnectedOnes() {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24").route(HOST, "10.5.0.0/16", "10.0.0.7");
        lab.down(HOST, "veth0");
        assertThat(lab.routeLines(HOST)).noneMatch(r -> r.contains("veth0"));
        lab.up(HOST, "veth0");
        assertThat(lab.routeLines(HOST)).filteredOn(r -> r.contains("veth0"))
                .containsExactly("10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.1");
    }

    @Test
    void routesThroughALinkWithoutCarrierAreLinkdown() {
        Lab lab = Lab.world().vethPair(HOST, "veth0", "veth1").addr(HOST, "veth0", "10.0.0.1/24").up(HOST, "veth0")
                .routeDev(HOST, "10.6.0.0/16", "veth0");
        assertThat(lab.routeLines(HOST)).contains(
                "10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.1 linkdown",
                "10.6.0.0/16 dev veth0 scope link linkdown");
        lab.up(HOST, "veth1");
        assertThat(lab.routeLines(HOST)).noneMatch(r -> r.endsWith("linkdown"));
    }

    @Test
    void aSlash32AddressBringsNoRoute() {
        Lab lab = up().addr(HOST, "veth0", "10.0.9.9/32");
        assertThat(lab.routeLines(HOST)).noneMatch(r -> r.contains("10.0.9.9"));
    }

    @Test
    void theDumpIsOrderedByAddressThenLongerPrefixFirst() {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24").addr(HOST, "veth0", "10.0.0.3/8")
                .routeDev(HOST, "10.0.0.0/25", "veth0").routeDev(HOST, "10.0.0.128", "veth0")
                .routeDev(HOST, "0.0.0.0/1", "veth0").route(HOST, "10.6.0.0/16", "10.0.0.7");
        assertThat(lab.routeLines(HOST)).containsExactly(
                "0.0.0.0/1 dev veth0 scope link",
                "default via 203.0.113.1 dev eth0",
                "10.0.0.0/25 dev veth0 scope link",
                "10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.1",
                "10.0.0.0/8 dev veth0 proto kernel scope link src 10.0.0.3",
                "10.0.0.128 dev veth0 scope link",
                "10.6.0.0/16 via 10.0.0.7 dev veth0",
                "203.0.113.0/24 dev eth0 proto kernel scope link src 203.0.113.2");
    }

    @Test
    void aGatewayThatIsOurOwnAddressIsAcceptedAndUsedOnLink() throws Exception {
        Lab lab = Lab.world().route(HOST, "10.7.0.0/16", "203.0.113.2");
        assertThat(lab.routeLines(HOST)).contains("10.7.0.0/16 via 203.0.113.2 dev eth0");
        RouteLookup r = lab.backend.getRoute(HOST, Ipv4Address.parse("10.7.0.1"), Optional.empty(), Optional.empty());
        assertThat(r.gateway()).isEmpty();
        assertThat(r.device()).isEqualTo("eth0");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a route that exists (same prefix, any next hop)", "10.0.0.0/24", null, "veth0",
                        Errno.EEXIST, null),
                Arguments.of("a gateway on no link", "10.7.0.0/16", "172.16.0.1", null, Errno.ENETUNREACH,
                        "Nexthop has invalid gateway"),
                Arguments.of("a gateway reachable only through another gateway", "10.7.0.0/16", "198.51.100.8",
                        null, Errno.ENETUNREACH, "Nexthop has invalid gateway"),
                Arguments.of("a broadcast gateway", "10.7.0.0/16", "203.0.113.255", null, Errno.EINVAL,
                        "Nexthop has invalid gateway"),
                Arguments.of("a gateway not on the device given", "10.7.0.0/16", "203.0.113.1", "veth0",
                        Errno.ENETUNREACH, "Nexthop has invalid gateway"),
                Arguments.of("a device that is down", "10.7.0.0/16", null, "veth9", Errno.ENETDOWN,
                        "Device for nexthop is not up"),
                Arguments.of("neither gateway nor device", "10.7.0.0/16", null, null, Errno.ENODEV, null),
                Arguments.of("host bits in the prefix", "10.0.0.1/24", "10.0.0.2", null, Errno.EINVAL,
                        "Invalid prefix for given prefix length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void routeAddRefusals(String what, String prefix, String via, String dev, Errno errno, String extack) {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24").vethPair(HOST, "veth9", "veth8");
        KernelException e = refused(() -> lab.backend.addRoute(HOST,
                Lab.spec(prefix, Optional.ofNullable(via), Optional.ofNullable(dev))));
        assertThat(e.errno()).isEqualTo(errno);
        assertThat(e.extack()).isEqualTo(Optional.ofNullable(extack));
    }

    @Test
    void deletingARouteMatchesOnWhatIsGivenAndRefusesWithEsrch() {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24").routeDev(HOST, "10.9.0.0/16", "veth0");
        assertThat(refused(() -> lab.backend.deleteRoute(HOST, Lab.spec("10.9.0.0/16", Optional.of("10.0.0.9"),
                Optional.empty()))).errno()).isEqualTo(Errno.ESRCH);
        assertThat(refused(() -> lab.backend.deleteRoute(HOST, Lab.spec("10.9.0.0/16", Optional.empty(),
                Optional.of("eth0")))).errno()).isEqualTo(Errno.ESRCH);
        assertThat(refused(() -> lab.backend.deleteRoute(HOST, Lab.spec("10.3.0.0/16", Optional.empty(),
                Optional.empty()))).errno()).isEqualTo(Errno.ESRCH);
        lab.step(() -> lab.backend.deleteRoute(HOST, Lab.spec("10.9.0.0/16", Optional.empty(), Optional.empty())));
        lab.step(() -> lab.backend.deleteRoute(HOST, Lab.spec("10.0.0.0/24", Optional.empty(), Optional.empty())));
        assertThat(lab.routeLines(HOST)).noneMatch(r -> r.contains("veth0"));
    }

    @Test
    void addressRefusalsCarryTheKernelsWords() {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24");
        KernelException dup = refused(() -> lab.backend.addAddress(HOST, "veth0", Ipv4Cidr.parse("10.0.0.1/24")));
        assertThat(dup.errno()).isEqualTo(Errno.EEXIST);
        assertThat(dup.extack()).contains("ipv4: Address already assigned");
        KernelException missing = refused(() -> lab.backend.deleteAddress(HOST, "veth0", Ipv4Cidr.parse("10.0.0.1/16")));
        assertThat(missing.errno()).isEqualTo(Errno.EADDRNOTAVAIL);
        assertThat(missing.extack()).contains("ipv4: Address not found");
    }

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("one of our addresses", "10.0.0.1", RouteType.LOCAL, "lo", null, "10.0.0.1"),
                Arguments.of("a neighbour on the link", "10.0.0.2", RouteType.UNICAST, "veth0", null, "10.0.0.1"),
                Arguments.of("the internet", "198.51.100.8", RouteType.UNICAST, "eth0", "203.0.113.1", "203.0.113.2"),
                Arguments.of("loopback", "127.0.0.1", RouteType.LOCAL, "lo", null, "127.0.0.1"),
                Arguments.of("a subnet's broadcast", "203.0.113.255", RouteType.BROADCAST, "eth0", null,
                        "203.0.113.2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void routeGet(String what, String dst, RouteType type, String dev, String via, String src) throws Exception {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24");
        RouteLookup r = lab.backend.getRoute(HOST, Ipv4Address.parse(dst), Optional.empty(), Optional.empty());
        assertThat(r.type()).isEqualTo(type);
        assertThat(r.device()).isEqualTo(dev);
        assertThat(r.gateway()).isEqualTo(Optional.ofNullable(via).map(Ipv4Address::parse));
        assertThat(r.source()).contains(Ipv4Address.parse(src));
    }

    @Test
    void routeGetForAForwardedPacketNeedsForwarding() throws Exception {
        Lab lab = Labs.blueWiredToHost();
        Optional<Ipv4Address> from = Optional.of(Ipv4Address.parse("10.0.0.2"));
        assertThat(refused(() -> lab.backend.getRoute(HOST, Ipv4Address.parse("198.51.100.8"), from,
                Optional.of("veth0"))).errno()).isEqualTo(Errno.EHOSTUNREACH);
        lab.forwarding(HOST);
        RouteLookup r = lab.backend.getRoute(HOST, Ipv4Address.parse("198.51.100.8"), from, Optional.of("veth0"));
        assertThat(r.type()).isEqualTo(RouteType.UNICAST);
        assertThat(r.gateway()).contains(Ipv4Address.parse("203.0.113.1"));
        assertThat(r.device()).isEqualTo("eth0");
        assertThat(r.inputInterface()).contains("veth0");
        lab.step(() -> lab.backend.deleteRoute(HOST, Lab.spec("default", Optional.empty(), Optional.empty())));
        assertThat(refused(() -> lab.backend.getRoute(HOST, Ipv4Address.parse("198.51.100.8"), from,
                Optional.of("veth0"))).errno()).isEqualTo(Errno.ENETUNREACH);
        RouteLookup local = lab.backend.getRoute(HOST, Ipv4Address.parse("10.0.0.1"), from, Optional.of("veth0"));
        assertThat(local.type()).isEqualTo(RouteType.LOCAL);
        assertThat(local.device()).isEqualTo("lo");
    }

    @Test
    void theSourceOfAGatewayRouteIsTheOutputDevicesPrimaryAddress() throws Exception {
        Lab lab = up().addr(HOST, "veth0", "10.0.0.1/24").addr(HOST, "veth0", "10.0.0.2/24")
                .route(HOST, "10.5.0.0/16", "10.0.0.7");
        RouteLookup r = lab.backend.getRoute(HOST, Ipv4Address.parse("10.5.1.1"), Optional.empty(), Optional.empty());
        assertThat(r.source()).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(lab.state(HOST).addresses()).filteredOn(Address::secondary).extracting(Address::prefix)
                .containsExactly("10.0.0.2/24");
    }
}
