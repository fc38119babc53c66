package org.netnslab.core.iptables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * glibc's {@code getopt_long} as iptables calls it ({@code "-:A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fbvw::W::nt:m:xc:g:46"}
 * with {@code original_opts}), where the long options grow as {@code -p}, {@code -m} and {@code -j} load their
 * extensions: one item at a time, in the order typed; a word that is no option comes back as an operand, as the
 * leading {@code -} of the option string asks.
 */
final class IptablesOptions {

    /** How an option takes its value. */
    enum Arg {
        NONE, REQUIRED, OPTIONAL
    }

    /** An option, by its short letter (or a made-up one for a long option alone) and how it takes a value. */
    record Spec(String name, Arg arg) {}

    /** One item: an option with its value, an operand, or what getopt refused. */
    record Item(Kind kind, String name, Optional<String> value, String word) {}

    enum Kind {
        OPTION, OPERAND, UNKNOWN, MISSING_VALUE, END
    }

    private static final String SHORT = "A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fbvw::W::nt:m:xc:g:46";

    /** {@code original_opts}: the long names and the short option each stands for. */
    private static final Map<String, String> BASE_LONG = Map.ofEntries(Map.entry("append", "A"),
            Map.entry("delete", "D"), Map.entry("check", "C"), Map.entry("insert", "I"), Map.entry("replace", "R"),
            Map.entry("list", "L"), Map.entry("list-rules", "S"), Map.entry("flush", "F"), Map.entry("zero", "Z"),
            Map.entry("new-chain", "N"), Map.entry("delete-chain", "X"), Map.entry("rename-chain", "E"),
            Map.entry("policy", "P"), Map.entry("source", "s"), Map.entry("destination", "d"), Map.entry("src", "s"),
            Map.entry("dst", "d"), Map.entry("protocol", "p"), Map.entry("in-interface", "i"), Map.entry("jump", "j"),
            Map.entry("table", "t"), Map.entry("match", "m"), Map.entry("numeric", "n"),
            Map.entry("out-interface", "o"), Map.entry("verbose", "v"), Map.entry("wait", "w"),
            Map.entry("wait-interval", "W"), Map.entry("exact", "x"), Map.entry("fragments", "f"),
            Map.entry("version", "V"), Map.entry("help", "h"), Map.entry("line-numbers", "0"),
            Map.entry("modprobe", "M"), Map.entry("set-counters", "c"), Map.entry("goto", "g"),
            Map.entry("ipv4", "4"), Map.entry("ipv6", "6"));

    private final List<String> words;
    private int next;
    /** The short options of a cluster not read yet ({@code -nvL}). */
    private String cluster = "";
    /** The extensions' long options loaded so far, by name, in the order they were loaded. */
    private final Map<String, Arg> extensionLong = new LinkedHashMap<>();

    IptablesOptions(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** An extension was loaded: its options can be given from now on. */
    void load(Map<String, Arg> options) {
        options.forEach(extensionLong::putIfAbsent);
    }

    boolean more() {
        return !cluster.isEmpty() || next < words.size();
    }

    /**
     * The next word if it is there and does not start with {@code -} or {@code !}: what the commands that take
     * more than one word read ({@code -E OLD NEW}, {@code -D CHAIN NUM}).
     */
    Optional<String> nextOperand() {
        if (cluster.isEmpty() && next < words.size()) {
            String w = words.get(next);
            if (!w.startsWith("-") && !w.startsWith("!")) {
                next++;
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    Item next() {
        if (!cluster.isEmpty()) {
            return shortOption(cluster, "-" + cluster);
        }
        String w = words.get(next++);
        if (w.equals("--")) {
            return new Item(Kind.END, "--", Optional.empty(), w);
        }
        if (w.startsWith("--")) {
            return longOption(w);
        }
        if (w.startsWith("-") && w.length() > 1) {
            return shortOption(w.substring(1), w);
        }
        return new Item(Kind.OPERAND, w, Optional.empty(), w);
    }

    private Item shortOption(String letters, String word) {
        char c = letters.charAt(0);
        String rest = letters.substring(1);
        int at = SHORT.indexOf(c);
        if (c == ':' || at < 0) {
            cluster = "";
            return new Item(Kind.UNKNOWN, String.valueOf(c), Optional.empty(), word);
        }
        boolean takes = at + 1 < SHORT.length() && SHORT.charAt(at + 1) == ':';
        boolean optional = takes && at + 2 < SHORT.length() && SHORT.charAt(at + 2) == ':';
        String name = String.valueOf(c);
        if (!takes) {
            cluster = rest;
            return new Item(Kind.OPTION, name, Optional.empty(), word);
        }
        cluster = "";
        if (!rest.isEmpty()) {
            return new Item(Kind.OPTION, name, Optional.of(rest), word);
        }
        if (optional) {
            return new Item(Kind.OPTION, name, Optional.empty(), word);
        }
        if (next < words.size()) {
            return new Item(Kind.OPTION, name, Optional.of(words.get(next++)), word);
        }
        return new Item(Kind.MISSING_VALUE, name, Optional.empty(), word);
    }

    private Item longOption(String word) {
        String body = word.substring(2);
        int eq = body.indexOf('=');
        String name = eq >= 0 ? body.substring(0, eq) : body;
        Optional<String> attached = eq >= 0 ? Optional.of(body.substring(eq + 1)) : Optional.empty();
        Optional<String> full = resolve(name);
        if (full.isEmpty()) {
            return new Item(Kind.UNKNOWN, name, Optional.empty(), word);
        }
        String n = full.get();
        Arg arg;
        String shortName = BASE_LONG.get(n);
        if (shortName != null) {
            int at = SHORT.indexOf(shortName.charAt(0));
            boolean takes = at >= 0 && at + 1 < SHORT.length() && SHORT.charAt(at + 1) == ':';
            boolean optional = takes && at + 2 < SHORT.length() && SHORT.charAt(at + 2) == ':';
            arg = shortName.equals("0") ? Arg.NONE : !takes ? Arg.NONE : optional ? Arg.OPTIONAL : Arg.REQUIRED;
            n = shortName;
        } else {
            arg = extensionLong.get(n);
            n = "--" + n;
        }
        if (arg == Arg.NONE) {
            return new Item(Kind.OPTION, n, Optional.empty(), word);
        }
        if (attached.isPresent() || arg == Arg.OPTIONAL) {
            return new Item(Kind.OPTION, n, attached, word);
        }
        if (next < words.size()) {
            return new Item(Kind.OPTION, n, Optional.of(words.get(next++)), word);
        }
        return new Item(Kind.MISSING_VALUE, n, Optional.empty(), word);
    }

    /** The long option a name stands for: itself, or the one option it is a prefix of. */
    private Optional<String> resolve(String name) {
        if (BASE_LONG.containsKey(name) || extensionLong.containsKey(name)) {
            return Optional.of(name);
        }
        List<String> candidates = new ArrayList<>();
        for (String n : BASE_LONG.keySet()) {
            if (n.startsWith(name)) {
                candidates.add(n);
            }
        }
        for (String n : extensionLong.keySet()) {
            if (n.startsWith(name)) {
                candidates.add(n);
            }
        }
        return candidates.size() == 1 && !name.isEmpty() ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
