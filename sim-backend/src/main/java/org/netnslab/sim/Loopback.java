package org.netnslab.sim;

import org.netnslab.core.model.LinkKind;
import org.netnslab.core.net.MacAddress;

/** {@code lo}: every namespace has one, ifindex 1; what it sends, it receives. */
final class Loopback extends Device {

    Loopback(long serial) {
        super(serial, "lo", MacAddress.ZERO);
    }

    @Override
    LinkKind kind() {
        return LinkKind.LOOPBACK;
    }

    @Override
    int mtu() {
        return 65536;
    }

    @Override
    void xmit(Datapath dp, byte[] frame, Trace trace) {
        dp.loopbackXmit(this, frame, trace);
    }
}
