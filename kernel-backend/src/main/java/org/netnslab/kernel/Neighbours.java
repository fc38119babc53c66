package org.netnslab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.NeighbourRequest;
import org.netnslab.core.model.Neighbour;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NeighbourMessage;
import org.netnslab.kernel.netlink.NlMsgType;
import org.netnslab.kernel.netlink.NlmFlags;
import org.netnslab.kernel.sys.NetlinkSocket;

/** The ARP table of one namespace over rtnetlink: its dump, and the learner's own entries. */
final class Neighbours {

    private Neighbours() {}

    /**
     * {@code RTM_GETNEIGH} for {@code AF_INET}, in the kernel's order. An entry of several states at once,
     * which the lab has no name for, is left out.
     */
    static List<Neighbour> dump(NetlinkSocket route) throws KernelException {
        List<Neighbour> out = new ArrayList<>();
        for (Message m : NetlinkCalls.dump(route, NeighbourMessage::dump)) {
            if (m.type() != NlMsgType.RTM_NEWNEIGH) {
                continue;
            }
            NeighbourMessage n = NeighbourMessage.parse(m);
            Optional<NudState> state = NudState.of(n.header().state());
            if (n.header().family() != Family.AF_INET || n.destination().isEmpty()
                    || n.destination().get().length != 4 || state.isEmpty()) {
                continue;
            }
            Optional<MacAddress> mac = n.lladdr().filter(b -> b.length == 6).map(b -> MacAddress.fromBytes(b, 0));
            out.add(new Neighbour(Ipv4Address.fromBytes(n.destination().get(), 0), n.header().ifindex(), mac,
                    state.get()));
        }
        return out;
    }

    static void set(NetlinkSocket route, int index, NeighbourRequest request) throws KernelException {
        int modifiers = switch (request.mode()) {
            case ADD -> NlmFlags.CREATE | NlmFlags.EXCL;
            case CHANGE -> NlmFlags.REPLACE;
            case REPLACE -> NlmFlags.CREATE | NlmFlags.REPLACE;
        };
        NetlinkCalls.ack(route, seq -> NeighbourMessage.add(seq, modifiers, index, request.address(),
                request.lladdr(), request.state().bit()));
    }

    static void delete(NetlinkSocket route, int index, Ipv4Address address) throws KernelException {
        NetlinkCalls.ack(route, seq -> NeighbourMessage.delete(seq, index, address));
    }
}
