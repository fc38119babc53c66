package org.netnslab.core.tcpdump;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Capture;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.coreutils.LabFiles;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.net.MacAddress;

/**
 * The tcpdumps of one terminal, which outlive the command that started them when it ran with a trailing
 * {@code &} (a session of the terminal's {@link Context}). A capture in the background prints its packets as
 * they pass: after each command the terminal runs, what it saw during that command ({@link #drain}); with
 * {@code -c N} it ends after N packets and says how many it captured. A tcpdump in the foreground holds the
 * terminal, in which nothing else can run: it prints what passes at once and ends as at Ctrl-C.
 */
public final class Captures {

    private final Backend backend;
    private final List<Running> running = new ArrayList<>();

    public Captures(Backend backend) {
        this.backend = backend;
    }

    /** One tcpdump that captures: its socket, how it prints, what it counted. */
    private static final class Running {
        final String ns;
        final Tcpdump.Request request;
        final Capture socket;
        final boolean any;
        final Printer printer;
        final boolean quietOut;
        final boolean quietErr;
        final List<byte[]> file = new ArrayList<>();
        int captured;
        int received;

        Running(String ns, Tcpdump.Request request, Capture socket, boolean any, Printer printer, boolean quietOut,
                boolean quietErr) {
            this.ns = ns;
            this.request = request;
            this.socket = socket;
            this.any = any;
            this.printer = printer;
            this.quietOut = quietOut;
            this.quietErr = quietErr;
        }

        int linkType() {
            return any ? Pcap.LINKTYPE_LINUX_SLL2 : Pcap.LINKTYPE_ETHERNET;
        }

        boolean done() {
            return request.count() > 0 && captured >= request.count();
        }
    }

    /** Output in three parts, as tcpdump writes it: stderr, then stdout, then stderr again. */
    private record Parts(String head, String body, String tail) {
        CommandResult result(int status) {
            return new CommandResult(head + body + tail, status).withStdout(body);
        }
    }

    CommandResult run(Context context, String ns, Tcpdump.Request request) {
        if (request.read().isPresent()) {
            return read(context, ns, request);
        }
        NamespaceState state = context.state(ns);
        String device;
        if (request.device().isPresent()) {
            device = request.device().get();
        } else {
            Optional<Link> first = state.links().stream().filter(l -> l.adminUp() && l.kind() != LinkKind.LOOPBACK)
                    .findFirst();
            if (first.isEmpty()) {
                return CommandResult.of("tcpdump: no suitable device found", 1);
            }
            device = first.get().name();
        }
        boolean any = device.equals("any");
        if (!any && state.link(device).isEmpty()) {
            return CommandResult.of("tcpdump: " + device + ": No such device exists\n(No such device exists)", 1);
        }
        if (!any && !state.link(device).get().adminUp()) {
            return CommandResult.of("tcpdump: " + device + ": That device is not up", 1);
        }
        if (request.filterError().isPresent()) {
            return CommandResult.of(request.filterError().get(), 1);
        }
        LabFiles files = LabFiles.of(backend);
        if (request.write().isPresent()) {
            Optional<String> refused = files.cannotWrite(request.write().get());
            if (refused.isPresent()) {
                return CommandResult.of("tcpdump: " + request.write().get() + ": " + refused.get(), 1);
            }
        }
        Capture socket;
        try {
            socket = backend.capture(ns, device);
        } catch (KernelException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                return CommandResult.netnsLab("the " + backend.name() + " backend cannot capture yet", 1);
            }
            return CommandResult.of("tcpdump: " + device + ": " + e.errno().message(), 1);
        }
        Running r = new Running(ns, request, socket, any, new Printer(request.printing(), i -> name(ns, i)),
                context.discards(false), context.discards(true));
        StringBuilder head = new StringBuilder();
        if (any) {
            head.append("tcpdump: data link type LINUX_SLL2\n");
        }
        if (request.verbose() == 0 && request.write().isEmpty()) {
            head.append("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n");
        } else {
            head.append("tcpdump: ");
        }
        head.append("listening on ").append(device).append(", link-type ")
                .append(any ? "LINUX_SLL2 (Linux cooked v2)" : "EN10MB (Ethernet)")
                .append(", snapshot length ").append(Pcap.SNAPLEN).append(" bytes\n");
        if (request.write().isPresent()) {
            r.file.add(Pcap.header(r.linkType()));
            files.write(request.write().get(), Pcap.concat(r.file));
        }
        if (context.background()) {
            running.add(r);
            return new Parts(head.toString(), "", "").result(0);
        }
        // in the foreground: what passes now, then Ctrl-C
        String body = take(r);
        boolean interrupted = !r.done();
        r.socket.close();
        String tail = (interrupted && request.write().isEmpty() ? "\n" : "") + counts(r);
        return new Parts(head.toString(), body, tail).result(0);
    }

    /**
     * What the captures in the background printed since the last call: their packets, and the counts of those
     * that ended; what their command sent to {@code /dev/null} is left out.
     */
    public String drain() {
        StringBuilder out = new StringBuilder();
        for (Iterator<Running> it = running.iterator(); it.hasNext();) {
            Running r = it.next();
            String body = take(r);
            if (!r.quietOut) {
                out.append(body);
            }
            if (r.done()) {
                r.socket.close();
                it.remove();
                if (!r.quietErr) {
                    out.append(counts(r));
                }
            }
        }
        return out.toString();
    }

    /** Ends every capture, as Ctrl-C would, and says nothing: the terminal goes. */
    public void stopAll() {
        for (Running r : running) {
            r.socket.close();
        }
        running.clear();
    }

    /** A capture whose namespace was deleted under it has nowhere to be: it stops. */
    public void sweep() {
        for (Iterator<Running> it = running.iterator(); it.hasNext();) {
            Running r = it.next();
            if (!Backend.HOST.equals(r.ns) && !backend.namespaces().contains(r.ns)) {
                r.socket.close();
                it.remove();
            }
        }
    }

    /** Whether a capture runs in the background. */
    public boolean capturing() {
        return !running.isEmpty();
    }

    private String take(Running r) {
        StringBuilder out = new StringBuilder();
        boolean wrote = false;
        Optional<NamespaceState> state = backend.namespace(r.ns);
        for (CapturedFrame f : r.socket.read()) {
            if (r.done()) {
                break;
            }
            Optional<Link> link = state.flatMap(s -> s.link(f.ifindex()));
            boolean loopback = link.map(l -> l.kind() == LinkKind.LOOPBACK).orElse(f.device().equals("lo"));
            if (f.outgoing() && loopback) {
                // libpcap drops what lo sends: it sees each packet once, as lo receives it
                continue;
            }
            byte[] data = r.any ? cooked(f, link, loopback) : f.frame();
            if (!r.request.filter().accepts(r.linkType(), data)) {
                continue;
            }
            r.received++;
            r.captured++;
            if (r.request.write().isPresent()) {
                r.file.add(Pcap.record(f.micros(), data));
                wrote = true;
            } else {
                out.append(r.printer.print(r.linkType(), f.micros(), data, data.length));
            }
        }
        if (wrote) {
            LabFiles.of(backend).write(r.request.write().get(), Pcap.concat(r.file));
        }
        return out.toString();
    }

    /** The frame behind a Linux cooked v2 header, as a packet socket bound to no device gives it. */
    private static byte[] cooked(CapturedFrame f, Optional<Link> link, boolean loopback) {
        byte[] e = f.frame();
        if (e.length < 14) {
            return e;
        }
        byte[] c = new byte[20 + e.length - 14];
        c[0] = e[12];
        c[1] = e[13];
        c[4] = (byte) (f.ifindex() >>> 24);
        c[5] = (byte) (f.ifindex() >>> 16);
        c[6] = (byte) (f.ifindex() >>> 8);
        c[7] = (byte) f.ifindex();
        int hatype = loopback ? 772 : 1;
        c[8] = (byte) (hatype >>> 8);
        c[9] = (byte) hatype;
        MacAddress dst = MacAddress.fromBytes(e, 0);
        int type;
        if (f.outgoing()) {
            type = 4;
        } else if (dst.isBroadcast()) {
            type = 1;
        } else if (dst.isMulticast()) {
            type = 2;
        } else {
            type = loopback || link.map(l -> l.mac().equals(dst)).orElse(true) ? 0 : 3;
        }
        c[10] = (byte) type;
        c[11] = 6;
        System.arraycopy(e, 6, c, 12, 6);
        System.arraycopy(e, 14, c, 20, e.length - 14);
        return c;
    }

    private String name(String ns, int ifindex) {
        return backend.namespace(ns).flatMap(s -> s.link(ifindex)).map(Link::name).orElse(null);
    }

    private static String counts(Running r) {
        return plural(r.captured, "captured") + plural(r.received, "received by filter") + "0 packets dropped by kernel\n";
    }

    private static String plural(int n, String what) {
        return n + " packet" + (n == 1 ? "" : "s") + " " + what + "\n";
    }

    private CommandResult read(Context context, String ns, Tcpdump.Request request) {
        String path = request.read().get();
        Optional<byte[]> bytes = LabFiles.of(backend).read(path);
        if (bytes.isEmpty()) {
            return CommandResult.of("tcpdump: " + path + ": " + (LabFiles.isDirectory(path) ? "Is a directory"
                    : "No such file or directory"), 1);
        }
        Optional<Pcap.File> file = Pcap.read(bytes.get());
        if (file.isEmpty()) {
            return CommandResult.of("tcpdump: " + path + ": unknown file format", 1);
        }
        if (request.filterError().isPresent()) {
            return CommandResult.of(request.filterError().get(), 1);
        }
        Pcap.File f = file.get();
        String linkName = switch (f.linkType()) {
            case Pcap.LINKTYPE_ETHERNET -> "EN10MB (Ethernet)";
            case Pcap.LINKTYPE_LINUX_SLL2 -> "LINUX_SLL2 (Linux cooked v2)";
            default -> "DLT_" + f.linkType();
        };
        String head = "reading from file " + path + ", link-type " + linkName + ", snapshot length " + f.snaplen()
                + "\n" + (f.linkType() == Pcap.LINKTYPE_LINUX_SLL2 ? "Warning: interface names might be incorrect\n" : "");
        Printer printer = new Printer(request.printing(), i -> name(ns, i));
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (Pcap.Packet p : f.packets()) {
            if (request.count() > 0 && n >= request.count()) {
                break;
            }
            if (request.filter().accepts(f.linkType(), p.data())) {
                body.append(printer.print(f.linkType(), p.micros(), p.data(), p.originalLength()));
                n++;
            }
        }
        return new Parts(head, body.toString(), "").result(0);
    }
}
