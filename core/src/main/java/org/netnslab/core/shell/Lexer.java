package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A line cut into bash's tokens: words (quotes and backslashes resolved, as {@link Words} does) and the
 * operators learners type around the tutorials' commands: {@code ; && || | &} and the redirections
 * {@code > >> 2> 2>> &> 2>&1 >&2}. What bash has beyond that ({@code $ ` ( ) <}) is named, so that the line
 * is refused whole rather than half understood.
 */
final class Lexer {

    enum Kind { WORD, OPERATOR, UNSUPPORTED }

    record Token(Kind kind, String text) {
        boolean is(String op) {
            return kind == Kind.OPERATOR && text.equals(op);
        }
    }

    /** The tokens; a quote left open is thrown as bash words it. */
    static List<Token> lex(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = c == '\'' ? line.indexOf('\'', i + 1) : closingDoubleQuote(line, i + 1);
                if (close < 0) {
                    throw new SyntaxError("bash: unexpected EOF while looking for matching `" + c + "'");
                }
                String inside = line.substring(i + 1, close);
                if (c == '"') {
                    if (inside.matches("(?s).*(?<!\\\\)[$`].*")) {
                        tokens.add(new Token(Kind.UNSUPPORTED, inside.contains("`") ? "`" : "$"));
                    }
                    inside = inside.replaceAll("\\\\([\"\\\\$`])", "$1");
                }
                word.append(inside);
                inWord = true;
                quoted = true;
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 < line.length()) {
                    word.append(line.charAt(i + 1));
                }
                inWord = true;
                quoted = true;
                i += 2;
            } else if (c == ' ' || c == '\t') {
                i++;
                if (inWord) {
                    tokens.add(new Token(Kind.WORD, word.toString()));
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else if ("|;&<>()`$".indexOf(c) >= 0) {
                boolean fd = inWord && !quoted && (word.toString().equals("1") || word.toString().equals("2"))
                        && c == '>';
                if (inWord && !fd) {
                    tokens.add(new Token(Kind.WORD, word.toString()));
                }
                String prefix = fd ? word.toString() : "";
                word.setLength(0);
                inWord = false;
                quoted = false;
                String op = operator(line, i);
                if (op.equals("$") && (i + 1 == line.length() || " \t".indexOf(line.charAt(i + 1)) >= 0)) {
                    word.append('$');
                    inWord = true;
                    i++;
                    continue;
                }
                boolean supported = !op.equals("<") && !op.equals("(") && !op.equals(")") && !op.equals("`")
                        && !op.equals("$");
                tokens.add(new Token(supported ? Kind.OPERATOR : Kind.UNSUPPORTED, prefix + op));
                i += op.length();
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            tokens.add(new Token(Kind.WORD, word.toString()));
        }
        return tokens;
    }

    private static int closingDoubleQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The longest operator at {@code i}, as bash's tokenizer reads them. */
    private static String operator(String line, int i) {
        for (String op : List.of(">&2", "&>>", "&&", "||", ";;", ">>", "&>", ">&", "|&")) {
            if (line.startsWith(op, i)) {
                return op;
            }
        }
        return String.valueOf(line.charAt(i));
    }

    /** A line bash refuses before it runs anything: its words, status 2. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
