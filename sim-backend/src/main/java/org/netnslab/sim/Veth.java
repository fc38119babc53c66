package org.netnslab.sim;

import org.netnslab.core.model.LinkKind;
import org.netnslab.core.net.MacAddress;

/** One end of a veth pair: what it sends arrives at its peer, when both ends are up. */
final class Veth extends Device {

    /** How long a frame takes through a veth pair, in microseconds (made up, and the same every time). */
    static final long DELAY = 9;

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

    /** {@code veth_xmit}: the frame arrives at the peer, a veth's delay later. */
    @Override
    void xmit(Datapath dp, byte[] frame, Trace trace) {
        // the peer of the moment: were the pair deleted in flight, the frame still goes to the old peer, which drops it
        Veth to = peer;
        dp.engine.after(DELAY, Engine.FRAME, () -> dp.dev.receive(to, frame, trace));
    }
}
