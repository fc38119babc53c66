package org.netnslab.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.tcpdump.Checksums;
import org.netnslab.kernel.netlink.LinkMessage;
import org.netnslab.kernel.sys.PacketSocket;
import org.netnslab.kernel.sys.SyscallException;

/**
 * The lab's packets since it began, as {@code tcpdump -i any} in each namespace would have seen them had it run
 * all along: one packet socket a namespace, on every device ({@code ifindex} 0, which makes no device
 * promiscuous), opened inside the namespace as it is made ({@link LabNamespace#packets}) and never in the
 * machine's own. What the sockets hold is read whenever the backend is asked for packets (a ping's journeys, a
 * download, a snapshot), often enough that a socket's receive buffer does not fill between two reads in a
 * lesson's steps; each frame is kept under the name its device had when it was read, with any TCP or UDP
 * checksum its device was left to fill filled.
 *
 * <p>One descriptor a namespace: a lab that can open no more keeps no packets of that namespace and goes on.
 * A bounded number of frames and bytes is kept for the whole lab, the oldest dropped first.
 */
final class PacketHistory implements AutoCloseable {

    /** How many frames of the whole lab are kept, as many as the simulator keeps. */
    static final int FRAMES = 4096;
    /** How many bytes of frames the lab keeps: a few pings of 64 KB do not take a lab's memory. */
    static final long BYTES = 4L << 20;
    private static final int LOOPBACK_INDEX = 1;

    /** A frame read, with the namespace whose socket read it. */
    record Read(LabNamespace namespace, PacketSocket.Frame frame) {}

    private record Kept(LabNamespace namespace, CapturedFrame frame, long mark) {}

    private final Map<LabNamespace, PacketSocket> sockets = new LinkedHashMap<>();
    private final Deque<Kept> kept = new ArrayDeque<>();
    private long bytes;
    /** How many frames were kept since the lab began, dropped ones too. */
    private long taken;

    /** Starts keeping the packets of a new namespace: its socket, when it could open one ({@link LabNamespace#packets}). */
    void watch(LabNamespace ns) {
        ns.packets.ifPresent(socket -> sockets.put(ns, socket));
    }

    /** Whether the packets of this namespace are kept. */
    boolean watching(LabNamespace ns) {
        return sockets.containsKey(ns);
    }

    /** Reads what waits, keeps it, and gives it to the caller too (a ping's journeys). */
    List<Read> read() {
        List<Read> out = new ArrayList<>();
        for (Map.Entry<LabNamespace, PacketSocket> e : sockets.entrySet()) {
            LabNamespace ns = e.getKey();
            try {
                PacketSocket.Frame f;
                while ((f = e.getValue().read()) != null) {
                    out.add(new Read(ns, f));
                    keep(ns, f);
                }
            } catch (SyscallException ex) {
                // a device that went away ends what its socket reads (ENETDOWN); what was read stays
            }
        }
        return out;
    }

    private void keep(LabNamespace ns, PacketSocket.Frame f) {
        if (f.outgoing() && f.ifindex() == LOOPBACK_INDEX) {
            return; // on lo each packet passes twice; a capture on lo shows it once, as it comes in
        }
        String device = Optional.ofNullable(ns.mirror.links.get(f.ifindex())).map(LinkMessage::name)
                .orElse("if" + f.ifindex());
        // a checksum left to the device is filled, as the wire carries it: a download shows none "incorrect"
        byte[] frame = f.checksumNotReady() ? Checksums.filled(f.data()) : f.data();
        kept.addLast(new Kept(ns, new CapturedFrame(f.micros(), device, f.ifindex(), f.outgoing(), frame), taken++));
        bytes += frame.length;
        while (kept.size() > FRAMES || bytes > BYTES) {
            bytes -= kept.removeFirst().frame().frame().length;
        }
    }

    /** How many frames were kept so far, after reading what waits: a mark for {@link #of}. */
    long mark() {
        read();
        return taken;
    }

    /** The frames kept of one device of a namespace from {@code mark} on, oldest first, after reading what waits. */
    List<CapturedFrame> of(LabNamespace ns, String device, long mark) {
        read();
        List<CapturedFrame> out = new ArrayList<>();
        for (Kept k : kept) {
            if (k.mark() >= mark && k.namespace() == ns && k.frame().device().equals(device)) {
                out.add(k.frame());
            }
        }
        return out;
    }

    /** A namespace goes: what its socket still holds is kept, and the socket closes. */
    void forget(LabNamespace ns) {
        read();
        PacketSocket s = sockets.remove(ns);
        if (s != null) {
            s.close();
        }
    }

    /**
     * Closes every socket, side by side: each close waits for the kernel's grace period
     * ({@code synchronize_net} in {@code packet_release}), milliseconds each, which one after another would add
     * up for a lab of many namespaces; side by side they share one.
     */
    @Override
    public void close() {
        closeAll(List.copyOf(sockets.values()));
        sockets.clear();
        kept.clear();
        bytes = 0;
    }

    /** Closes the sockets, each on a thread of its own, and waits for all of them. */
    static void closeAll(List<PacketSocket> sockets) {
        List<Thread> closing = new ArrayList<>();
        for (PacketSocket s : sockets) {
            Thread th = new Thread(s::close, "close-capture");
            th.setDaemon(true);
            th.start();
            closing.add(th);
        }
        boolean interrupted = false;
        for (Thread th : closing) {
            while (true) {
                try {
                    th.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
