package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.net.MacAddress;
import org.netnslab.sim.wire.EtherType;
import org.netnslab.sim.wire.EthernetFrame;
import org.netnslab.sim.wire.WireFormatException;

/** {@code net/bridge/br_input.c}: a frame a bridge port received, up to the bridge's own stack or on. */
final class BrInput {

    private final Datapath dp;

    BrInput(Datapath dp) {
        this.dp = dp;
    }

    /** {@code br_handle_frame}: learn, then deliver up, forward, or flood. */
    void handleFrame(Bridge br, Device port, byte[] frame, Trace trace) {
        Namespace ns = br.ns;
        EthernetFrame f;
        try {
            f = dp.dev.parse(frame);
        } catch (WireFormatException e) {
            return;
        }
        boolean ip = f.etherType() == EtherType.IPV4;
        String what = ip ? "" : "ARP " + (f.destination().isMulticast() ? "request " : "") + "dropped: ";
        if (!br.adminUp) {
            trace.drop(ns, br.name, what + "bridge " + br.name + " is down: it forwards nothing");
            return;
        }
        if (!port.portForwarding) {
            trace.drop(ns, port.name, what + "port " + port.name + " of " + br.name + " is disabled");
            return;
        }
        boolean promiscuous = dp.taps.watching(br);
        if (promiscuous) {
            dp.taps.promiscuous(br, frame);
        }
        br.fdbUpdate(port, f.source(), dp.engine.now());
        MacAddress dst = f.destination();
        if (dst.isMulticast()) {
            dp.brForward.flood(br, port, frame, trace);
            passFrameUp(br, f, frame, !promiscuous, trace);
            return;
        }
        if (br.isLocal(dst)) {
            if (ip) {
                trace.pass(ns, br.name, "from port " + port.name + " up to " + br.name + "'s own stack");
            }
            passFrameUp(br, f, frame, !promiscuous, trace);
            return;
        }
        Optional<Device> out = br.fdbGet(dst, dp.engine.now());
        if (ip && !dp.nf.bridged(br, f, trace)) {
            return;
        }
        if (out.isEmpty()) {
            dp.brForward.flood(br, port, frame, trace);
        } else if (out.get() != port) {
            if (ip) {
                trace.pass(ns, br.name, "bridged from port " + port.name + " to port " + out.get().name);
            }
            dp.brForward.forward(br, out.get(), frame, trace);
        }
    }

    /** {@code br_pass_frame_up}: the bridge device receives the frame, for its namespace's stack. */
    private void passFrameUp(Bridge br, EthernetFrame f, byte[] frame, boolean tap, Trace trace) {
        if (tap) {
            dp.taps.receive(br, frame);
        }
        dp.dev.deliver(br, f, true, trace);
    }
}
