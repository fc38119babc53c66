package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A terminal's history, as bash keeps it with Debian's {@code HISTCONTROL=ignoreboth}: every line typed, but
 * not a blank one, not one that starts with a space, and not the same line twice in a row; the oldest go first
 * past {@link #MAX} lines. ArrowUp and ArrowDown walk it ({@link #previous}, {@link #next}); the line being
 * typed is kept, and comes back below the newest.
 */
public final class History {

    /** bash's HISTSIZE on Debian. */
    public static final int MAX = 500;

    private final List<String> lines = new ArrayList<>();
    private int position;
    private String draft = "";

    public History() {}

    public History(List<String> typed) {
        typed.forEach(this::add);
    }

    /** Whether bash would keep {@code line} after {@code last}, the newest line kept (empty when none). */
    public static boolean keeps(String last, String line) {
        return !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.equals(last);
    }

    /** A line typed: kept when bash would keep it. The walk starts again below the newest. */
    public boolean add(String line) {
        String stripped = line.replace("\n", " ");
        boolean kept = keeps(lines.isEmpty() ? "" : lines.get(lines.size() - 1), stripped);
        if (kept) {
            lines.add(stripped);
            if (lines.size() > MAX) {
                lines.remove(0);
            }
        }
        position = lines.size();
        draft = "";
        return kept;
    }

    /** ArrowUp with {@code current} on the line: the line before, or {@code current} at the oldest. */
    public String previous(String current) {
        if (position == lines.size()) {
            draft = current;
        }
        if (position == 0) {
            return current;
        }
        position--;
        return lines.get(position);
    }

    /** ArrowDown: the line after, and below the newest, the line that was being typed. */
    public String next(String current) {
        if (position >= lines.size()) {
            return current;
        }
        position++;
        return position == lines.size() ? draft : lines.get(position);
    }

    /** Oldest first. */
    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }
}
