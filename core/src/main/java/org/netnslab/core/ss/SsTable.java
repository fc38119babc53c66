package org.netnslab.core.ss;

import java.util.ArrayList;
import java.util.List;

/**
 * ss's output buffer and {@code render()} (iproute2 6.1): every field of every line is kept as a token, then each
 * column gets the width of its longest token (plus its left delimiter, except the first column with any), and the
 * lines are printed with that spacing. With no terminal and no {@code COLUMNS}, as in a lab, the screen is
 * unbounded and no spare width is spread among the columns.
 */
final class SsTable {

    /** A column of {@code columns[]}: left or right aligned, its header, its left delimiter. */
    enum Column {
        NETID(false, "Netid", ""),
        STATE(false, "State", " "),
        RECVQ(false, "Recv-Q", " "),
        SENDQ(false, "Send-Q", " "),
        ADDR(true, "Local Address:", " "),
        SERV(false, "Port", ""),
        RADDR(true, "Peer Address:", " "),
        RSERV(false, "Port", ""),
        PROC(false, "Process", ""),
        EXT(false, "", "");

        final boolean right;
        final String header;
        final String delimiter;

        Column(boolean right, String header, String delimiter) {
            this.right = right;
            this.header = header;
            this.delimiter = delimiter;
        }
    }

    private final boolean[] disabled = new boolean[Column.values().length];
    private final List<String[]> lines = new ArrayList<>();
    /**
     * Whether the last line is a socket's: then its Process field is still the one being written when ss renders,
     * never flushed, and so not measured ({@code field_flush} keeps {@code max_len}): it may stand out of its
     * column, and a header's Process is then not padded for it.
     */
    private boolean lastOpen;

    void disable(Column c) {
        disabled[c.ordinal()] = true;
    }

    /** {@code print_header}: every column's header, the last (EXT) empty. */
    void header() {
        String[] line = new String[Column.values().length];
        for (Column c : Column.values()) {
            line[c.ordinal()] = c.header;
        }
        lines.add(line);
        lastOpen = false;
    }

    /** One socket's line: a token for every column, in order; a column it leaves out is empty. */
    void line(String... tokens) {
        String[] line = new String[Column.values().length];
        for (int i = 0; i < line.length; i++) {
            line[i] = i < tokens.length && tokens[i] != null ? tokens[i] : "";
        }
        lines.add(line);
        lastOpen = true;
    }

    /** {@code render_calc_width} with an unbounded screen, then {@code render}. */
    String render() {
        Column[] columns = Column.values();
        int[] width = new int[columns.length];
        boolean first = true;
        for (Column c : columns) {
            if (disabled[c.ordinal()]) {
                continue;
            }
            int max = 0;
            for (int i = 0; i < lines.size(); i++) {
                boolean open = lastOpen && i == lines.size() - 1 && c == Column.PROC;
                max = Math.max(max, open ? 0 : lines.get(i)[c.ordinal()].length());
            }
            width[c.ordinal()] = !first && max > 0 ? max + c.delimiter.length() : max;
            if (width[c.ordinal()] > 0) {
                first = false;
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            boolean started = false;
            for (Column c : columns) {
                if (disabled[c.ordinal()]) {
                    continue;
                }
                if (!started && width[c.ordinal()] == 0) {
                    // render() starts each line at the first column that has a width
                    continue;
                }
                String token = line[c.ordinal()];
                int printed = 0;
                if (started) {
                    out.append(c.delimiter);
                    printed = c.delimiter.length();
                }
                started = true;
                int w = width[c.ordinal()];
                if (w > 0 && c.right) {
                    printed += pad(out, w - token.length() - printed);
                }
                out.append(token);
                printed += token.length();
                if (w > 0 && !c.right) {
                    pad(out, w - printed);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int pad(StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
        return Math.max(n, 0);
    }
}
