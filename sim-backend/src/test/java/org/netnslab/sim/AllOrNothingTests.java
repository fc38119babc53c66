package org.netnslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netnslab.sim.Lab.HOST;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.LabState;
import org.netnslab.core.net.Ipv4Cidr;

/** A refused operation changes nothing: the lab's state after equals the state before, in every namespace. */
class AllOrNothingTests {

    interface Refusal {
        void attempt(SimBackend b) throws KernelException;
    }

    /** Lesson 1's lab, with a bridge, a port and a masquerade rule, so that every kind of thing is there. */
    static Lab lab() {
        return Labs.blueWiredToHost().bridge(HOST, "br0").up(HOST, "br0").vethPair(HOST, "p0", "p1")
                .master(HOST, "p0", "br0").masquerade(HOST, "10.0.0.0/24", "eth0").bridge("blue", "p1");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a namespace that exists", Errno.EEXIST, (Refusal) b -> b.addNamespace("blue")),
                Arguments.of("a veth whose peer name is taken", Errno.EEXIST,
                        (Refusal) b -> b.addVeth(HOST, "new0", "veth0", Optional.empty())),
                Arguments.of("a veth named like its peer", Errno.EEXIST,
                        (Refusal) b -> b.addVeth(HOST, "same", "same", Optional.empty())),
                Arguments.of("a veth whose peer name is taken over there", Errno.EEXIST,
                        (Refusal) b -> b.addVeth(HOST, "new0", "veth1", Optional.of("blue"))),
                Arguments.of("a bridge named like a link", Errno.EEXIST, (Refusal) b -> b.addBridge(HOST, "eth0")),
                Arguments.of("lo to another namespace", Errno.EINVAL, (Refusal) b -> b.setLinkNamespace(HOST, "lo", "blue")),
                Arguments.of("a bridge to another namespace", Errno.EINVAL,
                        (Refusal) b -> b.setLinkNamespace(HOST, "br0", "blue")),
                Arguments.of("a link to where its name is taken", Errno.EEXIST,
                        (Refusal) b -> b.setLinkNamespace(HOST, "p1", "blue")),
                Arguments.of("a bridge into a bridge", Errno.ELOOP, (Refusal) b -> {
                    b.addBridge(HOST, "br1");
                    b.setMaster(HOST, "br1", Optional.of("br0"));
                }),
                Arguments.of("lo into a bridge", Errno.EINVAL, (Refusal) b -> b.setMaster(HOST, "lo", Optional.of("br0"))),
                Arguments.of("a veth as a master", Errno.EOPNOTSUPP,
                        (Refusal) b -> b.setMaster(HOST, "p1", Optional.of("veth0"))),
                Arguments.of("deleting lo", Errno.EOPNOTSUPP, (Refusal) b -> b.deleteLink(HOST, "lo")),
                Arguments.of("an address already there", Errno.EEXIST,
                        (Refusal) b -> b.addAddress(HOST, "veth0", Ipv4Cidr.parse("10.0.0.1/24"))),
                Arguments.of("deleting an address that is not there", Errno.EADDRNOTAVAIL,
                        (Refusal) b -> b.deleteAddress(HOST, "veth0", Ipv4Cidr.parse("10.0.0.9/24"))),
                Arguments.of("a route that exists", Errno.EEXIST,
                        (Refusal) b -> b.addRoute(HOST, Lab.spec("10.0.0.0/24", Optional.empty(), Optional.of("veth0")))),
                Arguments.of("a route through a gateway on no link", Errno.ENETUNREACH,
                        (Refusal) b -> b.addRoute(HOST, Lab.spec("10.7.0.0/16", Optional.of("172.16.0.1"), Optional.empty()))),
                Arguments.of("a route through a link that is down", Errno.ENETDOWN,
                        (Refusal) b -> b.addRoute(HOST, Lab.spec("10.7.0.0/16", Optional.empty(), Optional.of("p1")))),
                Arguments.of("deleting a route that is not there", Errno.ESRCH,
                        (Refusal) b -> b.deleteRoute(HOST, Lab.spec("10.7.0.0/16", Optional.empty(), Optional.empty()))),
                Arguments.of("deleting a rule that is not there", Errno.ENOENT,
                        (Refusal) b -> b.deleteMasquerade(HOST, Lab.rule(null, "eth0"))),
                Arguments.of("a link in a namespace that is not there", Errno.ENOENT,
                        (Refusal) b -> b.addBridge("nowhere", "br9")),
                Arguments.of("a link that is not there", Errno.ENODEV, (Refusal) b -> b.setLinkUp(HOST, "nothing", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalLeavesTheLabAsItWas(String what, Errno errno, Refusal refusal) throws Exception {
        Lab lab = lab();
        SimBackend b = lab.backend;
        if (what.equals("a bridge into a bridge")) {
            b.addBridge(HOST, "br1");
            refusal = x -> x.setMaster(HOST, "br1", Optional.of("br0"));
        }
        LabState before = b.snapshot();
        Refusal r = refusal;
        KernelException e = Lab.refused(() -> r.attempt(b));
        assertThat(e.errno()).isEqualTo(errno);
        assertThat(b.snapshot()).isEqualTo(before);
    }

    @Test
    void aRefusedPingChangesNothingEither() {
        Lab lab = lab();
        LabState before = lab.backend.snapshot();
        Lab.refused(() -> lab.backend.ping("blue", org.netnslab.core.backend.PingRequest.of(
                org.netnslab.core.net.Ipv4Address.parse("198.51.100.8"), 1)));
        assertThat(lab.backend.snapshot()).isEqualTo(before);
    }

    @Test
    void likeTheKernelAPortAskedOntoAMasterThatRefusesHasLeftItsBridgeFirst() {
        Lab lab = lab();
        KernelException e = Lab.refused(() -> lab.backend.setMaster(HOST, "p0", Optional.of("veth0")));
        assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
        assertThat(lab.link(HOST, "p0").master()).as("do_set_master: ndo_del_slave, then ndo_add_slave").isEmpty();
    }
}
