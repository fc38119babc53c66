package org.netnslab.core.command;


/**
 * What every iproute2 tool shares from its {@code lib/utils.c}: the prefix rule of its keywords, the words of
 * its argument errors, and its checks of an interface name.
 */
public final class Iproute2 {

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

    /** {@code invarg()}: an argument the tool cannot take. */
    public static Invalid invarg(String message, String arg) {
        return new Invalid("Error: argument \"" + arg + "\" is wrong: " + message, 255);
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
