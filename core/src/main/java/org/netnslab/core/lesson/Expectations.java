package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.command.JourneyFormat;
import org.netnslab.core.lesson.Expectation.DoesNotReach;
import org.netnslab.core.lesson.Expectation.Forwarding;
import org.netnslab.core.lesson.Expectation.HasAddress;
import org.netnslab.core.lesson.Expectation.HasLink;
import org.netnslab.core.lesson.Expectation.HasNoAddress;
import org.netnslab.core.lesson.Expectation.HasNoLink;
import org.netnslab.core.lesson.Expectation.HasNoRoute;
import org.netnslab.core.lesson.Expectation.HasRoute;
import org.netnslab.core.lesson.Expectation.OutputContains;
import org.netnslab.core.lesson.Expectation.Reaches;
import org.netnslab.core.lesson.Expectation.Receives;
import org.netnslab.core.model.OperState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;

/** Reads the expectation language of {@link Expectation}: one line, one expectation. */
public final class Expectations {

    /** The word a lesson uses for the lab's host. */
    public static final String HOST_WORD = "host";

    private static final String FORMS = "write \"NS reaches ADDR\", \"NS does not reach ADDR\", \"NS has route PREFIX\","
            + " \"NS has no route PREFIX\", \"NS has address ADDR\", \"NS has link DEV\", \"NS forwards\""
            + ", \"output contains \\\"TEXT\\\"\" or \"NS receives \\\"TEXT\\\"\"";

    private Expectations() {}

    /**
     * Parses one expectation, as written in an {@code expect} block.
     *
     * @throws IllegalArgumentException with a sentence for the teacher when the line is not an expectation
     */
    public static Expectation parse(String line) {
        List<String> words = words(line.strip());
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an empty expectation: " + FORMS);
        }
        Cursor c = new Cursor(words);
        String first = c.next();
        if (first.equals("output")) {
            return output(c);
        }
        if (first.startsWith("\"")) {
            throw new IllegalArgumentException("an expectation starts with a namespace or \"output\", not a text: "
                    + FORMS);
        }
        String ns = namespace(first);
        if (!c.more()) {
            throw new IllegalArgumentException("nothing after \"" + first + "\": " + FORMS);
        }
        String verb = c.next();
        Expectation e = switch (verb) {
            case "reaches" -> reaches(ns, c);
            case "receives" -> new Receives(ns, quoted(c, "receives"), true);
            case "forwards" -> new Forwarding(ns, true);
            case "does" -> does(ns, c);
            case "has" -> has(ns, c);
            default -> throw new IllegalArgumentException("\"" + verb + "\" is not something a namespace does in a"
                    + " lesson: " + FORMS);
        };
        if (c.more()) {
            throw new IllegalArgumentException("unexpected \"" + c.peek() + "\" after \"" + e.text() + "\"");
        }
        return e;
    }

    private static Expectation output(Cursor c) {
        boolean present;
        if (c.accept("contains")) {
            present = true;
        } else if (c.accept("does") && c.accept("not") && c.accept("contain")) {
            present = false;
        } else {
            throw new IllegalArgumentException(
                    "write \"output contains \\\"TEXT\\\"\" or \"output does not contain \\\"TEXT\\\"\"");
        }
        if (!c.more() || !c.peek().startsWith("\"")) {
            throw new IllegalArgumentException("the text to look for goes in double quotes: output "
                    + (present ? "contains" : "does not contain") + " \"1 received\"");
        }
        String text = unquote(c.next());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the text to look for is empty");
        }
        if (c.more()) {
            throw new IllegalArgumentException("unexpected \"" + c.peek() + "\" after the quoted text");
        }
        return new OutputContains(text, present);
    }

    private static Expectation reaches(String ns, Cursor c) {
        Ipv4Address dst = address(c, "reaches");
        Optional<Integer> ttl = Optional.empty();
        if (c.accept("with")) {
            if (!c.accept("ttl") || !c.more()) {
                throw new IllegalArgumentException("write \"with ttl N\" after the address");
            }
            ttl = Optional.of(number(c.next(), "a ttl", 1, 255));
        }
        return new Reaches(ns, dst, ttl);
    }

    private static Expectation does(String ns, Cursor c) {
        String forms = "write \"does not reach ADDR\", \"does not forward\" or \"does not receive \\\"TEXT\\\"\"";
        if (!c.accept("not")) {
            throw new IllegalArgumentException(forms);
        }
        if (c.accept("reach")) {
            return new DoesNotReach(ns, address(c, "does not reach"));
        }
        if (c.accept("forward")) {
            return new Forwarding(ns, false);
        }
        if (c.accept("receive")) {
            return new Receives(ns, quoted(c, "does not receive"), false);
        }
        throw new IllegalArgumentException(forms);
    }

    /** The text a chat expectation looks for, in double quotes. */
    private static String quoted(Cursor c, String after) {
        if (!c.more() || !c.peek().startsWith("\"")) {
            throw new IllegalArgumentException("the text to look for goes in double quotes: " + after
                    + " \"hello\"");
        }
        String text = unquote(c.next());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the text to look for is empty");
        }
        return text;
    }

    private static Expectation has(String ns, Cursor c) {
        boolean no = c.accept("no");
        if (c.accept("route")) {
            Ipv4Cidr prefix = routePrefix(c);
            if (no) {
                return new HasNoRoute(ns, prefix);
            }
            Optional<Ipv4Address> via = Optional.empty();
            Optional<String> dev = Optional.empty();
            while (c.more()) {
                if (via.isEmpty() && c.accept("via")) {
                    via = Optional.of(address(c, "via"));
                } else if (dev.isEmpty() && c.accept("dev")) {
                    dev = Optional.of(device(c, "dev"));
                } else {
                    break;
                }
            }
            return new HasRoute(ns, prefix, via, dev);
        }
        if (c.accept("address")) {
            if (!c.more()) {
                throw new IllegalArgumentException("an address is missing after \"address\"");
            }
            String w = c.next();
            Ipv4Cidr cidr = Ipv4Cidr.tryParse(w)
                    .orElseThrow(() -> new IllegalArgumentException("\"" + w + "\" is not an IPv4 address"));
            Optional<Integer> length = w.contains("/") ? Optional.of(cidr.prefixLength()) : Optional.empty();
            if (no) {
                return new HasNoAddress(ns, cidr.address(), length);
            }
            Optional<String> dev = c.accept("on") ? Optional.of(device(c, "on")) : Optional.empty();
            return new HasAddress(ns, cidr.address(), length, dev);
        }
        if (c.accept("link")) {
            String dev = device(c, "link");
            if (no) {
                return new HasNoLink(ns, dev);
            }
            Optional<OperState> state = Optional.empty();
            Optional<String> master = Optional.empty();
            while (c.more()) {
                if (state.isEmpty() && c.accept("state")) {
                    state = Optional.of(operState(c));
                } else if (master.isEmpty() && c.accept("master")) {
                    master = Optional.of(device(c, "master"));
                } else {
                    break;
                }
            }
            return new HasLink(ns, dev, state, master);
        }
        throw new IllegalArgumentException("write \"has " + (no ? "no " : "") + "route\", \"has " + (no ? "no " : "")
                + "address\" or \"has " + (no ? "no " : "") + "link\"");
    }

    private static OperState operState(Cursor c) {
        if (!c.more()) {
            throw new IllegalArgumentException("a state is missing after \"state\" (UP, DOWN, LOWERLAYERDOWN, UNKNOWN)");
        }
        String w = c.next();
        try {
            return OperState.valueOf(w.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + w + "\" is not a link state (UP, DOWN, LOWERLAYERDOWN, UNKNOWN)",
                    e);
        }
    }

    private static Ipv4Cidr routePrefix(Cursor c) {
        if (!c.more()) {
            throw new IllegalArgumentException("a prefix is missing after \"route\" (default, 10.0.0.0/24, 10.0.0.1)");
        }
        String w = c.next();
        if (w.equals("default")) {
            return Ipv4Cidr.DEFAULT;
        }
        Ipv4Cidr p = Ipv4Cidr.tryParse(w).orElseThrow(() -> new IllegalArgumentException(
                "\"" + w + "\" is not a route prefix (default, 10.0.0.0/24, 10.0.0.1)"));
        if (p.hasHostBits()) {
            throw new IllegalArgumentException("\"" + w + "\" has host bits set: a route's prefix is " + p.network());
        }
        return p;
    }

    private static Ipv4Address address(Cursor c, String after) {
        if (!c.more()) {
            throw new IllegalArgumentException("an address is missing after \"" + after + "\"");
        }
        String w = c.next();
        return Ipv4Address.tryParse(w)
                .orElseThrow(() -> new IllegalArgumentException("\"" + w + "\" is not an IPv4 address"));
    }

    private static String device(Cursor c, String after) {
        if (!c.more() || c.peek().startsWith("\"")) {
            throw new IllegalArgumentException("a link name is missing after \"" + after + "\"");
        }
        return c.next();
    }

    private static int number(String w, String what, int min, int max) {
        if (!w.matches("\\d{1,3}") || Integer.parseInt(w) < min || Integer.parseInt(w) > max) {
            throw new IllegalArgumentException("\"" + w + "\" is not " + what + " (" + min + " to " + max + ")");
        }
        return Integer.parseInt(w);
    }

    private static String namespace(String word) {
        if (word.equals(HOST_WORD)) {
            return Backend.HOST;
        }
        if (word.contains("/") || word.equals(".") || word.equals("..")) {
            throw new IllegalArgumentException("\"" + word + "\" is not a namespace name");
        }
        return word;
    }

    /** The lesson's word for a namespace of the lab: {@code host} for the host, the learner's names as they are. */
    public static String nsName(String labName) {
        return JourneyFormat.namespace(labName);
    }

    static String prefix(Ipv4Cidr p) {
        return p.isDefault() ? "default" : p.toRouteString();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unquote(String token) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < token.length() - 1; i++) {
            char ch = token.charAt(i);
            if (ch == '\\' && i + 1 < token.length() - 1) {
                ch = token.charAt(++i);
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** Splits on blanks; a double-quoted text (with {@code \"} and {@code \\} inside) is one word, quotes kept. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            int start = i;
            if (ch == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    i += line.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("a quoted text has no closing \"");
                }
                i++;
                if (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    throw new IllegalArgumentException("a quoted text ends in the middle of a word");
                }
            } else {
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
            }
            out.add(line.substring(start, i));
        }
        return out;
    }

    private static final class Cursor {
        private final List<String> words;
        private int i;

        Cursor(List<String> words) {
            this.words = words;
        }

        boolean more() {
            return i < words.size();
        }

        String peek() {
            return words.get(i);
        }

        String next() {
            return words.get(i++);
        }

        boolean accept(String word) {
            if (more() && peek().equals(word)) {
                i++;
                return true;
            }
            return false;
        }
    }
}
