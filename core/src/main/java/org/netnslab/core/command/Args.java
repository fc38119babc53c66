package org.netnslab.core.command;

import java.util.List;

/**
 * The words after a program's name, read left to right, as iproute2 walks {@code argv}: {@link #next()} is
 * its {@code NEXT_ARG_FWD}, {@link #value()} its {@code NEXT_ARG}, which gives up on a line that stops short
 * of a keyword's value.
 */
public final class Args {

    private final List<String> words;
    private int at;

    public Args(List<String> words) {
        this.words = words;
    }

    public boolean more() {
        return at < words.size();
    }

    public boolean done() {
        return !more();
    }

    public String peek() {
        return words.get(at);
    }

    public String next() {
        return words.get(at++);
    }

    /** The value a keyword takes: the next word, which must be there ({@link Incomplete} if it is not). */
    public String value() {
        if (!more()) {
            throw new Incomplete();
        }
        return next();
    }

    /** The words not read yet, which are read by that. */
    public List<String> rest() {
        List<String> r = words.subList(at, words.size());
        at = words.size();
        return r;
    }

    /** Every word, the ones read included. */
    public List<String> all() {
        return words;
    }

    /**
     * iproute2's {@code NEXT_ARG()} found no next word: the tool says {@link Iproute2#incomplete()} and exits.
     * Thrown from deep in an argument loop, caught where the tool's reading starts.
     */
    public static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Incomplete() {
            super(null, null, false, false);
        }
    }
}
