package org.netnslab.core.tcpdump;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.netnslab.core.net.MacAddress;

/**
 * What tcpdump 4.99 prints of one packet ({@code print.c}, {@code print-ether.c}, {@code print-sll.c},
 * {@code print-arp.c}, {@code print-ip.c}, {@code print-icmp.c}, {@code print-tcp.c}, {@code print-udp.c}): the
 * time of day, the link-level header with {@code -e}, then the protocols. One printer is one run of tcpdump:
 * it keeps the TCP conversations it saw, to print sequence numbers relative to their first ones, as tcpdump
 * does without {@code -S}.
 */
final class Printer {

    /** How tcpdump was asked to print. @param numeric how many {@code -n} */
    record Options(int numeric, boolean link, int verbose) {}

    private final Options options;
    /** The names of interfaces by index, for a cooked header ({@code if_indextoname}). */
    private final IntFunction<String> interfaceName;
    private final Map<String, long[]> conversations = new HashMap<>();

    Printer(Options options, IntFunction<String> interfaceName) {
        this.options = options;
        this.interfaceName = interfaceName;
    }

    /** The lines of one packet, each with its newline. */
    String print(int linkType, long micros, byte[] p, int originalLength) {
        StringBuilder out = new StringBuilder(timeOfDay(micros)).append(' ');
        Bytes b = new Bytes(p);
        if (linkType == Pcap.LINKTYPE_LINUX_SLL2) {
            if (p.length < 20) {
                return out.append("[|sll2]\n").toString();
            }
            int type = b.u16(0);
            int ifindex = (int) b.u32(4);
            int pkttype = b.u8(10);
            String name = interfaceName.apply(ifindex);
            out.append(String.format("%-5s ", name == null ? "?" : name));
            out.append(String.format("%-3s", switch (pkttype) {
                case 0 -> "In";
                case 1 -> "B";
                case 2 -> "M";
                case 3 -> "P";
                case 4 -> "Out";
                default -> "?";
            })).append(' ');
            if (options.link()) {
                out.append("ifindex ").append(ifindex).append(' ');
                int halen = b.u8(11);
                StringBuilder mac = new StringBuilder();
                for (int i = 0; i < Math.min(halen, 8); i++) {
                    mac.append(i == 0 ? "" : ":").append(String.format("%02x", b.u8(12 + i)));
                }
                out.append(mac).append(' ');
                out.append("ethertype ").append(etherTypeName(type)).append(String.format(" (0x%04x), ", type))
                        .append("length ").append(originalLength).append(": ");
            }
            ethertype(out, type, b, 20, originalLength - 20);
        } else {
            if (p.length < 14) {
                return out.append("[|ether]\n").toString();
            }
            int type = b.u16(12);
            if (options.link()) {
                out.append(mac(MacAddress.fromBytes(p, 6))).append(" > ").append(mac(MacAddress.fromBytes(p, 0)))
                        .append(", ethertype ").append(etherTypeName(type))
                        .append(String.format(" (0x%04x), ", type)).append("length ").append(originalLength)
                        .append(": ");
            }
            ethertype(out, type, b, 14, originalLength - 14);
        }
        return out.append('\n').toString();
    }

    /** {@code ts_format}: hours, minutes, seconds and microseconds of the day, in UTC (the lab's time zone). */
    static String timeOfDay(long micros) {
        long day = Math.floorMod(micros, 86_400_000_000L);
        long s = day / 1_000_000;
        return String.format("%02d:%02d:%02d.%06d", s / 3600, s / 60 % 60, s % 60, day % 1_000_000);
    }

    private String mac(MacAddress m) {
        if (options.numeric() > 0) {
            return m.toString();
        }
        if (m.isBroadcast()) {
            return "Broadcast";
        }
        return m + " (oui " + (m.bits() >>> 24 == 0 ? "Ethernet" : "Unknown") + ")";
    }

    private static String etherTypeName(int type) {
        return switch (type) {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x86dd -> "IPv6";
            case 0x8100 -> "802.1Q";
            default -> "Unknown";
        };
    }

    private void ethertype(StringBuilder out, int type, Bytes b, int at, int length) {
        switch (type) {
            case 0x0800 -> ip(out, b, at);
            case 0x0806 -> arp(out, b, at, length);
            case 0x86dd -> ip6(out, b, at);
            default -> {
                if (!options.link()) {
                    out.append(String.format("ethertype Unknown (0x%04x), length %d: ", type, length + 14));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ ARP

    private void arp(StringBuilder out, Bytes b, int at, int length) {
        if (!options.link()) {
            out.append("ARP, ");
        }
        if (!b.has(at, 28) || b.u16(at) != 1 || b.u16(at + 2) != 0x0800) {
            out.append("[|ARP]");
            return;
        }
        if (options.verbose() > 0) {
            out.append("Ethernet (len 6), IPv4 (len 4), ");
        }
        int op = b.u16(at + 6);
        String sha = MacAddress.fromBytes(b.data(), at + 8).toString();
        String spa = b.ipv4(at + 14);
        MacAddress tha = MacAddress.fromBytes(b.data(), at + 18);
        String tpa = b.ipv4(at + 24);
        switch (op) {
            case 1 -> {
                out.append("Request who-has ").append(tpa);
                if (!tha.equals(MacAddress.ZERO)) {
                    out.append(" (").append(mac(tha)).append(")");
                }
                out.append(" tell ").append(spa);
            }
            case 2 -> out.append("Reply ").append(spa).append(" is-at ").append(options.numeric() > 0 ? sha
                    : mac(MacAddress.fromBytes(b.data(), at + 8)));
            default -> out.append("Unknown (").append(op).append(")");
        }
        out.append(", length ").append(length);
    }

    // ------------------------------------------------------------------------------------------ IPv4

    private void ip(StringBuilder out, Bytes b, int at) {
        if (!options.link()) {
            out.append("IP ");
        }
        if (!b.has(at, 20) || b.u8(at) >> 4 != 4) {
            out.append("[|ip]");
            return;
        }
        int hlen = (b.u8(at) & 0x0f) * 4;
        int total = b.u16(at + 2);
        int proto = b.u8(at + 9);
        String src = b.ipv4(at + 12);
        String dst = b.ipv4(at + 16);
        int frag = b.u16(at + 6);
        if (options.verbose() > 0) {
            out.append(String.format("(tos 0x%x", b.u8(at + 1)));
            int ecn = b.u8(at + 1) & 3;
            if (ecn != 0) {
                out.append(ecn == 3 ? ",CE" : ecn == 1 ? ",ECT(1)" : ",ECT(0)");
            }
            out.append(", ttl ").append(b.u8(at + 8)).append(", id ").append(b.u16(at + 4))
                    .append(", offset ").append((frag & 0x1fff) * 8).append(", flags [");
            String flags = ((frag & 0x8000) != 0 ? "rsvd" : "") + ((frag & 0x4000) != 0 ? "DF" : "");
            flags = (frag & 0x2000) != 0 ? flags + (flags.isEmpty() ? "+" : ", +") : flags;
            out.append(flags.isEmpty() ? "none" : flags).append("], proto ").append(protoName(proto))
                    .append(" (").append(proto).append("), length ").append(total);
            if (b.has(at, hlen) && Checksums.sum(b.data(), at, hlen, 0) != 0xffff) {
                out.append(String.format(", bad cksum %x (->%x)!", b.u16(at + 10),
                        Checksums.correct(b.data(), at, hlen, at + 10, 0)));
            }
            out.append(")\n    ");
        }
        int payload = at + hlen;
        int length = total - hlen;
        if ((frag & 0x1fff) != 0) {
            out.append(src).append(" > ").append(dst).append(": ip-proto-").append(proto);
            return;
        }
        switch (proto) {
            case 1 -> icmp(out, b, payload, length, src, dst);
            case 6 -> tcp(out, b, payload, length, src, dst, at);
            case 17 -> udp(out, b, payload, length, src, dst, at);
            default -> out.append(src).append(" > ").append(dst).append(": ").append(protoName(proto).equals("unknown")
                    ? "ip-proto-" + proto : protoName(proto)).append(' ').append(length);
        }
    }

    private static String protoName(int proto) {
        return switch (proto) {
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 58 -> "ICMPv6";
            default -> "unknown";
        };
    }

    private void icmp(StringBuilder out, Bytes b, int at, int length, String src, String dst) {
        out.append(src).append(" > ").append(dst).append(": ");
        if (!b.has(at, 8)) {
            out.append("[|icmp]");
            return;
        }
        int type = b.u8(at);
        int code = b.u8(at + 1);
        out.append("ICMP ");
        switch (type) {
            case 0, 8 -> out.append("echo ").append(type == 8 ? "request" : "reply").append(", id ")
                    .append(b.u16(at + 4)).append(", seq ").append(b.u16(at + 6));
            case 3 -> {
                int q = at + 8;
                String qdst = b.has(q, 20) ? b.ipv4(q + 16) : "?";
                int qhl = b.has(q, 1) ? (b.u8(q) & 0x0f) * 4 : 20;
                int qproto = b.has(q, 20) ? b.u8(q + 9) : 0;
                out.append(switch (code) {
                    case 0 -> "net " + qdst + " unreachable";
                    case 1 -> "host " + qdst + " unreachable";
                    case 2 -> qdst + " protocol " + qproto + " unreachable";
                    case 3 -> qdst + " " + (qproto == 6 ? "tcp" : "udp") + " port "
                            + port(b.has(q + qhl, 4) ? b.u16(q + qhl + 2) : 0, qproto == 6) + " unreachable";
                    case 4 -> qdst + " unreachable - need to frag";
                    case 13 -> qdst + " unreachable - admin prohibited filter";
                    default -> qdst + " unreachable - #" + code;
                });
            }
            case 11 -> out.append("time exceeded ").append(code == 0 ? "in-transit" : "reassembly");
            case 5 -> out.append("redirect ").append(b.has(at + 8, 20) ? b.ipv4(at + 24) : "?").append(" to host ")
                    .append(b.ipv4(at + 4));
            default -> out.append("type-#").append(type);
        }
        out.append(", length ").append(length);
    }

    // ------------------------------------------------------------------------------------------ TCP

    private static final String[] TCP_FLAGS = {"F", "S", "R", "P", ".", "U", "E", "W"};

    private void tcp(StringBuilder out, Bytes b, int at, int length, String src, String dst, int ipAt) {
        if (!b.has(at, 20)) {
            out.append(src).append(" > ").append(dst).append(": [|tcp]");
            return;
        }
        int sport = b.u16(at);
        int dport = b.u16(at + 2);
        out.append(src).append('.').append(port(sport, true)).append(" > ").append(dst).append('.')
                .append(port(dport, true)).append(": ");
        long seq = b.u32(at + 4);
        long ack = b.u32(at + 8);
        int off = (b.u8(at + 12) >> 4) * 4;
        int flags = b.u8(at + 13);
        int win = b.u16(at + 14);
        int urp = b.u16(at + 18);
        int data = length - off;
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if ((flags & (1 << i)) != 0) {
                f.append(TCP_FLAGS[i]);
            }
        }
        out.append("Flags [").append(f.length() == 0 ? "none" : f).append("]");
        if ((flags & 0x10) != 0) {
            // print-tcp.c's tcp_seq_hash: the first sequence numbers of each conversation, both ways
            boolean rev = compare(src, sport, dst, dport) > 0;
            String key = rev ? dst + ":" + dport + "-" + src + ":" + sport : src + ":" + sport + "-" + dst + ":" + dport;
            long[] th = conversations.get(key);
            if (th == null || (flags & 0x02) != 0) {
                th = new long[2];
                if (rev) {
                    th[1] = seq;
                    th[0] = (ack - 1) & 0xffff_ffffL;
                } else {
                    th[0] = seq;
                    th[1] = (ack - 1) & 0xffff_ffffL;
                }
                conversations.put(key, th);
            } else if (rev) {
                seq = (seq - th[1]) & 0xffff_ffffL;
                ack = (ack - th[0]) & 0xffff_ffffL;
            } else {
                seq = (seq - th[0]) & 0xffff_ffffL;
                ack = (ack - th[1]) & 0xffff_ffffL;
            }
        }
        if (options.verbose() > 0) {
            int pseudo = Checksums.pseudoHeader(b.data(), ipAt, 6, length);
            int stored = b.u16(at + 16);
            if (Checksums.sum(b.data(), at, length, pseudo) == 0xffff) {
                out.append(String.format(", cksum 0x%04x (correct)", stored));
            } else {
                out.append(String.format(", cksum 0x%04x (incorrect -> 0x%04x)", stored,
                        Checksums.correct(b.data(), at, length, at + 16, pseudo)));
            }
        }
        if (data > 0 || (flags & 0x07) != 0 || options.verbose() > 1) {
            out.append(", seq ").append(seq);
            if (data > 0) {
                out.append(':').append((seq + data) & 0xffff_ffffL);
            }
        }
        if ((flags & 0x10) != 0) {
            out.append(", ack ").append(ack);
        }
        out.append(", win ").append(win);
        if ((flags & 0x20) != 0) {
            out.append(", urg ").append(urp);
        }
        if (off > 20 && b.has(at, off)) {
            out.append(", options [").append(tcpOptions(b, at + 20, off - 20)).append(']');
        }
        out.append(", length ").append(data);
        if (data > 0 && (sport == 80 || dport == 80 || sport == 8080 || dport == 8080)) {
            out.append(": HTTP");
        }
    }

    private static int compare(String a, int ap, String b, int bp) {
        // print-tcp.c compares the addresses as bytes, then the ports
        long x = ipBits(a);
        long y = ipBits(b);
        if (x != y) {
            return x > y ? 1 : -1;
        }
        return Integer.compare(ap, bp) > 0 ? 1 : 0;
    }

    private static long ipBits(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) {
            v = v << 8 | Long.parseLong(part);
        }
        return v;
    }

    private static String tcpOptions(Bytes b, int at, int len) {
        StringBuilder o = new StringBuilder();
        int i = at;
        int end = at + len;
        while (i < end) {
            int kind = b.u8(i);
            if (o.length() > 0) {
                o.append(',');
            }
            if (kind == 0) {
                o.append("eol");
                break;
            }
            if (kind == 1) {
                o.append("nop");
                i++;
                continue;
            }
            if (i + 1 >= end) {
                o.append("[|tcp]");
                break;
            }
            int l = b.u8(i + 1);
            if (l < 2 || i + l > end) {
                o.append("[|tcp]");
                break;
            }
            switch (kind) {
                case 2 -> o.append("mss ").append(b.u16(i + 2));
                case 3 -> o.append("wscale ").append(b.u8(i + 2));
                case 4 -> o.append("sackOK");
                case 5 -> {
                    o.append("sack ").append((l - 2) / 8).append(' ');
                    for (int s = i + 2; s + 8 <= i + l; s += 8) {
                        o.append('{').append(b.u32(s)).append(':').append(b.u32(s + 4)).append('}');
                    }
                }
                case 8 -> o.append("TS val ").append(b.u32(i + 2)).append(" ecr ").append(b.u32(i + 6));
                default -> o.append("unknown-").append(kind);
            }
            i += l;
        }
        return o.toString();
    }

    // ------------------------------------------------------------------------------------------ UDP

    private void udp(StringBuilder out, Bytes b, int at, int length, String src, String dst, int ipAt) {
        if (!b.has(at, 8)) {
            out.append(src).append(" > ").append(dst).append(": [|udp]");
            return;
        }
        int sport = b.u16(at);
        int dport = b.u16(at + 2);
        out.append(src).append('.').append(port(sport, false)).append(" > ").append(dst).append('.')
                .append(port(dport, false)).append(": ");
        if (options.verbose() > 1) {
            int stored = b.u16(at + 6);
            if (stored == 0) {
                out.append("[no cksum] ");
            } else {
                int pseudo = Checksums.pseudoHeader(b.data(), ipAt, 17, length);
                out.append(Checksums.sum(b.data(), at, length, pseudo) == 0xffff ? "[udp sum ok] "
                        : String.format("[bad udp cksum 0x%04x -> 0x%04x!] ", stored,
                                Checksums.correct(b.data(), at, length, at + 6, pseudo)));
            }
        }
        out.append("UDP, length ").append(b.u16(at + 4) - 8);
    }

    /** A port, or its name in {@code /etc/services} unless {@code -n}. */
    private String port(int port, boolean tcp) {
        if (options.numeric() > 0) {
            return Integer.toString(port);
        }
        String name = SERVICES.get(port);
        if (name != null && (tcp || !TCP_ONLY.contains(port))) {
            return name;
        }
        return Integer.toString(port);
    }

    /** Debian's {@code /etc/services} (netbase 6.4), the ports a lab's learners use. */
    private static final Map<Integer, String> SERVICES = Map.ofEntries(Map.entry(20, "ftp-data"),
            Map.entry(21, "ftp"), Map.entry(22, "ssh"), Map.entry(23, "telnet"), Map.entry(25, "smtp"),
            Map.entry(53, "domain"), Map.entry(67, "bootps"), Map.entry(68, "bootpc"), Map.entry(69, "tftp"),
            Map.entry(80, "http"), Map.entry(110, "pop3"), Map.entry(123, "ntp"), Map.entry(143, "imap2"),
            Map.entry(161, "snmp"), Map.entry(443, "https"), Map.entry(993, "imaps"), Map.entry(995, "pop3s"),
            Map.entry(3306, "mysql"), Map.entry(5432, "postgresql"), Map.entry(6379, "redis"),
            Map.entry(8080, "http-alt"));
    private static final List<Integer> TCP_ONLY = List.of(20, 21, 22, 23, 25, 80, 110, 143, 443, 993, 995, 3306,
            5432, 6379, 8080);

    // ------------------------------------------------------------------------------------------ IPv6

    private void ip6(StringBuilder out, Bytes b, int at) {
        if (!options.link()) {
            out.append("IP6 ");
        }
        if (!b.has(at, 40)) {
            out.append("[|ip6]");
            return;
        }
        int payload = b.u16(at + 4);
        int next = b.u8(at + 6);
        String src = b.ipv6(at + 8);
        String dst = b.ipv6(at + 24);
        int p = at + 40;
        if (next == 0 && b.has(p, 8)) {
            // a hop-by-hop header, as MLD reports have (router alert)
            int hl = (b.u8(p + 1) + 1) * 8;
            next = b.u8(p);
            payload -= hl;
            p += hl;
        }
        out.append(src).append(" > ").append(dst).append(": ");
        if (next == 58 && b.has(p, 4)) {
            int type = b.u8(p);
            out.append("ICMP6, ").append(switch (type) {
                case 133 -> "router solicitation";
                case 134 -> "router advertisement";
                case 135 -> "neighbor solicitation, who has " + (b.has(p, 24) ? b.ipv6(p + 8) : "?");
                case 136 -> "neighbor advertisement, tgt is " + (b.has(p, 24) ? b.ipv6(p + 8) : "?");
                case 143 -> "multicast listener report v2, " + (b.has(p, 8) ? b.u16(p + 6) : 0) + " group record(s)";
                case 128 -> "echo request";
                case 129 -> "echo reply";
                default -> "type " + type;
            }).append(", length ").append(payload);
        } else {
            out.append("ip-proto-").append(next).append(' ').append(payload);
        }
    }

    /** Big-endian reads of a packet's bytes. */
    record Bytes(byte[] data) {
        boolean has(int at, int n) {
            return at >= 0 && at + n <= data.length;
        }

        int u8(int at) {
            return data[at] & 0xff;
        }

        int u16(int at) {
            return (data[at] & 0xff) << 8 | data[at + 1] & 0xff;
        }

        long u32(int at) {
            return ((long) u16(at) << 16 | u16(at + 2)) & 0xffff_ffffL;
        }

        String ipv4(int at) {
            return u8(at) + "." + u8(at + 1) + "." + u8(at + 2) + "." + u8(at + 3);
        }

        /** RFC 5952's text, as {@code inet_ntop} writes it: the longest run of zero groups (two or more) as {@code ::}. */
        String ipv6(int at) {
            int[] g = new int[8];
            for (int i = 0; i < 8; i++) {
                g[i] = u16(at + 2 * i);
            }
            int best = -1;
            int bestLen = 1;
            for (int i = 0; i < 8; i++) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    best = i;
                    bestLen = j - i;
                }
                i = Math.max(i, j);
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == best) {
                    s.append("::");
                    i += bestLen - 1;
                    continue;
                }
                if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                    s.append(':');
                }
                s.append(Integer.toHexString(g[i]));
            }
            return s.toString();
        }
    }
}
