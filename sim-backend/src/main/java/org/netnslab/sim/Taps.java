package org.netnslab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.netnslab.core.backend.Capture;
import org.netnslab.core.backend.CapturedFrame;

/**
 * {@code dev_queue_xmit_nit} and the {@code ptype_all} taps of {@code __netif_receive_skb_core}: what a packet
 * socket sees of a device, both ways, before the bridge takes a port's frames. A bridge device that a capture
 * watches is promiscuous, as tcpdump makes it: every frame that comes in on one of its ports reaches it too
 * ({@code br_handle_frame_finish}'s {@code local_rcv}). Frames are shared, never copied: no one writes into a
 * frame once it is sent. The lab keeps every device's frames since it began, the
 * most recent {@link #HISTORY} of them, for a capture to download.
 */
final class Taps {

    /** The moment the lab's clock starts: 2026-01-01 00:00:00 UTC, in microseconds since the epoch. */
    static final long EPOCH = 1_767_225_600_000_000L;

    /** How many frames of the whole lab the history keeps. */
    static final int HISTORY = 4096;

    /** A frame of the history: where it was seen, and how many the history had taken in before it. */
    record Seen(String namespace, CapturedFrame frame, long mark) {}

    private final Engine engine;
    private final List<SimCapture> open = new ArrayList<>();
    private final Deque<Seen> history = new ArrayDeque<>();
    /** How many frames the history has taken in since the lab began, dropped ones too. */
    private long taken;

    Taps(Engine engine) {
        this.engine = engine;
    }

    /** A device sends a frame. */
    void xmit(Device dev, byte[] frame) {
        seen(dev, frame, true, true);
    }

    /** A device receives a frame. */
    void receive(Device dev, byte[] frame) {
        seen(dev, frame, false, true);
    }

    /** A frame comes in on a port of a promiscuous bridge: the bridge's captures see it, the history does not. */
    void promiscuous(Bridge br, byte[] frame) {
        seen(br, frame, false, false);
    }

    /** Whether a capture watches this device by name, which makes it promiscuous. */
    boolean watching(Device dev) {
        for (SimCapture c : open) {
            if (c.ns == dev.ns && c.device != null && c.device.equals(dev.name)) {
                return true;
            }
        }
        return false;
    }

    private void seen(Device dev, byte[] frame, boolean outgoing, boolean kept) {
        if (dev.ns == null) {
            return;
        }
        CapturedFrame f = new CapturedFrame(EPOCH + engine.now(), dev.name, dev.index, outgoing, frame);
        if (kept && !(outgoing && dev.isLoopback())) {
            history.addLast(new Seen(dev.ns.name(), f, taken++));
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        for (SimCapture c : open) {
            if (c.ns == dev.ns && (c.device == null || c.device.equals(dev.name)) && (kept || c.device != null)) {
                c.frames.add(f);
            }
        }
    }

    Capture open(Namespace ns, String device) {
        SimCapture c = new SimCapture(ns, device.equals("any") ? null : device);
        open.add(c);
        return c;
    }

    /** How many frames the history has taken in so far. */
    long mark() {
        return taken;
    }

    /** The history of one device of a namespace, by the lab's names, from {@code mark} on. */
    List<CapturedFrame> history(String ns, String device, long mark) {
        List<CapturedFrame> out = new ArrayList<>();
        for (Seen s : history) {
            if (s.mark() >= mark && s.namespace().equals(ns) && s.frame().device().equals(device)) {
                out.add(s.frame());
            }
        }
        return out;
    }

    /** A packet socket: what its device saw since it opened, until it is read. */
    private final class SimCapture implements Capture {
        final Namespace ns;
        /** By name, as a socket bound to an index would follow its device; null for every device. */
        final String device;
        final List<CapturedFrame> frames = new ArrayList<>();

        SimCapture(Namespace ns, String device) {
            this.ns = ns;
            this.device = device;
        }

        @Override
        public List<CapturedFrame> read() {
            List<CapturedFrame> out = List.copyOf(frames);
            frames.clear();
            return out;
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
