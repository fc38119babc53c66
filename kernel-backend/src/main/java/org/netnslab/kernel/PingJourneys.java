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

/**
 * A ping's journeys on the kernel, from the lab's packet sockets ({@link PacketHistory}): one in each
 * namespace, on every device ({@code ifindex} 0, the way {@code tcpdump -i any} listens), each opened inside
 * its namespace and never in the machine's own. What they read while the probes run, the echo requests and
 * replies of the ping's ICMP id and the ICMP errors that quote them, make each probe's hops in the order the
 * kernel stamped them. A namespace whose socket could not open (the lab's descriptors spent) is not on them.
 *
 * <p>A probe without an answer ends where it was last seen, with why it died there when the namespace's
 * counters tell ({@link DropCounters}): the kernel's drop reasons proper ({@code skb:kfree_skb}) are a
 * tracepoint of the whole machine, not of a namespace, and are not read.
 */
final class PingJourneys implements AutoCloseable {

    private static final int ETH_HEADER = 14;
    private static final int ETH_P_IP = 0x0800;

    /** No captures: the probes have no journeys. */
    static final PingJourneys NONE = new PingJourneys(null, ns -> Optional.empty(), "", ns -> Optional.empty());

    /** One of the ping's packets as one device saw it. */
    private record Seen(long micros, String namespace, int ifindex, boolean outgoing, int seq, int order,
            String what, String whatAfter) {}

    private final PacketHistory history;
    private final Function<String, Optional<NamespaceState>> states;
    private final String source;
    private final Function<String, Optional<String>> why;
    private final List<Seen> seen = new ArrayList<>();
    private final List<PacketHistory.Read> frames = new ArrayList<>();
    private int id = -1;
    private boolean closed;

    private PingJourneys(PacketHistory history, Function<String, Optional<NamespaceState>> states, String source,
            Function<String, Optional<String>> why) {
        this.history = history;
        this.states = states;
        this.source = source;
        this.why = why;
    }

    /**
     * The journeys of a ping about to start: what the lab's sockets held before it is kept in the history
     * and not on the journeys.
     *
     * @param history the lab's packet sockets
     * @param states each namespace's state, to name its devices by index
     * @param source the namespace that pings
     * @param why why a packet last seen in a namespace died there, when the kernel's counters tell
     */
    static PingJourneys open(PacketHistory history, Function<String, Optional<NamespaceState>> states,
            String source, Function<String, Optional<String>> why) {
        history.read();
        return new PingJourneys(history, states, source, why);
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
        return history != null;
    }

    /** The ICMP id of the ping's echo requests. */
    void id(int icmpId) {
        this.id = icmpId;
    }

    /** Reads what waits in the sockets, so that a long ping does not fill their buffers. */
    void drain() {
        if (history != null) {
            frames.addAll(history.read());
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
            Optional<String> died = why.apply(l.namespace());
            if (died.isPresent()) {
                hops.add(Hop.dropped(l.namespace(), l.device(), died.get()));
            } else {
                hops.add(Hop.pass(l.namespace(), l.device(), "last seen here, " + (last.outgoing() ? "sent on " : "received on ")
                        + l.device() + ": not seen after, and no counter of the namespace's says why"));
            }
        } else if (!answered && capturing()) {
            // never on a link: dropped on its way out of the namespace that pings, by a rule of its OUTPUT
            why.apply(source).ifPresent(w -> hops.add(Hop.dropped(source, "", w)));
        }
        return hops;
    }

    /** Reads what the sockets still hold, and orders the probes' hops; the sockets stay the lab's. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drain();
        for (PacketHistory.Read r : frames) {
            parse(r.namespace().name, r.frame()).ifPresent(seen::add);
        }
        seen.sort(Comparator.comparingLong(Seen::micros).thenComparingInt(Seen::order)
                .thenComparing(s -> !s.outgoing()));
        frames.clear();
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
