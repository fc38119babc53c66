package org.netnslab.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A lab is its log: the console commands a learner typed and the lesson steps they applied, in order. A
 * lab is rebuilt from it on any backend, so the page carries it (a hidden form field) and a reload or a
 * server restart restores the learner's lab.
 */
record LabLog(List<Entry> entries) {

    /** How much of a log a page may carry back: enough for any lesson, small enough to replay at once. */
    static final int MAX_ENTRIES = 400;
    static final int MAX_ENCODED = 64 * 1024;

    /** A command typed in the console, or lesson step N applied. */
    record Entry(boolean step, String text) {
        static Entry command(String line) {
            return new Entry(false, line);
        }

        static Entry step(int number) {
            return new Entry(true, Integer.toString(number));
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

    int stepsApplied() {
        return (int) entries.stream().filter(Entry::step).count();
    }

    /** One line an entry: {@code $ COMMAND} or {@code # step N}, then base64url, for a form field. */
    String encode() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(e.step() ? "# step " + e.text() : "$ " + e.text()).append('\n');
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
            } else if (line.matches("# step [0-9]{1,4}")) {
                entries.add(Entry.step(Integer.parseInt(line.substring(7))));
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
