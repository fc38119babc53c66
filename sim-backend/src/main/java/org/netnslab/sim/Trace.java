package org.netnslab.sim;

import java.util.ArrayList;
import java.util.List;
import org.netnslab.core.backend.Hop;

/**
 * The journey of one probe: every step its request, its reply and any error about it took. Frames carry
 * the trace of the packet they belong to; {@link #NONE} is for frames that belong to no probe.
 */
final class Trace {

    static final Trace NONE = new Trace(false);

    private final boolean recording;
    private final List<Hop> hops = new ArrayList<>();

    private Trace(boolean recording) {
        this.recording = recording;
    }

    static Trace start() {
        return new Trace(true);
    }

    void pass(Namespace ns, String device, String what) {
        if (recording) {
            hops.add(Hop.pass(ns.name(), device, what));
        }
    }

    void drop(Namespace ns, String device, String why) {
        if (recording) {
            hops.add(Hop.dropped(ns.name(), device, why));
        }
    }

    List<Hop> hops() {
        return List.copyOf(hops);
    }
}
