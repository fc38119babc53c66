package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netnslab.core.backend.Backend;

/**
 * The hints of a step, for a learner who does it alone, one at a time (Markdown):
 * <ol>
 *   <li>what to think about: the teacher's own hints (a step's {@code hint} block, a paragraph each), or else
 *       derived from the step's commands: what each does, in words, and where they run;
 *   <li>the commands with blanks where the names and addresses go ({@code ip netns exec ___ ip addr add ___ dev
 *       ___}), unless there is nothing to blank;
 *   <li>the commands in full.
 * </ol>
 * Derived from the commands' words only, so that any lesson gets hints without writing one.
 */
public final class Hints {

    /** What a blank looks like in the second hint. */
    public static final String BLANK = "___";

    /** Words the blanks keep: the tools' keywords, and the two links every lab has. */
    private static final Set<String> KEYWORDS = Set.of(
            "ip", "netns", "exec", "add", "del", "delete", "list", "ls", "show", "set", "link", "l", "type", "veth",
            "bridge", "peer", "name", "dev", "up", "down", "addr", "address", "a", "route", "r", "ro", "via",
            "default", "master", "nomaster", "get", "neigh", "sysctl", "iptables", "nat", "filter", "POSTROUTING",
            "PREROUTING", "MASQUERADE", "ping", "nc", "bash", "sh", "exit", "sudo", "lo", "eth0", "proto", "scope",
            "src", "metric", "ip_forward");

    private Hints() {}

    /** Every hint of the step, in the order they are given. */
    public static List<String> of(Step step) {
        List<String> hints = new ArrayList<>();
        if (step.hints().isEmpty()) {
            hints.add(think(step.commands()));
        } else {
            hints.addAll(step.hints());
        }
        List<String> blanked = step.commands().stream().map(Hints::blanks).toList();
        if (!blanked.equals(step.commands())) {
            hints.add("Fill in the blanks:\n\n" + block(blanked));
        }
        hints.add((step.commands().size() == 1 ? "The command:" : "The commands, in order:") + "\n\n"
                + block(step.commands()));
        return hints;
    }

    private static String block(List<String> lines) {
        return "```\n" + String.join("\n", lines) + "\n```";
    }

    // ------------------------------------------------------------------------------------------ what to think about

    /** What the commands do, in words, and where they run. */
    static String think(List<String> commands) {
        Set<String> ideas = new LinkedHashSet<>();
        Set<String> where = new LinkedHashSet<>();
        for (String line : commands) {
            Shape s = Shape.of(line);
            where.add(s.namespace());
            idea(s).ifPresent(ideas::add);
        }
        StringBuilder sb = new StringBuilder("Think about what the goal takes: ");
        sb.append(ideas.isEmpty() ? "look at the lab as it is" : String.join("; ", ideas)).append('.');
        boolean elsewhere = where.stream().anyMatch(ns -> !ns.equals(Backend.HOST));
        if (elsewhere) {
            List<String> names = where.stream().map(ns -> Goals.code(Expectations.nsName(ns))).toList();
            sb.append(names.size() == 1 ? " Everything runs in " + names.get(0) : " The commands run in "
                    + join(names)).append(": a command runs inside a namespace with ")
                    .append(Goals.code("ip netns exec NS ...")).append(" (or ").append(Goals.code("ip -n NS ..."))
                    .append(" for ip itself).");
        }
        return sb.toString();
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Optional<String> idea(Shape s) {
        if (s.chatLine()) {
            return Optional.of("a line typed into the nc on each side of the chat");
        }
        List<String> w = s.words();
        if (w.isEmpty()) {
            return Optional.empty();
        }
        String tool = w.get(0);
        return switch (tool) {
            case "ip" -> ip(w);
            case "sysctl" -> Optional.of("forwarding, which makes a namespace pass packets on, as a router does ("
                    + Goals.code("sysctl") + ")");
            case "iptables" -> Optional.of(w.contains("-A") || w.contains("--append")
                    ? "masquerade: the source of a packet that leaves is rewritten to the host's own address ("
                            + Goals.code("iptables -t nat") + ")"
                    : "the rules as iptables lists them (" + Goals.code("iptables -t nat") + ")");
            case "ping" -> Optional.of("a ping, to see whether a reply comes back (" + Goals.code("ping") + ")");
            case "nc" -> Optional.of(w.contains("-l") ? "a netcat that listens on a port (" + Goals.code("nc -l")
                    + ")" : "a netcat that connects to the one that listens (" + Goals.code("nc") + ")");
            case "bash", "sh" -> Optional.of("a shell inside a namespace: what you type then runs there, until "
                    + Goals.code("exit"));
            case "exit" -> Optional.empty();
            default -> Optional.of(Goals.code(tool));
        };
    }

    private static Optional<String> ip(List<String> w) {
        String object = w.size() > 1 ? object(w.get(1)) : "";
        String verb = w.size() > 2 ? verb(w.get(2)) : "show";
        String tool = " (" + Goals.code("ip " + (object.isEmpty() ? w.size() > 1 ? w.get(1) : "" : object)) + ")";
        return Optional.of(switch (object + " " + verb) {
            case "netns add" -> "a namespace of its own";
            case "netns del" -> "deleting namespaces, and with them the links inside";
            case "netns show" -> "the list of namespaces";
            case "link add" -> w.contains("bridge") ? "a bridge: a switch that joins links"
                    : "a veth pair: a cable, both of its ends made at once";
            case "link set" -> w.contains("netns") ? "moving one end of a cable into a namespace"
                    : w.contains("master") ? "plugging links into a bridge, as ports"
                    : w.contains("down") ? "taking a link down" : "bringing links up, at both ends of each cable";
            case "link del" -> "deleting a link (a veth's peer goes with it)";
            case "link show" -> "what the links look like now";
            case "address add" -> "an address on each end";
            case "address del" -> "removing an address";
            case "address show" -> "the addresses as a namespace sees them";
            case "route add" -> w.contains("default") ? "a default route: where packets go when no other route"
                    + " matches" : w.contains("via") ? "a route to another subnet, through a gateway on the cable"
                    : "a route straight out of a link";
            case "route del" -> "removing a route";
            case "route show" -> "the routing table";
            case "route get" -> "the route one packet would take";
            default -> "what " + Goals.code(String.join(" ", w.subList(0, Math.min(3, w.size())))) + " does";
        } + tool);
    }

    static String object(String word) {
        for (String o : List.of("address", "route", "link", "netns", "neighbour")) {
            if (!word.isEmpty() && o.startsWith(word)) {
                return o.equals("neighbour") ? "neigh" : o;
            }
        }
        return word.equals("neigh") ? "neigh" : "";
    }

    static String verb(String word) {
        return switch (word) {
            case "add", "a" -> "add";
            case "del", "delete", "d" -> "del";
            case "set" -> "set";
            case "get" -> "get";
            case "show", "list", "ls", "lst", "sh" -> "show";
            default -> word.startsWith("-") ? "show" : word;
        };
    }

    // ------------------------------------------------------------------------------------------ blanks

    /** The line with a blank for each name, address and port: what the learner chooses. */
    static String blanks(String line) {
        Optional<ChatLine> chat = ChatLine.parse(line);
        if (chat.isPresent()) {
            ChatLine c = chat.get();
            return c.prompt() + (c.command() ? blankWords(c.text()) : BLANK);
        }
        return blankWords(line);
    }

    private static String blankWords(String line) {
        List<String> words = List.of(line.strip().split("\\s+"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String before = i == 0 ? "" : words.get(i - 1);
            out.add(keep(w, before) ? w : blankValue(w));
        }
        return String.join(" ", out);
    }

    private static boolean keep(String word, String before) {
        if (KEYWORDS.contains(word) || word.startsWith("-")) {
            return true;
        }
        // a count or a wait after an option (-c 2, -W 1) is not a choice the step is about
        return word.matches("\\d{1,2}") && before.startsWith("-");
    }

    /** {@code net.ipv4.ip_forward=1} keeps its key; a name is all blank. */
    private static String blankValue(String word) {
        int eq = word.indexOf('=');
        if (eq > 0) {
            return word.substring(0, eq + 1) + BLANK;
        }
        return BLANK;
    }

    // ------------------------------------------------------------------------------------------ a command's shape

    /**
     * A command's words without what only says where it runs ({@code sudo}, {@code ip netns exec NS},
     * {@code ip -n NS}, a chat's {@code NS$}), and that namespace.
     */
    record Shape(String namespace, List<String> words, boolean chatLine) {

        static Shape of(String line) {
            Optional<ChatLine> chat = ChatLine.parse(line);
            if (chat.isPresent()) {
                ChatLine c = chat.get();
                return c.command() ? inner(c.namespace(), words(c.text())) : new Shape(c.namespace(), List.of(), true);
            }
            return inner(Backend.HOST, words(line));
        }

        private static Shape inner(String ns, List<String> w) {
            List<String> words = new ArrayList<>(w);
            String where = ns;
            while (!words.isEmpty()) {
                if (words.get(0).equals("sudo")) {
                    words.remove(0);
                } else if (words.size() >= 4 && words.get(0).equals("ip") && words.get(1).equals("netns")
                        && words.get(2).equals("exec")) {
                    where = words.get(3);
                    words = new ArrayList<>(words.subList(4, words.size()));
                } else if (words.size() >= 3 && words.get(0).equals("ip")
                        && (words.get(1).equals("-n") || words.get(1).equals("-netns"))) {
                    where = words.get(2);
                    words.remove(1);
                    words.remove(1);
                } else {
                    break;
                }
            }
            return new Shape(where, List.copyOf(words), false);
        }

        private static List<String> words(String text) {
            String s = text.strip();
            return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
        }
    }
}
