package org.netnslab.core.ip;

/**
 * lib/color.c's colour_fprintf with the light-background palette (no COLORFGBG in the lab): the attribute's
 * escape, the text, {@code \e[0m}.
 */
enum Colors {
    IFNAME("\u001b[36m"),
    MAC("\u001b[33m"),
    INET("\u001b[35m"),
    INET6("\u001b[34m"),
    OPERSTATE_UP("\u001b[32m"),
    OPERSTATE_DOWN("\u001b[31m"),
    NONE("");

    private static final String CLEAR = "\u001b[0m";
    private final String code;

    Colors(String code) {
        this.code = code;
    }

    /** {@code text} painted when colour is on and this attribute has a colour. */
    String paint(boolean on, String text) {
        return !on || this == NONE ? text : code + text + CLEAR;
    }

    /** ifa_family_color. */
    static Colors family(String family) {
        return switch (family) {
            case "inet" -> INET;
            case "inet6" -> INET6;
            default -> NONE;
        };
    }

    /** oper_state_color. */
    static Colors operState(String state) {
        return switch (state) {
            case "UP" -> OPERSTATE_UP;
            case "DOWN" -> OPERSTATE_DOWN;
            default -> NONE;
        };
    }
}
