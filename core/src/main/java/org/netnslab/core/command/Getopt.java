package org.netnslab.core.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * glibc's {@code getopt}, as ping, nc and iptables call it: short options one after another in a word
 * ({@code -nvL}); a value attached ({@code -c1}) or in the next word whatever it is ({@code -c -1}); an
 * optional value ({@code L::} in the option string) attached only; options among the operands; {@code --}
 * the end of them; and, for iptables, long options that stand for short ones ({@code --table} for
 * {@code -t}). Each tool reads the items one at a time, in the order typed, and decides what its options
 * mean and how it words its errors.
 */
public final class Getopt {

    /** What an item is. */
    public enum Kind {
        /** An option the option string has, with its value if it takes one. */
        OPTION,
        /** A word that is no option. */
        OPERAND,
        /** A letter the option string does not have: getopt's {@code invalid option}. */
        UNKNOWN,
        /** An option that takes a value at the end of the line: getopt's {@code option requires an argument}. */
        MISSING_VALUE,
        /** {@code --}: every word after it is an operand. */
        END_OF_OPTIONS,
        /** {@code --NAME} where the tool has no long option of that name. */
        UNKNOWN_LONG
    }

    /**
     * One item of the line.
     *
     * @param name the option's letter (for a long option, the short one it stands for)
     * @param word the word it came from: the cluster of options, the operand, the long option
     */
    public record Item(Kind kind, char name, Optional<String> value, String word) {}

    private final List<String> words;
    private final String optstring;
    private final Map<String, Character> longOptions;
    private int at;
    private String cluster;
    private int inCluster;
    private boolean optionsOver;

    /** @param optstring getopt's: the letters, a colon after one that takes a value, two for an optional one */
    public Getopt(List<String> words, String optstring) {
        this(words, optstring, Map.of());
    }

    /** @param longOptions {@code getopt_long}'s table, by the exact name after {@code --} */
    public Getopt(List<String> words, String optstring, Map<String, Character> longOptions) {
        this.words = words;
        this.optstring = optstring;
        this.longOptions = longOptions;
    }

    public boolean more() {
        return cluster != null || at < words.size();
    }

    /** The next item; {@link #more()} must be true. */
    public Item next() {
        if (cluster == null) {
            String w = words.get(at++);
            if (optionsOver || !w.startsWith("-") || w.equals("-")) {
                return new Item(Kind.OPERAND, '\0', Optional.empty(), w);
            }
            if (w.equals("--")) {
                optionsOver = true;
                return new Item(Kind.END_OF_OPTIONS, '\0', Optional.empty(), w);
            }
            if (!longOptions.isEmpty() && w.startsWith("--")) {
                Character shortName = longOptions.get(w.substring(2));
                return shortName == null ? new Item(Kind.UNKNOWN_LONG, '\0', Optional.empty(), w)
                        : option(shortName, w, "");
            }
            cluster = w;
            inCluster = 1;
        }
        String word = cluster;
        char o = word.charAt(inCluster++);
        String attached = word.substring(inCluster);
        if (attached.isEmpty()) {
            cluster = null;
        }
        return option(o, word, attached);
    }

    /**
     * The next word, taken as a value when {@code wanted} says so, but only between words: iptables' own
     * reading of an optional chain after {@code -L} ({@code -L FORWARD}).
     */
    public Optional<String> nextWordIf(Predicate<String> wanted) {
        if (cluster == null && at < words.size() && wanted.test(words.get(at))) {
            return Optional.of(words.get(at++));
        }
        return Optional.empty();
    }

    /** Option {@code o} of {@code word}, with what stands after it in the word. */
    private Item option(char o, String word, String attached) {
        int spec = o == ':' ? -1 : optstring.indexOf(o);
        if (spec < 0) {
            return new Item(Kind.UNKNOWN, o, Optional.empty(), word);
        }
        boolean takesValue = spec + 1 < optstring.length() && optstring.charAt(spec + 1) == ':';
        boolean optional = takesValue && spec + 2 < optstring.length() && optstring.charAt(spec + 2) == ':';
        if (!takesValue) {
            return new Item(Kind.OPTION, o, Optional.empty(), word);
        }
        cluster = null;
        if (!attached.isEmpty()) {
            return new Item(Kind.OPTION, o, Optional.of(attached), word);
        }
        if (optional) {
            return new Item(Kind.OPTION, o, Optional.empty(), word);
        }
        if (at < words.size()) {
            return new Item(Kind.OPTION, o, Optional.of(words.get(at++)), word);
        }
        return new Item(Kind.MISSING_VALUE, o, Optional.empty(), word);
    }

    /** getopt's complaint of a letter it does not know, in the name the program was called by. */
    public static String invalidOption(String program, char o) {
        return program + ": invalid option -- '" + o + "'";
    }

    /** getopt's complaint of an option without its value at the end of the line. */
    public static String requiresArgument(String program, char o) {
        return program + ": option requires an argument -- '" + o + "'";
    }

    /**
     * What a program says of an item getopt could not read (a long option it does not know, a letter it does
     * not know, an option without its value), its usage after the complaint, with its status; empty for an
     * item it read.
     */
    public static Optional<Invalid> complaint(Item item, String program, String usage, int status) {
        String line = switch (item.kind()) {
            case UNKNOWN_LONG -> program + ": unrecognized option '" + item.word() + "'";
            case UNKNOWN -> invalidOption(program, item.name());
            case MISSING_VALUE -> requiresArgument(program, item.name());
            default -> null;
        };
        return Optional.ofNullable(line).map(l -> new Invalid(l + "\n" + usage, status));
    }
}
