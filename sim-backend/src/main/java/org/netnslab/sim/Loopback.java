package org.netnslab.sim;

import org.netnslab.core.model.LinkKind;
import org.netnslab.core.net.MacAddress;

/** {@code lo}: every namespace has one, ifindex 1; what it sends, it receives. */
final class Loopback extends Device {

    /** How long a frame takes to come back, in microseconds (made up, like {@link Veth#DELAY}). */
    static final long DELAY = 4;

    Loopback(long serial) {
        super(serial, "lo", MacAddress.ZERO);
    }

    @Override
    LinkKind kind() {
        return LinkKind.LOOPBACK;
    }

    @Override
    int defaultMtu() {
        return 65536;
    }

    /** loopback_setup sets no range: any mtu from 0 up is taken. */
    @Override
    int minMtu() {
        return 0;
    }

    @Override
    int maxMtu() {
        return 0;
    }

    /** {@code loopback_xmit}: the frame arrives back at {@code lo}, a loopback's delay later. */
    @Override
    void xmit(Datapath dp, byte[] frame, Trace trace) {
        dp.engine.after(DELAY, Engine.FRAME, () -> dp.dev.receive(this, frame, trace));
    }
}
