package org.netnslab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.sim.wire.IcmpPacket;
import org.netnslab.sim.wire.Ipv4Packet;

/**
 * iputils ping on a raw ICMP socket: a request every interval, each with its sequence number, and the
 * answers as they come. It exits when every request has been answered (a reply or an error), or once it has
 * waited long enough after the last one: {@code -W} (10 s by default) when nothing came back yet, else the
 * interval ({@code __schedule_exit}). What arrives after that is lost to it.
 */
final class Pinger implements PingSocket.Listener {

    /** The data iputils sends ({@code -s}, 56 bytes by default): a timeval when it fits, then a counting pattern. */
    private final byte[] data;
    /** The echo request's own header: type, code, checksum, id, sequence. */
    private static final int ICMP_HEADER = 8;

    private final Engine engine;
    private final IpOutput ipOutput;
    private final Neigh neigh;
    private final Namespace ns;
    private final PingRequest request;
    private final Routing.Route route;
    private final Optional<Device> device;
    private final int id;

    private final long[] sentAt;
    private final Trace[] traces;
    private final Probe.Outcome[] outcome;
    private final Ipv4Address[] from;
    private final int[] ttl;
    private final long[] rtt;
    private final String[] error;
    private int received;
    private int errors;
    private int transmitted;
    private int pipe = 1;
    private long exitAt = Long.MAX_VALUE;

    Pinger(Engine engine, IpOutput ipOutput, Neigh neigh, Namespace ns, PingRequest request, Routing.Route route,
            Optional<Device> device, int id) {
        this.engine = engine;
        this.ipOutput = ipOutput;
        this.neigh = neigh;
        this.ns = ns;
        this.request = request;
        this.data = request.data();
        this.route = route;
        this.device = device;
        this.id = id;
        int n = Math.max(0, request.count());
        sentAt = new long[n];
        traces = new Trace[n];
        outcome = new Probe.Outcome[n];
        from = new Ipv4Address[n];
        ttl = new int[n];
        rtt = new long[n];
        error = new String[n];
    }

    PingResult run() {
        int n = sentAt.length;
        PingSocket socket = new PingSocket(id, device, this);
        ns.sockets.put(id, socket);
        long start = engine.now();
        long interval = Math.max(1, request.intervalMillis()) * Engine.MILLIS;
        for (int i = 0; i < n; i++) {
            int seq = i + 1;
            engine.schedule(start + i * interval, Engine.APP, () -> send(seq));
        }
        if (n > 0) {
            long last = start + (n - 1) * interval;
            engine.schedule(last, Engine.APP, this::scheduleExit);
        }
        // ping exits when it is done; what it set going (an ARP request that waits for its answer, a late
        // reply) goes on in the lab's time, after it
        engine.runWhile(() -> exitAt);
        for (int i = 0; i < n; i++) {
            Trace t = traces[i];
            if (t != null && outcome[i] == null) {
                neigh.holding(t).ifPresent(e -> t.drop(e.dev.ns, e.dev.name, "no ARP reply from " + e.address
                        + " yet when ping stopped waiting (neighbour INCOMPLETE)"));
            }
        }
        socket.open = false;
        ns.sockets.remove(id, socket);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<org.netnslab.core.backend.Hop> journey = traces[i] == null ? List.of() : traces[i].hops();
            if (outcome[i] == Probe.Outcome.REPLY) {
                probes.add(Probe.reply(i + 1, from[i], ttl[i], rtt[i], journey));
            } else if (outcome[i] == Probe.Outcome.ERROR && from[i] == null) {
                probes.add(Probe.localError(i + 1, error[i], journey));
            } else if (outcome[i] == Probe.Outcome.ERROR) {
                probes.add(Probe.error(i + 1, from[i], error[i], journey));
            } else {
                probes.add(Probe.lost(i + 1, journey));
            }
        }
        return new PingResult(request.destination(), route.source(), probes, pipe);
    }

    private void send(int seq) {
        if (engine.now() >= exitAt) {
            return;
        }
        int i = seq - 1;
        Trace trace = Trace.start();
        traces[i] = trace;
        sentAt[i] = engine.now();
        transmitted++;
        Ipv4Address src = request.source().or(route::source).orElse(Ipv4Address.ANY);
        int mtu = route.dev().mtu();
        if (request.dontFragment() && Ipv4Packet.HEADER_LENGTH + ICMP_HEADER + data.length > mtu) {
            // IP_PMTUDISC_DO: ip_append_data refuses what does not fit, EMSGSIZE, and ip_local_error tells ping
            outcome[i] = Probe.Outcome.ERROR;
            error[i] = "local error: message too long, mtu=" + mtu;
            errors++;
            trace.drop(ns, route.dev().name, "larger than the mtu of " + route.dev().name + " (" + mtu
                    + "), and -M do forbids fragments: message too long [PKT_TOO_BIG]");
            checkDone();
            return;
        }
        IcmpPacket echo = IcmpPacket.echoRequest(id, seq, data);
        int ttl = request.ttl().orElse(IpOutput.DEFAULT_TTL);
        Ipv4Packet packet = new Ipv4Packet(0, ns.nextIpIdent(), Ipv4Packet.DONT_FRAGMENT, ttl,
                Ipv4Packet.PROTO_ICMP, src, request.destination(), echo.toBytes());
        trace.pass(ns, route.dev().name, "echo request icmp_seq=" + seq + " sent, " + src + " > "
                + request.destination() + ", ttl " + ttl);
        ipOutput.localOut(ns, packet, route, trace);
    }

    /** {@code __schedule_exit}, called once the last request is out. */
    private void scheduleExit() {
        long wait = received > 0
                ? Math.max(2 * maxRtt(), Math.max(1, request.intervalMillis()) * Engine.MILLIS)
                : Math.max(0, request.timeoutMillis()) * Engine.MILLIS;
        exitAt = Math.min(exitAt, engine.now() + wait);
        checkDone();
    }

    private long maxRtt() {
        long m = 0;
        for (int i = 0; i < rtt.length; i++) {
            if (outcome[i] == Probe.Outcome.REPLY) {
                m = Math.max(m, rtt[i]);
            }
        }
        return m;
    }

    private void checkDone() {
        if (received + errors >= sentAt.length) {
            exitAt = Math.min(exitAt, engine.now());
        }
    }

    /**
     * The probe an answer is for: the last one sent whose number, in the 16 bits of {@code icmp_seq}, is the
     * answer's, so that every probe past the 65,535th is counted too.
     */
    private int probe(int icmpSeq) {
        return transmitted - ((transmitted - icmpSeq) & 0xffff);
    }

    private boolean late(int seq, long tick, Trace trace) {
        if (seq < 1 || seq > sentAt.length || traces[seq - 1] == null || outcome[seq - 1] != null) {
            return true;
        }
        if (tick > exitAt) {
            trace.drop(ns, "", "arrived after ping had stopped waiting");
            return true;
        }
        // acknowledge(): how many requests were out, this one included
        pipe = Math.max(pipe, transmitted - seq + 1);
        return false;
    }

    @Override
    public void reply(int icmpSeq, Ipv4Address who, int replyTtl, long tick, Trace trace) {
        int seq = probe(icmpSeq);
        if (late(seq, tick, trace)) {
            return;
        }
        int i = seq - 1;
        outcome[i] = Probe.Outcome.REPLY;
        from[i] = who;
        ttl[i] = replyTtl;
        rtt[i] = Math.max(1, tick - sentAt[i]);
        received++;
        checkDone();
    }

    @Override
    public void error(int icmpSeq, Ipv4Address who, String text, long tick, Trace trace) {
        int seq = probe(icmpSeq);
        if (late(seq, tick, trace)) {
            return;
        }
        int i = seq - 1;
        outcome[i] = Probe.Outcome.ERROR;
        from[i] = who;
        error[i] = text;
        errors++;
        checkDone();
    }

}
