package org.netnslab.core.coreutils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;

/**
 * {@code wc [-lwc]} of its stdin: one count alone is printed bare; several (or none asked, which is all
 * three) each in 7 columns, as coreutils pads the counts of a stream whose size it cannot know.
 */
public record Wc(String counts) implements Command {

    public static Command parse(List<String> args) {
        StringBuilder counts = new StringBuilder();
        for (String w : args) {
            if (w.equals("--lines")) {
                counts.append('l');
            } else if (w.equals("--words")) {
                counts.append('w');
            } else if (w.equals("--bytes")) {
                counts.append('c');
            } else if (w.startsWith("-") && w.length() > 1 && !w.startsWith("--")) {
                for (char c : w.substring(1).toCharArray()) {
                    if ("lwc".indexOf(c) < 0) {
                        return new Invalid("wc: invalid option -- '" + c + "'\n"
                                + "Try 'wc --help' for more information.", 1);
                    }
                    counts.append(c);
                }
            } else {
                return new Invalid("netns-lab: wc of a file is not part of the lab; pipe into it (ip a | wc -l).", 1);
            }
        }
        return new Wc(counts.length() == 0 ? "lwc" : counts.toString());
    }

    @Override
    public CommandResult run(Context context, String ns) {
        if (context.stdin().isEmpty()) {
            return CommandResult.netnsLab("wc reading the terminal is not part of the lab: pipe into it "
                    + "(ip a | wc -l)", 1);
        }
        String in = context.stdin().get();
        List<Long> values = new ArrayList<>();
        if (counts.indexOf('l') >= 0) {
            values.add(in.chars().filter(c -> c == '\n').count());
        }
        if (counts.indexOf('w') >= 0) {
            String t = in.strip();
            values.add(t.isEmpty() ? 0L : (long) t.split("\\s+").length);
        }
        if (counts.indexOf('c') >= 0) {
            values.add((long) in.getBytes(StandardCharsets.UTF_8).length);
        }
        if (values.size() == 1) {
            return new CommandResult(values.get(0) + "\n", 0);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%7d", values.get(i)));
        }
        return new CommandResult(sb + "\n", 0);
    }
}
