package org.netnslab.core.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every iproute2 tool shares from its {@code lib/utils.c}: the prefix rule of its keywords, the words of
 * its argument errors, and its checks of an interface name.
 */
public final class Iproute2 {

    /** A C number as strtol reads it whole: leading blanks, a sign, then the digits of its base. */
    private static final Pattern C_NUMBER = Pattern.compile("(?s)[ \\t\\n\\x0B\\f\\r]*([+-]?)(.*)");

    private Iproute2() {}

    /** {@code matches()}: the typed word is a non-empty prefix of the keyword ({@code ip a}, {@code ip r s}). */
    public static boolean matches(String typed, String keyword) {
        return !typed.isEmpty() && keyword.startsWith(typed);
    }

    /** {@code incomplete_command()}: a keyword's value is missing at the end of the line. */
    public static Invalid incomplete() {
        return new Invalid("Command line is not complete. Try option \"help\"", 255);
    }

    /** {@code duparg()}: a keyword given twice. */
    public static Invalid duparg(String key, String arg) {
        return new Invalid("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.", 255);
    }

    /** {@code duparg2()}: a second word where one was expected, or one the tool does not know. */
    public static Invalid duparg2(String key, String arg) {
        return new Invalid("Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.", 255);
    }

    /**
     * {@code invarg()}: an argument the tool cannot take. Some of iproute2's messages end with their own
     * newline, which prints an empty line under the error ({@code "Invalid \"vf\" value\n"}).
     */
    public static Invalid invarg(String message, String arg) {
        String line = "Error: argument \"" + arg + "\" is wrong: " + message;
        return new Invalid(message.endsWith("\n") ? line + "\n" : line, 255);
    }

    /** {@code missarg()}: a keyword that must be there before this one is not. */
    public static Invalid missarg(String key) {
        return new Invalid("Error: argument \"" + key + "\" is required", 255);
    }

    /** {@code get_integer()} in base 0: the whole word as a C int, decimal, {@code 0x} hex or {@code 0} octal. */
    public static Optional<Integer> getInteger(String s) {
        return strtol(s).filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE).map(Long::intValue);
    }

    /** {@code get_unsigned()} in base 0: the whole word as a C unsigned int (strtoul takes a sign, too). */
    public static Optional<Long> getUnsigned(String s) {
        return strtol(s).filter(v -> v >= 0 && v <= 0xffff_ffffL);
    }

    /** What {@code strtol(s, &end, 0)} reads when it reads the whole word: blanks, a sign, the digits. */
    private static Optional<Long> strtol(String s) {
        Matcher m = C_NUMBER.matcher(s);
        return m.matches() ? CNumber.baseZero(m.group(2)).map(v -> m.group(1).equals("-") ? -v : v) : Optional.empty();
    }

    /** {@code check_ifname()}: shorter than IFNAMSIZ, no slash, no blank (the kernel checks the rest). */
    public static boolean validIfname(String name) {
        return name.length() < 16 && validAltIfname(name);
    }

    /** {@code check_altifname()}: not empty, no slash, no blank; any length (the kernel checks it). */
    public static boolean validAltIfname(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
