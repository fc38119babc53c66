package org.netnslab.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A lab is its log: the console commands a learner typed and the lesson steps they applied, in order; in a
 * lesson the learner does themselves, the hints they took and the steps they got done, shown or skipped. A
 * lab is rebuilt from it on any backend, so the page carries it (a hidden form field) and a reload or a
 * server restart restores the learner's lab, and their progress.
 */
record LabLog(List<Entry> entries) {

    /** How much of a log a page may carry back: enough for any lesson, small enough to replay at once. */
    static final int MAX_ENTRIES = 400;
    static final int MAX_ENCODED = 64 * 1024;

    /** What an entry records. */
    enum Kind {
        /** A command typed in the console: {@code $ COMMAND}. */
        COMMAND("$"),
        /** Lesson step N applied, in Watch: {@code # step N}. */
        STEP("# step"),
        /** A hint of step N taken: {@code # hint N}. */
        HINT("# hint"),
        /** Step N held at a check: {@code # done N}. */
        DONE("# done"),
        /** Step N's commands applied for the learner: {@code # shown N}. */
        SHOWN("# shown"),
        /** Step N left out: {@code # skip N}. */
        SKIPPED("# skip"),
        /** Ctrl-C in terminal 1: {@code ^C}; in terminal N: {@code ^C N}. */
        INTERRUPT("^C"),
        /** Terminal N opened, beside those there were ({@code New terminal}): {@code # terminal N}. */
        TERMINAL("# terminal"),
        /** A command typed in terminal N, N from 2: {@code $N COMMAND}; its text is {@code N COMMAND}. */
        COMMAND_IN("$");

        private final String mark;

        Kind(String mark) {
            this.mark = mark;
        }

        /** Whether the entry closes a step the learner does themselves: the next one opens after it. */
        boolean closesStep() {
            return this == DONE || this == SHOWN || this == SKIPPED;
        }
    }

    /** A command as typed, or a step's number. */
    record Entry(Kind kind, String text) {
        static Entry command(String line) {
            return new Entry(Kind.COMMAND, line);
        }

        static Entry interrupt() {
            return new Entry(Kind.INTERRUPT, "");
        }

        /** Ctrl-C in terminal N. */
        static Entry interrupt(int terminal) {
            return terminal == 1 ? interrupt() : new Entry(Kind.INTERRUPT, Integer.toString(terminal));
        }

        /** A command typed in terminal N. */
        static Entry command(int terminal, String line) {
            return terminal == 1 ? command(line) : new Entry(Kind.COMMAND_IN, terminal + " " + line);
        }

        /** The terminal the entry was typed in: 1 unless it names another. */
        int terminal() {
            if (kind == Kind.COMMAND_IN) {
                return Integer.parseInt(text.substring(0, text.indexOf(' ')));
            }
            if (kind == Kind.INTERRUPT && !text.isEmpty()) {
                return Integer.parseInt(text);
            }
            return kind == Kind.TERMINAL ? Integer.parseInt(text) : 1;
        }

        /** What was typed: the command as typed, in whichever terminal. */
        String line() {
            return kind == Kind.COMMAND_IN ? text.substring(text.indexOf(' ') + 1) : text;
        }

        /** Whether a learner typed it into a terminal: a command or Ctrl-C. */
        boolean typed() {
            return kind == Kind.COMMAND || kind == Kind.COMMAND_IN || kind == Kind.INTERRUPT;
        }

        static Entry step(int number) {
            return of(Kind.STEP, number);
        }

        static Entry of(Kind kind, int number) {
            return new Entry(kind, Integer.toString(number));
        }

        boolean step() {
            return kind == Kind.STEP;
        }

        int stepNumber() {
            return Integer.parseInt(text);
        }
    }

    LabLog {
        entries = List.copyOf(entries);
    }

    static LabLog empty() {
        return new LabLog(List.of());
    }

    LabLog plus(Entry e) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(e);
        return new LabLog(more);
    }

    /** Whether this log is where {@code longer} begins: the same entries, and maybe more after them. */
    boolean isPrefixOf(LabLog longer) {
        List<Entry> theirs = longer.entries();
        return entries.size() <= theirs.size() && theirs.subList(0, entries.size()).equals(entries);
    }

    boolean full() {
        return entries.size() >= MAX_ENTRIES;
    }

    /** The log without its last step and what came after it: the lab as it was before that step. */
    LabLog beforeLastStep() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).step()) {
                return new LabLog(entries.subList(0, i));
            }
        }
        return empty();
    }

    /**
     * The log as it was when the open step of an exercise opened: without the commands typed since the last
     * step was closed, with the hints taken since.
     */
    LabLog atStepStart() {
        int start = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).kind().closesStep()) {
                start = i + 1;
                break;
            }
        }
        List<Entry> kept = new ArrayList<>(entries.subList(0, start));
        entries.subList(start, entries.size()).stream().filter(e -> e.kind() == Kind.HINT || e.kind() == Kind.TERMINAL)
                .forEach(kept::add);
        return new LabLog(kept);
    }

    int stepsApplied() {
        return (int) entries.stream().filter(Entry::step).count();
    }

    /** One line an entry: {@code $ COMMAND}, {@code # step N}, {@code # hint N}..., then base64url, for a form field. */
    String encode() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (e.kind() == Kind.COMMAND_IN) {
                sb.append(e.kind().mark).append(e.text()).append('\n');
            } else {
                sb.append(e.kind().mark).append(e.text().isEmpty() ? "" : " " + e.text()).append('\n');
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The log a page sent back; empty when it is missing, too large or not a log. */
    static Optional<LabLog> decode(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("$ ")) {
                entries.add(Entry.command(line.substring(2)));
            } else if (line.matches("\\$([2-9]|[1-9][0-9]) .*")) {
                entries.add(new Entry(Kind.COMMAND_IN, line.substring(1)));
            } else if (line.equals(Kind.INTERRUPT.mark)) {
                entries.add(Entry.interrupt());
            } else if (line.matches("\\^C ([2-9]|[1-9][0-9])")) {
                entries.add(new Entry(Kind.INTERRUPT, line.substring(3)));
            } else if (line.matches("# (step|hint|done|shown|skip|terminal) [0-9]{1,4}")) {
                String mark = line.substring(0, line.lastIndexOf(' '));
                int number = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                entries.add(Entry.of(Arrays.stream(Kind.values()).filter(k -> k.mark.equals(mark)).findFirst()
                        .orElseThrow(), number));
            } else {
                return Optional.empty();
            }
            if (entries.size() > MAX_ENTRIES) {
                return Optional.empty();
            }
        }
        return Optional.of(new LabLog(entries));
    }
}
