package org.netnslab.sim;

import org.netnslab.core.model.LinkKind;
import org.netnslab.core.net.MacAddress;

/** One end of a veth pair: what it sends arrives at its peer, when both ends are up. */
final class Veth extends Device {

    Veth peer;

    Veth(long serial, String name, MacAddress mac) {
        super(serial, name, mac);
    }

    @Override
    LinkKind kind() {
        return LinkKind.VETH;
    }

    @Override
    int iflink() {
        return peer == null ? 0 : peer.index;
    }

    @Override
    void xmit(Datapath dp, byte[] frame, Trace trace) {
        dp.vethXmit(this, frame, trace);
    }
}
