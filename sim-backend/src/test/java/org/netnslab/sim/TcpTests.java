package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;
import static org.netnslab.sim.Lab.UPSTREAM;
import static org.netnslab.sim.Lab.accept;
import static org.netnslab.sim.Lab.say;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.backend.Connection;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.Listener;
import org.netnslab.core.backend.SegmentJourney;
import org.netnslab.core.model.Counters;
import org.netnslab.core.net.Ipv4Address;

/** The netcat chat of seed 003 on the simulator's TCP: its handshake, its lines, its end, and how it fails. */
class TcpTests {

    @Test
    void theChatOfSeed003CarriesLinesBothWays() {
        Lab lab = Labs.ns1AndNs2();
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        Connection server = accept(l);

        assertThat(client.localAddress()).isEqualTo(Ipv4Address.parse("10.0.0.2"));
        assertThat(client.localPort()).isBetween(Tcp.EPHEMERAL_LOW, Tcp.EPHEMERAL_HIGH);
        assertThat(server.remoteAddress()).isEqualTo(Ipv4Address.parse("10.0.0.2"));
        assertThat(server.remotePort()).isEqualTo(client.localPort());
        assertThat(server.localPort()).isEqualTo(8080);

        assertThat(say(client, server, "hello from ns2")).isEqualTo("hello from ns2\n");
        assertThat(say(server, client, "hi back")).isEqualTo("hi back\n");
        assertThat(say(client, server, "bye")).isEqualTo("bye\n");
    }

    @Test
    void theHandshakeIsOneJourneyAndEachLineAnother() {
        Lab lab = Labs.ns1AndNs2();
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        say(client, accept(l), "hello");

        List<SegmentJourney> journeys = client.journeys();
        assertThat(journeys).extracting(SegmentJourney::segment).containsExactly(
                "TCP 10.0.0.2." + client.localPort() + " > 10.0.0.1.8080: Flags [S], seq 0, length 0",
                "TCP 10.0.0.2." + client.localPort() + " > 10.0.0.1.8080: Flags [P.], seq 1:7, ack 1, length 6");
        assertThat(whats(journeys.get(0))).containsSubsequence(
                "ARP: who-has 10.0.0.1? asked on v2 (broadcast)",
                "TCP [S] for port 8080: a socket listens; SYN-ACK in answer",
                "TCP [S.] delivered: connection established; ACK in answer",
                "TCP [.] delivered: connection established, waiting for accept on port 8080");
        assertThat(whats(journeys.get(1))).anySatisfy(w -> assertThat(w).endsWith(
                "delivered: 6 bytes delivered to the socket; ACK in answer"));
        assertThat(journeys).noneMatch(SegmentJourney::dropped);
    }

    @Test
    void closingSendsFinBothWaysAndTheListenersPortIsFreeAgain() throws Exception {
        Lab lab = Labs.ns1AndNs2();
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        Connection server = accept(l);

        client.close();
        assertThat(server.peerClosed()).isTrue();
        assertThat(server.receive()).isEmpty();
        server.close();
        l.close();

        TcpSocket orphan = lab.internal("ns2").tcp.all().stream().findFirst().orElseThrow();
        assertThat(orphan.state).isEqualTo(TcpSocket.State.TIME_WAIT);
        assertThat(lab.internal("ns1").tcp.all()).isEmpty();
        Listener again = lab.listen("ns1", 8080);
        assertThat(again.port()).isEqualTo(8080);
    }

    @Test
    void aSecondListenerOnThePortIsRefused() {
        Lab lab = Labs.ns1AndNs2();
        lab.listen("ns1", 8080);
        assertThat(Lab.refused(() -> lab.backend.listen("ns1", 8080)).errno()).isEqualTo(Errno.EADDRINUSE);
        assertThat(lab.listen("ns2", 8080).namespace()).isEqualTo("ns2");
    }

    @Test
    void nothingListensAndTheSynIsAnsweredWithAReset() {
        Lab lab = Labs.ns1AndNs2();
        assertThat(Lab.refused(() -> lab.backend.connect("ns2", Ipv4Address.parse("10.0.0.1"), 8080)).errno())
                .isEqualTo(Errno.ECONNREFUSED);
        SegmentJourney syn = lab.backend.lastConnectJourneys().get(0);
        String port = syn.segment().substring("TCP 10.0.0.2.".length(), syn.segment().indexOf(' ', 4));
        assertThat(syn.dropped()).isTrue();
        assertThat(whats(syn)).containsSubsequence(
                "dropped: TCP [S] for 10.0.0.1 port 8080: nothing listens on port 8080, answered with a reset"
                        + " [NO_SOCKET]",
                "TCP 10.0.0.1.8080 > 10.0.0.2." + port + ": Flags [R.], seq 0, ack 1, length 0 sent",
                "TCP [R.] delivered: connect fails, Connection refused");
    }

    @Test
    void noRouteRefusesAtOnce() {
        Lab lab = Labs.ns1AndNs2();
        long before = lab.backend.now();
        assertThat(Lab.refused(() -> lab.backend.connect("ns2", Ipv4Address.parse("192.0.2.1"), 80)).errno())
                .isEqualTo(Errno.ENETUNREACH);
        assertThat(lab.backend.now()).isEqualTo(before);
    }

    @Test
    void nobodyAnswersArpAndTheConnectFailsAfterThreeSeconds() {
        Lab lab = Labs.ns1AndNs2().up("ns2", "lo");
        long before = lab.backend.now();
        assertThat(Lab.refused(() -> lab.backend.connect("ns2", Ipv4Address.parse("10.0.0.9"), 8080)).errno())
                .isEqualTo(Errno.EHOSTUNREACH);
        long waited = lab.backend.now() - before - Engine.SECOND;
        assertThat(waited).isBetween(3 * Engine.SECOND, 4 * Engine.SECOND);
        assertThat(whats(lab.backend.lastConnectJourneys().get(0))).anySatisfy(w -> assertThat(w)
                .isEqualTo("Destination Host Unreachable from 10.0.0.2 delivered: connect fails, No route to host"));
    }

    @Test
    void withLoDownTheHostUnreachableNeverReachesTheSocketAndTheConnectTimesOut() {
        // the kernel sends the ICMP error to its own address, through lo: with lo down it is lost, as it is
        // for ping (checked on Linux 6.1: no "Destination Host Unreachable", and nc waits)
        Lab lab = Labs.ns1AndNs2();
        assertThat(Lab.refused(() -> lab.backend.connect("ns2", Ipv4Address.parse("10.0.0.9"), 8080)).errno())
                .isEqualTo(Errno.ETIMEDOUT);
        assertThat(whats(lab.backend.lastConnectJourneys().get(0))).anySatisfy(w -> assertThat(w)
                .startsWith("dropped: lo is down"));
    }

    @Test
    void aSynThatDiesSilentlyIsSentSevenTimesOver127Seconds() {
        Lab lab = Labs.routedThroughHost(); // forwarding is off in the host
        lab.listen("ns1", 8080);
        long before = lab.backend.now();
        assertThat(Lab.refused(() -> lab.backend.connect("ns0", Ipv4Address.parse("10.1.20.2"), 8080)).errno())
                .isEqualTo(Errno.ETIMEDOUT);
        assertThat(lab.backend.now() - before - Engine.SECOND).isEqualTo(127 * Engine.SECOND);
        List<SegmentJourney> syns = lab.backend.lastConnectJourneys();
        assertThat(syns).hasSize(7).allMatch(SegmentJourney::dropped);
        assertThat(syns.get(6).segment()).endsWith("(retransmission 6)");
        assertThat(whats(syns.get(0))).anySatisfy(w -> assertThat(w).contains("forwarding is off"));
    }

    @Test
    void throughTheHostWithForwardingTheChatTakesTwoHops() {
        Lab lab = Labs.routedThroughHost().forwarding(HOST);
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns0", "10.1.20.2", 8080);
        Connection server = accept(l);
        assertThat(server.remoteAddress()).isEqualTo(Ipv4Address.parse("10.1.10.2"));
        assertThat(say(client, server, "across")).isEqualTo("across\n");
        assertThat(whats(client.journeys().get(1))).anySatisfy(w -> assertThat(w)
                .isEqualTo("forwarded out veth21, ttl 64 -> 63"));
    }

    @Test
    void behindMasqueradeTheServerSeesTheHostsAddressAndTheRuleCountsTheSyn() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0");
        Listener l = lab.listen(UPSTREAM, 80);
        Connection client = lab.connect("red", "198.51.100.8", 80);
        Connection server = accept(l);

        assertThat(server.remoteAddress()).isEqualTo(Ipv4Address.parse("203.0.113.2"));
        assertThat(server.localAddress()).isEqualTo(Ipv4Address.parse("198.51.100.8"));
        assertThat(say(client, server, "GET /")).isEqualTo("GET /\n");
        assertThat(say(server, client, "200 OK")).isEqualTo("200 OK\n");
        assertThat(lab.state(HOST).nat().postrouting().get(0).counters()).isEqualTo(new Counters(1, 60));
        assertThat(whats(client.journeys().get(0))).contains("masqueraded 192.168.1.2 -> 203.0.113.2")
                .anySatisfy(w -> assertThat(w).startsWith("reply to a masqueraded connection: destination"
                        + " 203.0.113.2 -> 192.168.1.2"));
    }

    @Test
    void anErrorAboutAMasqueradedSynFindsItsWayBackToTheClient() {
        Lab lab = Labs.redBehindTheHost().masquerade(HOST, "192.168.1.0/24", "eth0");
        assertThat(Lab.refused(() -> lab.backend.connect("red", Ipv4Address.parse("203.0.113.9"), 80)).errno())
                .isEqualTo(Errno.EHOSTUNREACH);
        assertThat(whats(lab.backend.lastConnectJourneys().get(0))).containsSubsequence(
                "masqueraded 192.168.1.2 -> 203.0.113.2",
                "ICMP Destination Host Unreachable sent, 192.168.1.1 > 192.168.1.2",
                "Destination Host Unreachable from 192.168.1.1 delivered: connect fails, No route to host");
    }

    @Test
    void withoutMasqueradeTheSynAckHasNoWayBack() {
        Lab lab = Labs.redBehindTheHost();
        lab.listen(UPSTREAM, 80);
        assertThat(Lab.refused(() -> lab.backend.connect("red", Ipv4Address.parse("198.51.100.8"), 80)).errno())
                .isEqualTo(Errno.ETIMEDOUT);
        assertThat(whats(lab.backend.lastConnectJourneys().get(0)))
                .anySatisfy(w -> assertThat(w).contains("no route to 192.168.1.2 any more"));
    }

    @Test
    void twoNamespacesBehindOneAddressKeepTheirConnectionsApart() {
        Lab lab = Labs.twoNamespacesOnABridge().forwarding(HOST).masquerade(HOST, "10.0.0.0/24", null)
                .route("one", "default", "10.0.0.1").route("two", "default", "10.0.0.1");
        Listener l = lab.listen(UPSTREAM, 80);
        Connection one = lab.connect("one", "198.51.100.8", 80);
        Connection fromOne = accept(l);
        Connection two = lab.connect("two", "198.51.100.8", 80);
        Connection fromTwo = accept(l);
        assertThat(fromOne.remotePort()).isNotEqualTo(fromTwo.remotePort());
        assertThat(say(fromTwo, two, "to two")).isEqualTo("to two\n");
        assertThat(say(fromOne, one, "to one")).isEqualTo("to one\n");
    }

    @Test
    void aChatOverTheNamespacesOwnLoopback() {
        Lab lab = Labs.ns1AndNs2().up("ns1", "lo");
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns1", "127.0.0.1", 8080);
        assertThat(say(client, accept(l), "to myself")).isEqualTo("to myself\n");
    }

    @Test
    void aConnectToTheAnyAddressGoesToLoopback() {
        Lab lab = Labs.ns1AndNs2().up("ns1", "lo");
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns1", "0.0.0.0", 8080);
        assertThat(client.remoteAddress()).isEqualTo(Ipv4Address.parse("127.0.0.1"));
        assertThat(say(client, accept(l), "here")).isEqualTo("here\n");
    }

    @Test
    void aBroadcastAddressCannotBeConnectedTo() {
        Lab lab = Labs.ns1AndNs2();
        assertThat(Lab.refused(() -> lab.backend.connect("ns2", Ipv4Address.parse("10.0.0.255"), 80)).errno())
                .isEqualTo(Errno.ENETUNREACH);
    }

    @Test
    void closingWithUnreadDataResetsThePeer() throws Exception {
        Lab lab = Labs.ns1AndNs2();
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        Connection server = accept(l);
        client.send("unread\n".getBytes(StandardCharsets.UTF_8));
        server.close();
        assertThat(Lab.refused(client::receive).errno()).isEqualTo(Errno.ECONNRESET);
        assertThat(Lab.refused(() -> client.send(new byte[] {1})).errno()).isEqualTo(Errno.EPIPE);
    }

    @Test
    void closingTheListenerResetsConnectionsNeverAccepted() throws Exception {
        Lab lab = Labs.ns1AndNs2();
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        l.close();
        assertThat(Lab.refused(client::receive).errno()).isEqualTo(Errno.ECONNRESET);
        assertThat(Lab.refused(() -> lab.backend.connect("ns2", Ipv4Address.parse("10.0.0.1"), 8080)).errno())
                .isEqualTo(Errno.ECONNREFUSED);
    }

    @Test
    void aLinkDownMidChatEndsItWhenTcpGivesUp() throws Exception {
        Lab lab = Labs.ns1AndNs2();
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        Connection server = accept(l);
        lab.down("ns1", "v1");
        client.send("lost\n".getBytes(StandardCharsets.UTF_8));
        assertThat(server.receive()).isEmpty();
        assertThat(client.journeys()).last().extracting(SegmentJourney::segment).asString()
                .endsWith("(retransmission 15)");
        assertThat(Lab.refused(() -> client.send(new byte[] {1})).errno()).isEqualTo(Errno.ETIMEDOUT);
    }

    @Test
    void deletingANamespaceTakesItsSocketsAlong() throws Exception {
        Lab lab = Labs.ns1AndNs2();
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        accept(l);
        lab.step(() -> lab.backend.deleteNamespace("ns2"));
        assertThat(Lab.refused(() -> client.send(new byte[] {1})).errno()).isEqualTo(Errno.ENOTCONN);
    }

    @Test
    void theSameSeedGivesTheSameConnection() {
        List<String> a = chat(Labs.ns1AndNs2());
        List<String> b = chat(Labs.ns1AndNs2());
        assertThat(a).isEqualTo(b);
    }

    private static List<String> chat(Lab lab) {
        Listener l = lab.listen("ns1", 8080);
        Connection client = lab.connect("ns2", "10.0.0.1", 8080);
        say(client, accept(l), "same");
        return client.journeys().stream().flatMap(j -> whats(j).stream()).toList();
    }

    private static List<String> whats(SegmentJourney j) {
        return j.journey().stream().map(h -> h.isDrop() ? "dropped: " + h.drop().orElseThrow() : h.what()).toList();
    }

}
