package org.netnslab.core.tcpdump;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.MacAddress;

/**
 * A capture filter, as libpcap 1.10 compiles one ({@code gencode.c}, {@code grammar.y}): primitives such as
 * {@code icmp}, {@code arp}, {@code tcp}, {@code udp}, {@code ip}, {@code ip6}, {@code host A}, {@code net N/L},
 * {@code port N}, {@code ether host MAC}, with {@code src}, {@code dst} and a protocol before them; {@code not}
 * ({@code !}), {@code and} ({@code &&}) and {@code or} ({@code ||}), of which {@code and} and {@code or} bind
 * alike, left to right, as pcap's grammar has them; parentheses; and an address alone after {@code and} or
 * {@code or} takes the qualifiers of the primitive before it ({@code host 10.0.0.1 or 10.0.0.2}).
 */
public final class Filter {

    /** What a packet is, for a filter: its link type and its bytes. */
    record Packet(int linkType, byte[] data) {

        int etherType() {
            return linkType == Pcap.LINKTYPE_LINUX_SLL2 ? u16(0) : u16(12);
        }

        int network() {
            return linkType == Pcap.LINKTYPE_LINUX_SLL2 ? 20 : 14;
        }

        int u8(int at) {
            return at < data.length ? data[at] & 0xff : -1;
        }

        int u16(int at) {
            return at + 1 < data.length ? (data[at] & 0xff) << 8 | data[at + 1] & 0xff : -1;
        }

        int u32(int at) {
            return at + 3 < data.length ? u16(at) << 16 | u16(at + 2) : 0;
        }
    }

    /** Why libpcap refused an expression, in its words. */
    public static final class FilterException extends Exception {
        FilterException(String message) {
            super(message);
        }
    }

    private static final FilterException SYNTAX = new FilterException("can't parse filter expression: syntax error");

    private final Predicate<Packet> test;

    private Filter(Predicate<Packet> test) {
        this.test = test;
    }

    /** The filter that lets everything through: tcpdump without an expression. */
    public static final Filter ALL = new Filter(p -> true);

    /** Whether a packet passes. */
    public boolean accepts(int linkType, byte[] frame) {
        return test.test(new Packet(linkType, frame));
    }

    /** Compiles the words of an expression (tcpdump joins them with spaces). */
    public static Filter compile(List<String> words) throws FilterException {
        String text = String.join(" ", words);
        if (text.isBlank()) {
            return ALL;
        }
        Parser parser = new Parser(lex(text));
        Predicate<Packet> p = parser.expression();
        if (parser.at < parser.tokens.size()) {
            throw SYNTAX;
        }
        return new Filter(p);
    }

    private static List<String> lex(String text) throws FilterException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (text.startsWith("&&", i) || text.startsWith("||", i)) {
                tokens.add(text.substring(i, i + 2).equals("&&") ? "and" : "or");
                i += 2;
            } else if (c == '!') {
                tokens.add("not");
                i++;
            } else if (Character.isLetterOrDigit(c) || ":._-/".indexOf(c) >= 0) {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j))
                        || ":._-/".indexOf(text.charAt(j)) >= 0)) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            } else {
                throw SYNTAX;
            }
        }
        return tokens;
    }

    /** The qualifiers a primitive was written with, which an address alone after and/or inherits. */
    private record Qualifiers(String proto, String dir, String type) {}

    private static final List<String> PROTOS = List.of("ether", "ip", "ip6", "arp", "tcp", "udp", "icmp");
    private static final List<String> KEYWORDS = List.of("and", "or", "not", "src", "dst", "host", "net", "port",
            "(", ")", "ether", "ip", "ip6", "arp", "tcp", "udp", "icmp");

    private static final class Parser {
        final List<String> tokens;
        int at;
        Qualifiers last;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Optional<String> peek() {
            return at < tokens.size() ? Optional.of(tokens.get(at)) : Optional.empty();
        }

        String take() throws FilterException {
            if (at >= tokens.size()) {
                throw SYNTAX;
            }
            return tokens.get(at++);
        }

        boolean accept(String t) {
            if (peek().map(t::equals).orElse(false)) {
                at++;
                return true;
            }
            return false;
        }

        Predicate<Packet> expression() throws FilterException {
            Predicate<Packet> left = term();
            while (peek().isPresent()) {
                String op = peek().get();
                if (!op.equals("and") && !op.equals("or")) {
                    break;
                }
                at++;
                Predicate<Packet> right;
                if (peek().isPresent() && !KEYWORDS.contains(peek().get()) && last != null) {
                    right = primitive(last, take());
                } else {
                    right = term();
                }
                left = op.equals("and") ? left.and(right) : left.or(right);
            }
            return left;
        }

        Predicate<Packet> term() throws FilterException {
            if (accept("not")) {
                return term().negate();
            }
            if (accept("(")) {
                Predicate<Packet> inner = expression();
                if (!accept(")")) {
                    throw SYNTAX;
                }
                return inner;
            }
            String proto = null;
            String dir = null;
            String type = null;
            if (peek().isPresent() && PROTOS.contains(peek().get())) {
                proto = take();
            }
            if (peek().isPresent() && (peek().get().equals("src") || peek().get().equals("dst"))) {
                dir = take();
                if (peek().isPresent() && (peek().get().equals("or") || peek().get().equals("and"))
                        && at + 1 < tokens.size() && tokens.get(at + 1).equals(dir.equals("src") ? "dst" : "src")) {
                    dir = "src " + take() + " dst";
                    at++;
                }
            }
            if (peek().isPresent() && List.of("host", "net", "port").contains(peek().get())) {
                type = take();
            }
            if (type == null && dir == null) {
                if (proto == null) {
                    String id = take();
                    if (KEYWORDS.contains(id) || !id.matches("[0-9.]+")) {
                        // a word alone is an address, or nothing libpcap's grammar takes
                        throw SYNTAX;
                    }
                    Qualifiers q = new Qualifiers(null, null, null);
                    last = q;
                    return primitive(q, id);
                }
                if (proto.equals("ether")) {
                    throw SYNTAX;
                }
                return protocol(proto);
            }
            String id = take();
            if (KEYWORDS.contains(id)) {
                throw SYNTAX;
            }
            Qualifiers q = new Qualifiers(proto, dir, type);
            last = q;
            return primitive(q, id);
        }
    }

    private static Predicate<Packet> protocol(String proto) {
        return switch (proto) {
            case "ip" -> p -> p.etherType() == 0x0800;
            case "ip6" -> p -> p.etherType() == 0x86dd;
            case "arp" -> p -> p.etherType() == 0x0806;
            case "icmp" -> ipProto(1);
            case "tcp" -> ipProto(6);
            case "udp" -> ipProto(17);
            default -> p -> false;
        };
    }

    private static Predicate<Packet> ipProto(int proto) {
        return p -> p.etherType() == 0x0800 && p.u8(p.network() + 9) == proto;
    }

    private static Predicate<Packet> primitive(Qualifiers q, String id) throws FilterException {
        String type = q.type();
        String dir = q.dir() == null ? "src or dst" : q.dir();
        if ("ether".equals(q.proto())) {
            if (type != null && !type.equals("host")) {
                throw SYNTAX;
            }
            MacAddress mac = macAddress(id);
            return p -> {
                if (p.linkType() != Pcap.LINKTYPE_ETHERNET) {
                    return false;
                }
                boolean s = MacAddress.fromBytes(p.data(), 6).equals(mac);
                boolean d = MacAddress.fromBytes(p.data(), 0).equals(mac);
                return direction(dir, s, d);
            };
        }
        if (type == null) {
            type = Character.isDigit(id.charAt(0)) && !id.contains(".") ? "port" : "host";
            if (type.equals("port")) {
                throw SYNTAX;
            }
        }
        Predicate<Packet> proto = q.proto() == null ? null : protocol(q.proto());
        if (type.equals("port")) {
            int port = port(id);
            Predicate<Packet> base = proto == null ? ipProto(6).or(ipProto(17)) : proto;
            if (q.proto() != null && !List.of("tcp", "udp", "ip").contains(q.proto())) {
                throw SYNTAX;
            }
            return base.and(p -> {
                int ip = p.network();
                if (p.etherType() != 0x0800 || (p.u16(ip + 6) & 0x1fff) != 0) {
                    return false;
                }
                int proto2 = p.u8(ip + 9);
                if (proto2 != 6 && proto2 != 17) {
                    return false;
                }
                int l4 = ip + (p.u8(ip) & 0x0f) * 4;
                boolean s = p.u16(l4) == port;
                boolean d = p.u16(l4 + 2) == port;
                return direction(dir, s, d);
            });
        }
        int bits;
        int mask;
        if (type.equals("net")) {
            int slash = id.indexOf('/');
            String a = slash < 0 ? id : id.substring(0, slash);
            int len;
            try {
                len = slash < 0 ? 32 : Integer.parseInt(id.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw SYNTAX;
            }
            if (len < 0 || len > 32) {
                throw new FilterException("mask length must be <= 32");
            }
            bits = address(id, a);
            mask = len == 0 ? 0 : -1 << (32 - len);
            if ((bits & ~mask) != 0) {
                throw new FilterException("non-network bits set in \"" + id + "\"");
            }
        } else {
            if (id.contains("/")) {
                throw SYNTAX;
            }
            bits = address(id, id);
            mask = -1;
        }
        int want = bits;
        int m = mask;
        Predicate<Packet> match = p -> {
            int at = p.network();
            int s;
            int d;
            if (p.etherType() == 0x0800) {
                s = p.u32(at + 12);
                d = p.u32(at + 16);
            } else if (p.etherType() == 0x0806 && q.proto() == null || "arp".equals(q.proto())) {
                if (p.etherType() != 0x0806) {
                    return false;
                }
                s = p.u32(at + 14);
                d = p.u32(at + 24);
            } else {
                return false;
            }
            boolean sm = (s & m) == want;
            boolean dm = (d & m) == want;
            return direction(dir, sm, dm);
        };
        return proto == null || q.proto().equals("ip") || q.proto().equals("arp") ? match : proto.and(match);
    }

    private static boolean direction(String dir, boolean source, boolean destination) {
        return switch (dir) {
            case "src" -> source;
            case "dst" -> destination;
            case "src and dst" -> source && destination;
            default -> source || destination;
        };
    }

    private static int address(String word, String text) throws FilterException {
        if (text.matches("[0-9.]+")) {
            Optional<Ipv4Address> a = Ipv4Address.tryParse(text);
            if (a.isPresent() && text.split("\\.", -1).length == 4) {
                return a.get().bits();
            }
            throw new FilterException("invalid IPv4 address '" + text + "'");
        }
        throw new FilterException("unknown host '" + word + "'");
    }

    private static int port(String id) throws FilterException {
        if (!id.matches("[0-9]+")) {
            Integer named = switch (id) {
                case "http", "www" -> 80;
                case "https" -> 443;
                case "ssh" -> 22;
                case "domain" -> 53;
                case "telnet" -> 23;
                case "http-alt" -> 8080;
                default -> null;
            };
            if (named == null) {
                throw new FilterException("unknown port '" + id + "'");
            }
            return named;
        }
        long v = Long.parseLong(id.length() > 12 ? "99999999999" : id);
        if (v > 65535) {
            throw new FilterException("illegal port number " + v + " > 65535");
        }
        return (int) v;
    }

    private static MacAddress macAddress(String id) throws FilterException {
        if (!id.matches("([0-9a-fA-F]{1,2}[:.-]){5}[0-9a-fA-F]{1,2}")) {
            throw new FilterException("unknown ether host '" + id + "'");
        }
        String[] parts = id.split("[:.-]");
        long bits = 0;
        for (String part : parts) {
            bits = bits << 8 | Integer.parseInt(part, 16);
        }
        return new MacAddress(bits);
    }
}
