package org.netnslab.core.grep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;

/**
 * GNU grep 3.8 on its stdin, as learners pipe into it: {@code -i -v -E -F -c -w -x -q -n -o -e PATTERN},
 * clustered or not. Status 0 when a line was selected, 1 when none, 2 on an error.
 */
public record Grep(List<String> patterns, String flags) implements Command {

    private static final String USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\n"
            + "Try 'grep --help' for more information.";

    public static Command parse(List<String> args) {
        StringBuilder flags = new StringBuilder();
        List<String> patterns = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            if (options && w.equals("--")) {
                options = false;
            } else if (options && w.startsWith("--")) {
                switch (w) {
                    case "--ignore-case" -> flags.append('i');
                    case "--invert-match" -> flags.append('v');
                    case "--extended-regexp" -> flags.append('E');
                    case "--fixed-strings" -> flags.append('F');
                    case "--count" -> flags.append('c');
                    case "--word-regexp" -> flags.append('w');
                    case "--line-regexp" -> flags.append('x');
                    case "--quiet", "--silent" -> flags.append('q');
                    case "--line-number" -> flags.append('n');
                    case "--only-matching" -> flags.append('o');
                    case "--color", "--colour", "--color=auto", "--colour=auto", "--color=never" -> { }
                    default -> {
                        return new Invalid("grep: unrecognized option '" + w + "'\n" + USAGE, 2);
                    }
                }
            } else if (options && w.startsWith("-") && w.length() > 1) {
                for (int j = 1; j < w.length(); j++) {
                    char c = w.charAt(j);
                    if (c == 'e') {
                        String p = j + 1 < w.length() ? w.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (p == null) {
                            return new Invalid("grep: option requires an argument -- 'e'\n" + USAGE, 2);
                        }
                        patterns.add(p);
                        break;
                    }
                    if ("ivEFcwxqnoysaZ".indexOf(c) < 0) {
                        return new Invalid("grep: invalid option -- '" + c + "'\n" + USAGE, 2);
                    }
                    // -y is grep's old name for -i
                    flags.append(c == 'y' ? 'i' : c);
                }
            } else {
                operands.add(w);
            }
        }
        if (patterns.isEmpty()) {
            if (operands.isEmpty()) {
                return new Invalid(USAGE, 2);
            }
            patterns.add(operands.remove(0));
        }
        if (!operands.isEmpty()) {
            return new Invalid("netns-lab: grep in files is not part of the lab; pipe into it (ip a | grep inet).", 1);
        }
        return new Grep(List.copyOf(patterns), flags.toString());
    }

    @Override
    public CommandResult run(Context context, String ns) {
        if (context.stdin().isEmpty()) {
            return CommandResult.netnsLab("grep reading the terminal is not part of the lab: pipe into it "
                    + "(ip a | grep inet)", 1);
        }
        Pattern pattern;
        try {
            pattern = pattern();
        } catch (PatternSyntaxException e) {
            return CommandResult.of("grep: Unmatched ( or \\(", 2);
        }
        boolean invert = has('v');
        StringBuilder out = new StringBuilder();
        int count = 0;
        String[] lines = context.stdin().get().split("\n", -1);
        int n = lines.length - (context.stdin().get().endsWith("\n") ? 1 : 0);
        for (int i = 0; i < n; i++) {
            Matcher m = pattern.matcher(lines[i]);
            if (m.find() != invert) {
                count++;
                String prefix = has('n') ? (i + 1) + ":" : "";
                if (!has('o')) {
                    out.append(prefix).append(lines[i]).append('\n');
                } else if (!invert) {
                    do {
                        if (!m.group().isEmpty()) {
                            out.append(prefix).append(m.group()).append('\n');
                        }
                    } while (m.find());
                }
            }
        }
        int status = count > 0 ? 0 : 1;
        if (has('q')) {
            return new CommandResult("", status);
        }
        return new CommandResult(has('c') ? count + "\n" : out.toString(), status);
    }

    private boolean has(char flag) {
        return flags.indexOf(flag) >= 0;
    }

    private Pattern pattern() {
        List<String> regexes = new ArrayList<>();
        for (String p : patterns) {
            for (String one : p.split("\n", -1)) {
                String r = has('F') ? Pattern.quote(one) : has('E') ? extended(one) : basic(one);
                if (has('x')) {
                    r = "^(?:" + r + ")$";
                } else if (has('w')) {
                    r = "(?<![\\w])(?:" + r + ")(?![\\w])";
                }
                regexes.add(r);
            }
        }
        return Pattern.compile(String.join("|", regexes), has('i') ? Pattern.CASE_INSENSITIVE : 0);
    }

    /** An ERE in Java's words: the same, but for the brace that is literal where it opens no interval. */
    private static String extended(String ere) {
        return ere.replaceAll("\\{(?![0-9]+(,[0-9]*)?\\})", "\\\\{");
    }

    /** A BRE (GNU's, with {@code \| \+ \?}) in Java's words: the escaped operators are the plain ones. */
    private static String basic(String bre) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char d = bre.charAt(++i);
                if ("|+?(){}".indexOf(d) >= 0) {
                    sb.append(d);
                } else if (d == '<' || d == '>') {
                    sb.append("\\b");
                } else {
                    sb.append('\\').append(d);
                }
            } else if ("|+?(){}".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (c == '*' && (i == 0 || bre.charAt(i - 1) == '^')) {
                sb.append("\\*");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
