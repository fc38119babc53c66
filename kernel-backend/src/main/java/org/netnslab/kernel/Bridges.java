package org.netnslab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.BridgeOptions;
import org.netnslab.core.model.BridgePort;
import org.netnslab.core.model.FdbEntry;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.MacAddress;
import org.netnslab.kernel.netlink.BridgeMessages;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.IflaBrAttr;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NlMsgType;
import org.netnslab.kernel.sys.NetlinkSocket;

/** One namespace's bridges over rtnetlink's {@code PF_BRIDGE} views: ports and forwarding databases. */
final class Bridges {

    private Bridges() {}

    /** The {@code AF_BRIDGE} link dump: each port with its protinfo. */
    static List<BridgePort> ports(NetlinkSocket route) throws KernelException {
        List<BridgePort> out = new ArrayList<>();
        for (Message m : NetlinkCalls.dump(route, BridgeMessages::portDump)) {
            if (m.type() != NlMsgType.RTM_NEWLINK) {
                continue;
            }
            Optional<BridgeMessages.Port> p = BridgeMessages.Port.parse(m);
            if (p.isEmpty() || p.get().state() >= BridgePort.State.values().length) {
                continue;
            }
            out.add(new BridgePort(p.get().index(), BridgePort.State.values()[p.get().state()], p.get().priority(),
                    p.get().cost()));
        }
        return out;
    }

    /**
     * The {@code PF_BRIDGE} neighbour dump, in the kernel's order. An entry of several states at once, which
     * the lab has no name for, is left out.
     */
    static List<FdbEntry> fdb(NetlinkSocket route) throws KernelException {
        List<FdbEntry> out = new ArrayList<>();
        for (Message m : NetlinkCalls.dump(route, BridgeMessages::fdbDump)) {
            if (m.type() != NlMsgType.RTM_NEWNEIGH) {
                continue;
            }
            BridgeMessages.Fdb f = BridgeMessages.Fdb.parse(m);
            Optional<NudState> state = NudState.of(f.header().state());
            if (f.header().family() != Family.AF_BRIDGE || f.lladdr().isEmpty() || state.isEmpty()) {
                continue;
            }
            out.add(new FdbEntry(f.lladdr().get(), f.header().ifindex(), f.master(), f.self(), state.get()));
        }
        return out;
    }

    static void changelink(NetlinkSocket route, int index, BridgeOptions o) throws KernelException {
        Map<IflaBrAttr, Long> data = new LinkedHashMap<>();
        o.forwardDelay().ifPresent(v -> data.put(IflaBrAttr.FORWARD_DELAY, v));
        o.helloTime().ifPresent(v -> data.put(IflaBrAttr.HELLO_TIME, v));
        o.maxAge().ifPresent(v -> data.put(IflaBrAttr.MAX_AGE, v));
        o.ageingTime().ifPresent(v -> data.put(IflaBrAttr.AGEING_TIME, v));
        o.stpState().ifPresent(v -> data.put(IflaBrAttr.STP_STATE, v));
        o.priority().ifPresent(v -> data.put(IflaBrAttr.PRIORITY, (long) v));
        NetlinkCalls.ack(route, seq -> BridgeMessages.changelink(seq, index, data));
    }

    static void delete(NetlinkSocket route, int index, MacAddress mac, boolean self) throws KernelException {
        NetlinkCalls.ack(route, seq -> BridgeMessages.fdbDelete(seq, index, mac, self));
    }
}
