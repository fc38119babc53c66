package org.netnslab.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a line into words as the shell would, for the simple lines learners type: blanks separate
 * words, single and double quotes group them, a backslash escapes one character. The shell's operators
 * ({@code | ; & < > $ `}) are not interpreted: {@link #shellSyntax(String)} finds them so that the line can be
 * refused with a clear message instead of being half understood.
 */
public final class Words {

    private Words() {}

    /** The words of the line; empty if a quote is not closed. */
    public static Optional<List<String>> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (inWord) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }

    /** The first shell operator outside quotes, if the line has one. */
    public static Optional<String> shellSyntax(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if ("|;&<>`$".indexOf(c) >= 0) {
                return Optional.of(String.valueOf(c));
            }
        }
        return Optional.empty();
    }
}
