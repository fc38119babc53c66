package org.netnslab.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.netnslab.core.backend.Hop;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.kernel.icmp.IcmpMessage;
import org.netnslab.kernel.icmp.Ipv4Header;
import org.netnslab.kernel.sys.Namespaces;
import org.netnslab.kernel.sys.PacketSocket;
import org.netnslab.kernel.sys.SyscallException;

/**
 * A ping's journeys on the kernel: while its probes run, one packet socket in each namespace of the lab, on
 * every device ({@code ifindex} 0, the way {@code tcpdump -i any} listens), each opened inside its namespace
 * and never in the machine's own. The echo requests and replies of the ping's ICMP id, and the ICMP errors
 * that quote them, make each probe's hops in the order the kernel stamped them. One descriptor a namespace;
 * when the lab can open no more, there are no journeys and the ping goes on without them.
 *
 * <p>The kernel's drop reasons ({@code skb:kfree_skb}) are a tracepoint of the whole machine, not of a
 * namespace: they are not read here, and a probe without an answer says only where it was last seen.
 */
final class PingJourneys implements AutoCloseable {

    private static final int ETH_HEADER = 14;
    private static final int ETH_P_IP = 0x0800;

    /** No captures: the probes have no journeys. */
    static final PingJourneys NONE = new PingJourneys(List.of(), ns -> Optional.empty());

    private record Tap(String namespace, PacketSocket socket) {}

    /** One of the ping's packets as one device saw it. */
    private record Seen(long micros, String namespace, int ifindex, boolean outgoing, int seq, int order,
            String what, String whatAfter) {}

    private final List<Tap> taps;
    private final Function<String, Optional<NamespaceState>> states;
    private final List<Seen> seen = new ArrayList<>();
    private final List<RawFrame> frames = new ArrayList<>();
    private int id = -1;
    private boolean closed;

    private record RawFrame(String namespace, PacketSocket.Frame frame) {}

    private PingJourneys(List<Tap> taps, Function<String, Optional<NamespaceState>> states) {
        this.taps = taps;
        this.states = states;
    }

    /**
     * Opens a socket in each namespace, or none at all when one cannot be opened (the lab's descriptors
     * spent, a namespace gone).
     *
     * @param namespaces the lab's namespaces by their lab names
     * @param states each namespace's state, to name its devices by index
     */
    static PingJourneys open(Map<String, LabNamespace> namespaces,
            Function<String, Optional<NamespaceState>> states) {
        List<Tap> taps = new ArrayList<>();
        try {
            for (Map.Entry<String, LabNamespace> e : namespaces.entrySet()) {
                taps.add(new Tap(e.getKey(), Namespaces.enter(e.getValue().fd, () -> PacketSocket.open(0))));
            }
        } catch (IOException | RuntimeException e) {
            taps.forEach(t -> t.socket().close());
            return NONE;
        }
        return new PingJourneys(taps, states);
    }

    /** A socket in the host that keeps the kernel stamping frames (see {@link PacketSocket#stamping()}). */
    static Optional<PacketSocket> stamping(LabNamespace host) {
        try {
            return Optional.of(Namespaces.enter(host.fd, PacketSocket::stamping));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the journeys' order may then be the order their sockets were read
        }
    }

    /** Whether the probes will have journeys. */
    boolean capturing() {
        return !taps.isEmpty();
    }

    /** The ICMP id of the ping's echo requests. */
    void id(int icmpId) {
        this.id = icmpId;
    }

    /** Reads what waits in the sockets, so that a long ping does not fill their buffers. */
    void drain() {
        for (Tap t : taps) {
            try {
                PacketSocket.Frame f;
                while ((f = t.socket().read()) != null) {
                    frames.add(new RawFrame(t.namespace(), f));
                }
            } catch (SyscallException e) {
                // a device that went away ends what its socket reads; what was read stays
            }
        }
    }

    /**
     * The hops of the probe with this {@code icmp_seq}, in time order; for a probe not answered, a last hop
     * that says the capture saw it no further. Call after {@link #close()}.
     */
    List<Hop> journey(int icmpSeq, boolean answered) {
        List<Hop> hops = new ArrayList<>();
        Map<String, Optional<NamespaceState>> known = new HashMap<>();
        Seen last = null;
        for (Seen s : seen) {
            if (s.seq() != icmpSeq) {
                continue;
            }
            String device = known.computeIfAbsent(s.namespace(), states).flatMap(st -> st.link(s.ifindex()))
                    .map(Link::name).orElse("if" + s.ifindex());
            hops.add(Hop.pass(s.namespace(), device, s.what() + (s.outgoing() ? " sent on " : " received on ")
                    + device + s.whatAfter()));
            last = s;
        }
        if (!answered && last != null) {
            Hop l = hops.get(hops.size() - 1);
            hops.add(Hop.pass(l.namespace(), l.device(), "last seen here, " + (last.outgoing() ? "sent on " : "received on ")
                    + l.device() + ": not seen after (the kernel's drop reason is not read on this backend)"));
        }
        return hops;
    }

    /** Closes the sockets after reading what they still hold. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drain();
        closeAll();
        for (RawFrame r : frames) {
            parse(r.namespace(), r.frame()).ifPresent(seen::add);
        }
        seen.sort(Comparator.comparingLong(Seen::micros).thenComparingInt(Seen::order)
                .thenComparing(s -> !s.outgoing()));
        frames.clear();
    }

    /**
     * Closes the sockets side by side: each close waits for the kernel's grace period ({@code synchronize_net}
     * in {@code packet_release}), milliseconds each, which one after another would add up to a tenth of a
     * second a ping; side by side they share one.
     */
    private void closeAll() {
        List<Thread> closing = new ArrayList<>();
        for (Tap t : taps) {
            Thread th = new Thread(t.socket()::close, "close-capture-" + t.namespace());
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

    private Optional<Seen> parse(String namespace, PacketSocket.Frame f) {
        byte[] d = f.data();
        if (d.length < ETH_HEADER + Ipv4Header.MIN_LENGTH + IcmpMessage.HEADER) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.BIG_ENDIAN);
        if ((b.getShort(12) & 0xffff) != ETH_P_IP || (b.get(ETH_HEADER) & 0xf0) != 0x40) {
            return Optional.empty();
        }
        b.position(ETH_HEADER);
        Ipv4Header ip = Ipv4Header.parse(b);
        if (ip.protocol() != Ipv4Header.PROTOCOL_ICMP) {
            return Optional.empty();
        }
        Optional<IcmpMessage> icmp = IcmpMessage.parse(b);
        if (icmp.isEmpty()) {
            return Optional.empty();
        }
        IcmpMessage m = icmp.get();
        String addresses = ip.source() + " > " + ip.destination() + ", ttl " + ip.ttl();
        if ((m.type() == IcmpMessage.ECHO || m.type() == IcmpMessage.ECHO_REPLY) && m.id() == id) {
            boolean request = m.type() == IcmpMessage.ECHO;
            return Optional.of(new Seen(f.micros(), namespace, f.ifindex(), f.outgoing(), m.sequence(),
                    request ? 0 : 2, (request ? "echo request" : "echo reply") + " icmp_seq=" + m.sequence(),
                    ", " + addresses));
        }
        if (IcmpMessage.isError(m.type()) && m.quoted().isPresent() && m.quoted().get().type() == IcmpMessage.ECHO
                && m.quoted().get().id() == id) {
            int seq = m.quoted().get().sequence();
            return Optional.of(new Seen(f.micros(), namespace, f.ifindex(), f.outgoing(), seq, 1,
                    "ICMP " + m.describe() + " about icmp_seq=" + seq, ", " + addresses));
        }
        return Optional.empty();
    }
}
