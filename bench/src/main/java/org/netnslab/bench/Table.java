package org.netnslab.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's one table, in Markdown, so that it goes into the README as printed. */
final class Table {

    /** One figure: what was measured, on netns-lab and on the real tools, their ratio, the target and its verdict. */
    record Row(String measure, String netnsLab, String real, String ratio, String target, String reached) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String measure, String netnsLab, String real, String ratio, String target, Boolean reached) {
        rows.add(new Row(measure, netnsLab, real, ratio, target, reached == null ? "" : reached ? "yes" : "**no**"));
    }

    void note(String line) {
        notes.add(line);
    }

    String render() {
        String[] head = {"measure", "netns-lab", "real tools", "ratio", "target", "reached"};
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", head)).append(" |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(String.join(" | ", r.measure(), r.netnsLab(), r.real(), r.ratio(), r.target(),
                    r.reached())).append(" |\n");
        }
        for (String n : notes) {
            sb.append('\n').append(n).append('\n');
        }
        return sb.toString();
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        if (millis >= 10_000) {
            return String.format("%,.0f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format("%,.0f ms", millis);
        }
        if (millis >= 1) {
            return String.format("%.1f ms", millis);
        }
        return String.format("%.3f ms", millis);
    }

    static String us(double micros) {
        return micros >= 100 ? String.format("%,.0f µs", micros) : String.format("%.1f µs", micros);
    }

    static String times(double ratio) {
        return ratio >= 10 ? String.format("%,.0fx", ratio) : String.format("%.2fx", ratio);
    }
}
