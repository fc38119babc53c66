package org.netnslab.sim;

import java.util.ArrayList;
import java.util.List;
import org.netnslab.sim.wire.EtherType;

/** {@code net/bridge/br_forward.c}: a frame out through one port of a bridge, or flooded to all of them. */
final class BrForward {

    /** How long a frame takes across a bridge, in microseconds (made up, like {@link Veth#DELAY}). */
    static final long DELAY = 2;

    private final Datapath dp;

    BrForward(Datapath dp) {
        this.dp = dp;
    }

    /** {@code br_forward}: out through the port, if it forwards ({@code should_deliver}). */
    void forward(Bridge br, Device port, byte[] frame, Trace trace) {
        if (!port.portForwarding) {
            trace.drop(br.ns, port.name, "port " + port.name + " of " + br.name + " is disabled");
            return;
        }
        dp.engine.after(DELAY, Engine.FRAME, () -> dp.dev.queueXmit(port, frame, trace));
    }

    /**
     * {@code br_flood}: to every forwarding port but the one the frame came in on; one hop in the journey, not
     * one a port.
     */
    void flood(Bridge br, Device ingress, byte[] frame, Trace trace) {
        List<Device> out = new ArrayList<>();
        for (Device p : br.ports) {
            if (p != ingress && p.portForwarding) {
                out.add(p);
            }
        }
        if (isIp(frame)) {
            trace.pass(br.ns, br.name, "unknown or broadcast destination: flooded to " + out.size() + " port"
                    + (out.size() == 1 ? "" : "s"));
        }
        for (Device p : out) {
            dp.engine.after(DELAY, Engine.FRAME, () -> dp.dev.queueXmit(p, frame, trace));
        }
    }

    private static boolean isIp(byte[] frame) {
        return frame.length >= 14 && ((frame[12] & 0xff) << 8 | (frame[13] & 0xff)) == EtherType.IPV4;
    }
}
