package org.netnslab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.kernel.icmp.IcmpMessage;
import org.netnslab.kernel.icmp.Ipv4Header;
import org.netnslab.kernel.sys.InetSocket;
import org.netnslab.kernel.sys.Namespaces;
import org.netnslab.kernel.sys.SyscallException;

/**
 * ping as iputils does it as root: a UDP socket connected to the destination picks the route and the source
 * (and fails with the route's error: {@code connect: Network is unreachable}), then echo requests on a raw
 * ICMP socket, one every interval, and their replies or the ICMP errors that quote them. Both sockets are
 * made inside the namespace, on a thread of their own, and closed when the ping ends.
 */
final class Pinger {

    private static final int PROBE_PORT = 1025;
    private static final int EMSGSIZE = 90;

    private Pinger() {}

    private record Sockets(InetSocket raw, InetSocket probe) implements AutoCloseable {
        @Override
        public void close() {
            raw.close();
            probe.close();
        }
    }

    static PingResult ping(LabNamespace ns, PingRequest request) throws KernelException {
        return ping(ns, request, () -> PingJourneys.NONE);
    }

    /**
     * A ping whose probes have the journeys the lab's packet sockets saw while they ran, read until the last
     * probe's wait ends.
     */
    static PingResult ping(LabNamespace ns, PingRequest request, Supplier<PingJourneys> captures)
            throws KernelException {
        Sockets sockets = open(ns);
        try (sockets; PingJourneys journeys = captures.get()) {
            return withJourneys(run(sockets, request, journeys), journeys);
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        }
    }

    private static PingResult withJourneys(PingResult result, PingJourneys journeys) {
        if (!journeys.capturing()) {
            return result;
        }
        journeys.close();
        List<Probe> probes = new ArrayList<>();
        for (Probe p : result.probes()) {
            probes.add(new Probe(p.sequence(), p.outcome(), p.from(), p.ttl(), p.rttMicros(), p.error(),
                    journeys.journey(p.icmpSeq(), p.outcome() != Probe.Outcome.LOST)));
        }
        return new PingResult(result.destination(), result.source(), probes, result.pipe());
    }

    private static Sockets open(LabNamespace ns) throws KernelException {
        try {
            return Namespaces.enter(ns.fd, () -> {
                InetSocket raw = InetSocket.rawIcmp();
                try {
                    return new Sockets(raw, InetSocket.udp());
                } catch (IOException e) {
                    raw.close();
                    throw e;
                }
            });
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PingResult run(Sockets s, PingRequest request, PingJourneys journeys) throws SyscallException, KernelException {
        Ipv4Address dst = request.destination();
        if (request.device().isPresent()) {
            s.probe().bindToDevice(request.device().get());
            s.raw().bindToDevice(request.device().get());
        }
        if (request.ttl().isPresent()) {
            s.raw().setTtl(request.ttl().getAsInt());
        }
        if (request.dontFragment()) {
            s.raw().dontFragment();
        }
        if (request.source().isPresent()) {
            try {
                s.probe().bind(request.source().get().toBytes());
                s.raw().bind(request.source().get().toBytes());
            } catch (SyscallException e) {
                throw new KernelException(Errno.of(e.errno()).orElse(Errno.EADDRNOTAVAIL));
            }
        }
        try {
            s.probe().connect(dst.toBytes(), PROBE_PORT);
        } catch (SyscallException e) {
            throw new KernelException(Errno.of(e.errno()).orElse(Errno.ENETUNREACH));
        }
        Ipv4Address source = Ipv4Address.fromBytes(s.probe().localAddress(), 0);
        s.raw().acceptIcmpTypes(IcmpMessage.ECHO_REPLY, IcmpMessage.DEST_UNREACH, IcmpMessage.SOURCE_QUENCH,
                IcmpMessage.REDIRECT, IcmpMessage.TIME_EXCEEDED, IcmpMessage.PARAMETERPROB);

        int count = Math.max(0, request.count());
        int id = ThreadLocalRandom.current().nextInt(1, 0x10000);
        byte[] data = request.data();
        journeys.id(id);
        Outstanding out = new Outstanding(id, dst, count);
        byte[] buf = new byte[65536];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            receiveUntil(s.raw(), buf, start + i * request.intervalMillis() * 1_000_000L, out, false);
            journeys.drain();
            out.sentAt[i] = System.nanoTime();
            out.sent[i] = true;
            out.transmitted = i + 1;
            try {
                s.raw().sendTo(IcmpMessage.echoRequest(id, i + 1, System.currentTimeMillis() * 1000, data),
                        dst.toBytes());
            } catch (SyscallException e) {
                out.probes[i] = e.errno() == EMSGSIZE && request.dontFragment()
                        ? Probe.localError(i + 1, "local error: message too long, mtu=" + s.probe().pathMtu(), List.of())
                        : Probe.lost(i + 1, List.of());
            }
        }
        long deadline = (count == 0 ? start : out.sentAt[count - 1]) + request.timeoutMillis() * 1_000_000L;
        while (out.waiting() && System.nanoTime() < deadline) {
            receiveUntil(s.raw(), buf, deadline, out, true);
        }
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            probes.add(out.probes[i] != null ? out.probes[i] : Probe.lost(i + 1, List.of()));
        }
        return new PingResult(dst, Optional.of(source), probes, out.pipe);
    }

    /** The echo requests of one ping, and what became of each so far. */
    private static final class Outstanding {
        final int id;
        final Ipv4Address destination;
        final Probe[] probes;
        final long[] sentAt;
        final boolean[] sent;
        int transmitted;
        /** iputils' pipe size: the most requests out when an answer came, the answered one included. */
        int pipe = 1;

        Outstanding(int id, Ipv4Address destination, int count) {
            this.id = id;
            this.destination = destination;
            this.probes = new Probe[count];
            this.sentAt = new long[count];
            this.sent = new boolean[count];
        }

        boolean waiting() {
            for (Probe p : probes) {
                if (p == null) {
                    return true;
                }
            }
            return false;
        }

        void answered(int seq, Probe probe) {
            probes[seq - 1] = probe;
            pipe = Math.max(pipe, transmitted - seq + 1);
        }

        /**
         * The probe an answer is for: the last one sent whose number, in the 16 bits of {@code icmp_seq}, is
         * the answer's, so that every probe past the 65,535th is counted too.
         */
        int probe(int icmpSeq) {
            return transmitted - ((transmitted - icmpSeq) & 0xffff);
        }

        boolean open(int seq) {
            int i = seq - 1;
            return i >= 0 && i < probes.length && sent[i] && probes[i] == null;
        }
    }

    /**
     * Reads what comes until the given moment, or until every request has its answer when
     * {@code whileWaiting}, and notes each answer to one of this ping's requests.
     */
    private static void receiveUntil(InetSocket raw, byte[] buf, long untilNanos, Outstanding out,
            boolean whileWaiting) throws SyscallException {
        while (!whileWaiting || out.waiting()) {
            long left = untilNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            int n = raw.receive(buf, Math.max(1, (left + 999_999) / 1_000_000));
            if (n < Ipv4Header.MIN_LENGTH) {
                continue;
            }
            long now = System.nanoTime();
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            Ipv4Header ip = Ipv4Header.parse(b);
            Optional<IcmpMessage> icmp = IcmpMessage.parse(b);
            if (icmp.isEmpty()) {
                continue;
            }
            IcmpMessage m = icmp.get();
            if (m.type() == IcmpMessage.ECHO_REPLY && m.id() == out.id && out.open(out.probe(m.sequence()))) {
                int seq = out.probe(m.sequence());
                out.answered(seq, Probe.reply(seq, ip.source(), ip.ttl(), (now - out.sentAt[seq - 1]) / 1000,
                        List.of()));
            } else if (IcmpMessage.isError(m.type()) && m.type() != IcmpMessage.REDIRECT
                    && m.type() != IcmpMessage.SOURCE_QUENCH && m.quoted().isPresent()) {
                IcmpMessage.Quoted q = m.quoted().get();
                boolean ours = q.type() == IcmpMessage.ECHO && q.id() == out.id
                        && q.ip().destination().equals(out.destination);
                int seq = out.probe(q.sequence());
                if (ours && out.open(seq)) {
                    out.answered(seq, Probe.error(seq, ip.source(), m.describe(), List.of()));
                }
            }
        }
    }
}
