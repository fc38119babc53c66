package org.netnslab.core.ip;

/**
 * The options {@code ip.c} reads before the object that change how it prints: {@code -br}, {@code -4}/{@code -6},
 * {@code -o}, {@code -c[olor][=always|auto|never]}, {@code -j}, {@code -p}. Colour is on only for
 * {@code always} (a bare {@code -c} is {@code always}): the lab's terminal is no tty that {@code auto} would
 * see, and {@code -j} turns it off, as check_enable_color does.
 *
 * @param family 0, 4 or 6, as {@code preferred_family} is AF_UNSPEC, AF_INET or AF_INET6
 */
public record IpOptions(boolean brief, int family, boolean oneline, boolean color, boolean json, boolean pretty) {

    public static final IpOptions NONE = new IpOptions(false, 0, false, false, false, false);

    /** The options of {@code ip -br}. */
    public static IpOptions briefOnly() {
        return new IpOptions(true, 0, false, false, false, false);
    }

    boolean inet4Only() {
        return family == 4;
    }

    boolean inet6Only() {
        return family == 6;
    }

    /** Colour as print_color_string paints it: on unless {@code -j}. */
    boolean colored() {
        return color && !json;
    }

    /** A new writer of ip's JSON, or null in text mode. */
    JsonWriter jsonWriter() {
        return json ? new JsonWriter(pretty) : null;
    }

    /** The options as typed, {@code [-br -4]}: what a parser test reads. */
    @Override
    public String toString() {
        java.util.List<String> typed = new java.util.ArrayList<>();
        if (brief) {
            typed.add("-br");
        }
        if (family != 0) {
            typed.add("-" + family);
        }
        if (oneline) {
            typed.add("-o");
        }
        if (color) {
            typed.add("-c");
        }
        if (json) {
            typed.add("-j");
        }
        if (pretty) {
            typed.add("-p");
        }
        return typed.toString().replace(",", "");
    }
}
