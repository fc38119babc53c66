package org.netnslab.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.CapturedFrame;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.tcpdump.Pcap;

/**
 * {@code Download capture (.pcap)}: a link's packets since the lab began (or since the step began), as
 * {@code tcpdump -w} would have written them had it captured on the link all along; a file that Wireshark,
 * tshark and {@code tcpdump -r} open. On both backends: the simulator's devices' taps, the kernel's packet
 * sockets in each namespace.
 */
final class CaptureDownload {

    /** The media type of a pcap file (IANA's {@code application/vnd.tcpdump.pcap}). */
    static final String MEDIA_TYPE = "application/vnd.tcpdump.pcap";

    private CaptureDownload() {}

    /** The file of one link of one namespace, from a mark of the backend's history on (0: the lab's start). */
    static byte[] pcap(Backend backend, String ns, String device, long mark) {
        List<Pcap.Packet> packets = new ArrayList<>();
        for (CapturedFrame f : backend.history(ns, device, mark)) {
            packets.add(new Pcap.Packet(f.micros(), f.frame().length, f.frame()));
        }
        return Pcap.write(Pcap.LINKTYPE_ETHERNET, packets);
    }

    /** The name the file is saved under: the namespace and the link, in characters every file system takes. */
    static String fileName(String ns, String device, boolean sinceStep) {
        String name = (Backend.HOST.equals(ns) ? "host" : ns) + "-" + device + (sinceStep ? "-this-step" : "");
        return "netns-lab-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pcap";
    }

    /** The links a capture can be downloaded of: every one but the loopbacks, with its namespace. */
    static List<Map<String, String>> links(LabState state) {
        List<Map<String, String>> out = new ArrayList<>();
        for (NamespaceState ns : state.all()) {
            if (Backend.UPSTREAM.equals(ns.name())) {
                continue;
            }
            for (Link l : ns.links()) {
                if (l.name().equals("lo")) {
                    continue;
                }
                Map<String, String> m = new LinkedHashMap<>();
                m.put("ns", ns.name());
                m.put("device", l.name());
                m.put("label", (Backend.HOST.equals(ns.name()) ? "host" : ns.name()) + ": " + l.name());
                out.add(m);
            }
        }
        return out;
    }
}
