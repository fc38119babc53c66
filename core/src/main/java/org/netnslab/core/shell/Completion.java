package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.Iproute2;
import org.netnslab.core.model.Address;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;

/**
 * Tab completion from the lab's own grammar and state, for every terminal (the browser's and
 * {@code netns-lab shell}): the programs, the objects, subcommands and options of each tool as the lab reads
 * them, and the names in the lab now (its namespaces, the links of the namespace a word is about, the
 * addresses in use). Like bash-completion, it completes the word under the cursor and offers nothing it
 * cannot name.
 */
public final class Completion {

    /**
     * What completion knows of the lab: its namespaces, the links of each ({@link Backend#HOST} for the host's),
     * and the IPv4 addresses in use, without their prefix length.
     */
    public record Lab(List<String> namespaces, Map<String, List<String>> links, List<String> addresses) {

        public Lab {
            namespaces = List.copyOf(namespaces);
            links = Map.copyOf(links);
            addresses = List.copyOf(addresses);
        }

        public static Lab of(LabState state) {
            Map<String, List<String>> links = new LinkedHashMap<>();
            Set<String> addresses = new LinkedHashSet<>();
            for (NamespaceState ns : state.all()) {
                if (!Backend.HOST.equals(ns.name()) && !state.namespaces().contains(ns.name())) {
                    continue;
                }
                links.put(ns.name(), ns.links().stream().map(Link::name).toList());
                ns.addresses().stream().filter(Address::isInet).filter(a -> !a.prefix().startsWith("127."))
                        .forEach(a -> addresses.add(a.prefix().replaceAll("/.*", "")));
            }
            return new Lab(state.namespaces(), links, List.copyOf(addresses));
        }

        List<String> linksOf(String ns) {
            return links.getOrDefault(ns, List.of());
        }
    }

    /**
     * What Tab offers: the words that may stand at {@code start}, where the word under the cursor begins.
     *
     * @param start the offset in the line of the word being completed; it ends at the cursor
     */
    public record Candidates(int start, List<String> words) {

        /** What all the words begin with: what Tab puts in at once (bash's common prefix). */
        public String commonPrefix() {
            if (words.isEmpty()) {
                return "";
            }
            String p = words.get(0);
            for (String w : words) {
                int i = 0;
                while (i < p.length() && i < w.length() && p.charAt(i) == w.charAt(i)) {
                    i++;
                }
                p = p.substring(0, i);
            }
            return p;
        }
    }

    /** The words a terminal understands besides the lab's programs. */
    private static final List<String> TERMINAL_WORDS = List.of("help", "clear", "exit");

    private static final List<String> IP_OPTIONS = List.of("-n", "-netns", "-br", "-brief", "-4", "-Version",
            "-help");
    private static final List<String> IP_OBJECTS = List.of("address", "route", "neighbour", "link", "netns",
            "help");
    private static final Map<String, List<String>> IP_SUBCOMMANDS = Map.of(
            "address", List.of("add", "delete", "show", "flush", "help"),
            "route", List.of("add", "delete", "show", "get", "replace", "flush", "help"),
            "neighbour", List.of("show", "add", "delete", "replace", "flush", "help"),
            "link", List.of("add", "delete", "set", "show", "help"),
            "netns", List.of("add", "delete", "list", "exec", "identify", "pids", "set", "list-id", "help"));
    private static final Map<String, List<String>> IP_KEYWORDS = Map.of(
            "address", List.of("dev", "broadcast", "scope", "label"),
            "route", List.of("via", "dev", "default", "src", "scope", "proto", "metric", "table"),
            "neighbour", List.of("dev", "lladdr", "nud", "proxy"),
            "link", List.of("dev", "name", "type", "peer", "up", "down", "master", "nomaster", "netns", "mtu",
                    "address"));
    /** Keywords whose value is a link of the namespace the command is about. */
    private static final Set<String> LINK_VALUED = Set.of("dev", "master", "-I", "-i", "-o", "link");
    private static final List<String> NUD_STATES = List.of("permanent", "noarp", "reachable", "stale", "none",
            "incomplete", "delay", "probe", "failed");
    private static final List<String> PING_OPTIONS = List.of("-c", "-I", "-W", "-i", "-w", "-q", "-n", "-4", "-t",
            "-s");
    private static final List<String> NC_OPTIONS = List.of("-l", "-p", "-v", "-n", "-z", "-h");
    private static final List<String> IPTABLES_OPTIONS = List.of("-t", "-A", "-D", "-I", "-L", "-S", "-F", "-P",
            "-N", "-X", "-s", "-d", "-i", "-o", "-p", "-j", "-n", "-v", "-h", "--line-numbers");
    private static final List<String> IPTABLES_CHAINS = List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT",
            "POSTROUTING", "DOCKER", "DOCKER-USER");
    private static final List<String> IPTABLES_TARGETS = List.of("ACCEPT", "DROP", "RETURN", "MASQUERADE", "DNAT",
            "SNAT", "REJECT");
    private static final List<String> SYSCTL_KEYS = List.of("net.ipv4.ip_forward", "net.ipv4.ip_forward=1",
            "net.ipv4.ip_forward=0", "net.ipv4.conf.all.forwarding", "net.ipv4.conf.all.rp_filter");

    private Completion() {}

    /**
     * The candidates for the word that ends at {@code cursor} in {@code line}, typed in a shell whose namespace
     * is {@code here}: sorted, each one a whole word.
     */
    public static Candidates complete(String line, int cursor, Lab lab, String here) {
        String before = line.substring(0, Math.max(0, Math.min(cursor, line.length())));
        int segment = segmentStart(before);
        String command = before.substring(segment);
        int wordStart = command.length();
        while (wordStart > 0 && !Character.isWhitespace(command.charAt(wordStart - 1))) {
            wordStart--;
        }
        String prefix = command.substring(wordStart);
        List<String> prior = words(command.substring(0, wordStart));
        Set<String> found = new TreeSet<>();
        for (String w : candidates(prior, prefix, lab, here)) {
            if (w.startsWith(prefix)) {
                found.add(w);
            }
        }
        return new Candidates(segment + wordStart, List.copyOf(found));
    }

    /** Where the last command of a line begins: after its last {@code ;}, {@code |}, {@code &&} or {@code &}. */
    private static int segmentStart(String before) {
        int start = 0;
        char quote = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' || c == '|' || c == '&') {
                start = i + 1;
            }
        }
        return start;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static List<String> candidates(List<String> prior, String prefix, Lab lab, String here) {
        int i = 0;
        while (i < prior.size() && prior.get(i).equals("sudo")) {
            i++;
        }
        List<String> args = prior.subList(i, prior.size());
        if (args.isEmpty()) {
            List<String> all = new ArrayList<>(Bash.programNames());
            all.addAll(TERMINAL_WORDS);
            return all;
        }
        String program = args.get(0).substring(args.get(0).lastIndexOf('/') + 1);
        List<String> rest = args.subList(1, args.size());
        String last = rest.isEmpty() ? "" : rest.get(rest.size() - 1);
        return switch (program) {
            case "ip" -> ip(rest, prefix, lab, here);
            case "ping" -> valueOf(last, lab, here).orElse(prefix.startsWith("-") ? PING_OPTIONS : lab.addresses());
            case "nc", "netcat", "nc.openbsd" -> last.equals("-p") ? List.of()
                    : prefix.startsWith("-") ? NC_OPTIONS : lab.addresses();
            case "iptables" -> iptables(last, prefix, lab, here);
            case "sysctl" -> prefix.startsWith("-") ? List.of("-w", "-n", "-a", "-q") : SYSCTL_KEYS;
            case "cat", "tee" -> List.of("/proc/sys/net/ipv4/ip_forward");
            case "bash", "sh" -> List.of("-c");
            case "help" -> rest.isEmpty() ? Bash.programNames() : List.of();
            case "bridge" -> bridge(rest, lab, here);
            case "nsenter" -> nsenter(rest, prefix, lab, here);
            default -> List.of();
        };
    }

    /** A value that the last word asks for, when it asks for one the lab can name. */
    private static Optional<List<String>> valueOf(String last, Lab lab, String ns) {
        if (LINK_VALUED.contains(last)) {
            return Optional.of(lab.linksOf(ns));
        }
        if (last.equals("netns") || last.equals("-n") || last.equals("-netns")) {
            return Optional.of(lab.namespaces());
        }
        if (last.equals("via") || last.equals("src") || last.equals("-s") || last.equals("-d")) {
            return Optional.of(lab.addresses());
        }
        if (last.equals("nud")) {
            return Optional.of(NUD_STATES);
        }
        if (last.equals("type")) {
            return Optional.of(List.of("veth", "bridge"));
        }
        if (last.equals("peer")) {
            return Optional.of(List.of("name"));
        }
        if (last.equals("-c") || last.equals("-W") || last.equals("-i") || last.equals("-w") || last.equals("-t")
                || last.equals("-s") || last.equals("name") || last.equals("mtu") || last.equals("metric")
                || last.equals("lladdr") || last.equals("table") || last.equals("label")) {
            return Optional.of(List.of());
        }
        return Optional.empty();
    }

    private static List<String> ip(List<String> rest, String prefix, Lab lab, String here) {
        String ns = here;
        int i = 0;
        while (i < rest.size() && rest.get(i).startsWith("-")) {
            String o = rest.get(i).startsWith("--") ? rest.get(i).substring(1) : rest.get(i);
            if (o.equals("-n") || o.equals("-netns")) {
                if (i + 1 == rest.size()) {
                    return lab.namespaces();
                }
                ns = rest.get(++i);
            }
            i++;
        }
        if (i == rest.size()) {
            return prefix.startsWith("-") ? IP_OPTIONS : IP_OBJECTS;
        }
        String object = object(rest.get(i));
        if (object == null) {
            return List.of();
        }
        List<String> after = rest.subList(i + 1, rest.size());
        List<String> subcommands = IP_SUBCOMMANDS.getOrDefault(object, List.of());
        if (after.isEmpty()) {
            return subcommands;
        }
        String sub = subcommands.stream().filter(s -> Iproute2.matches(after.get(0), s)).findFirst()
                .orElse(after.get(0));
        List<String> args = after.subList(1, after.size());
        if (object.equals("netns")) {
            return netns(sub, args, prefix, lab);
        }
        String last = args.isEmpty() ? "" : args.get(args.size() - 1);
        Optional<List<String>> value = valueOf(last, lab, ns);
        if (value.isPresent()) {
            return value.get();
        }
        List<String> offered = new ArrayList<>(IP_KEYWORDS.getOrDefault(object, List.of()));
        boolean linkFirst = object.equals("link") && (sub.equals("set") || sub.equals("delete") || sub.equals("show"));
        if (linkFirst && args.isEmpty()) {
            offered.addAll(lab.linksOf(ns));
        }
        if (object.equals("route") && args.isEmpty() && !sub.equals("show") && !sub.equals("flush")) {
            offered.add("default");
        }
        return offered;
    }

    private static List<String> netns(String sub, List<String> args, String prefix, Lab lab) {
        boolean takesName = List.of("delete", "exec", "identify", "pids", "set").contains(sub);
        if (args.isEmpty()) {
            return takesName ? lab.namespaces() : List.of();
        }
        if (sub.equals("exec")) {
            // the program that runs inside the namespace, completed there
            return candidates(args.subList(1, args.size()), prefix, lab, args.get(0));
        }
        return List.of();
    }

    /** The object a word names, as ip matches it: its first letters, the first object in ip's order that fits. */
    private static String object(String typed) {
        for (String o : List.of("address", "route", "neighbour", "neighbor", "link", "netns", "help")) {
            if (Iproute2.matches(typed, o)) {
                return o.equals("neighbor") ? "neighbour" : o;
            }
        }
        return null;
    }

    private static List<String> iptables(String last, String prefix, Lab lab, String here) {
        switch (last) {
            case "-t", "--table" -> {
                return List.of("nat", "filter");
            }
            case "-A", "-D", "-I", "-L", "-S", "-F", "-P", "-N", "-X", "--append", "--list" -> {
                return IPTABLES_CHAINS;
            }
            case "-j", "--jump" -> {
                return IPTABLES_TARGETS;
            }
            case "-p", "--protocol" -> {
                return List.of("tcp", "udp", "icmp", "all");
            }
            default -> {
                return valueOf(last, lab, here).orElse(prefix.startsWith("-") || prefix.isEmpty()
                        ? IPTABLES_OPTIONS : List.of());
            }
        }
    }

    private static List<String> bridge(List<String> rest, Lab lab, String here) {
        if (rest.isEmpty()) {
            return List.of("link", "fdb", "vlan", "help");
        }
        if (rest.size() == 1) {
            return List.of("show", "help");
        }
        String last = rest.get(rest.size() - 1);
        return valueOf(last, lab, here).orElse(List.of("dev"));
    }

    private static List<String> nsenter(List<String> rest, String prefix, Lab lab, String here) {
        List<String> offered = new ArrayList<>();
        int i = 0;
        String ns = here;
        while (i < rest.size() && rest.get(i).startsWith("-")) {
            String w = rest.get(i);
            if (w.startsWith("--net=/run/netns/") || w.startsWith("--net=/var/run/netns/")) {
                ns = w.substring(w.lastIndexOf('/') + 1);
            }
            i++;
        }
        if (i < rest.size() || (!rest.isEmpty() && !prefix.startsWith("-"))) {
            return candidates(rest.subList(i, rest.size()), prefix, lab, ns);
        }
        for (String name : lab.namespaces()) {
            offered.add("--net=/run/netns/" + name);
            offered.add("--net=/var/run/netns/" + name);
        }
        return offered;
    }
}
