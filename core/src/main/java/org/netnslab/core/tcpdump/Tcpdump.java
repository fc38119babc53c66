package org.netnslab.core.tcpdump;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Getopt;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;

/**
 * tcpdump 4.99.3 (libpcap 1.10.3), as it reads its arguments ({@code tcpdump.c}'s main): GNU getopt over its
 * option string, options anywhere, the words left the filter expression. A capture ({@code -i}) runs on the
 * terminal's {@link Captures}; {@code -r} reads a file of the lab's ({@link org.netnslab.core.coreutils.LabFiles}).
 */
public final class Tcpdump {

    /** tcpdump 4.99's {@code SHORTOPTS}. */
    private static final String OPTIONS = "aAbB:c:C:dDeE:fF:G:hHi:IjJ:KlLm:M:nNOpq:Q:r:s:StT:uUvV:w:W:xXy:Yz:Z:#";

    private static final Map<String, Character> LONG = Map.of("help", 'h', "interface", 'i', "number", '#',
            "list-interfaces", 'D');

    /**
     * What one tcpdump was asked to do.
     *
     * @param device {@code -i}; empty for tcpdump's pick
     * @param count {@code -c}, 0 when without
     * @param write {@code -w FILE}
     * @param read {@code -r FILE}
     * @param filterError why libpcap will refuse the expression once the device or the file is open, if it will
     */
    public record Request(Optional<String> device, int numeric, boolean link, int verbose, int count,
            Optional<String> write, Optional<String> read, Filter filter, Optional<String> filterError) {

        Printer.Options printing() {
            return new Printer.Options(numeric, link, verbose);
        }
    }

    /** {@code tcpdump ...}: a capture or a read, run on the terminal's captures. */
    public record Run(Request request) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            return context.session(Captures.class, Captures::new).run(context, ns, request);
        }
    }

    private Tcpdump() {}

    public static Command parse(List<String> words) {
        if (words.contains("--version")) {
            return new Invalid(VERSION, 0);
        }
        Optional<String> device = Optional.empty();
        Optional<String> write = Optional.empty();
        Optional<String> read = Optional.empty();
        int numeric = 0;
        boolean link = false;
        int verbose = 0;
        int count = 0;
        String unsupported = null;
        List<String> expression = new ArrayList<>();
        Getopt options = new Getopt(words, OPTIONS, LONG);
        while (options.more()) {
            Getopt.Item item = options.next();
            char o = item.name();
            switch (item.kind()) {
                case OPERAND -> expression.add(item.word());
                case END_OF_OPTIONS -> { }
                case UNKNOWN_LONG, UNKNOWN, MISSING_VALUE -> {
                    return Getopt.complaint(item, "tcpdump", USAGE, 1).orElseThrow();
                }
                case OPTION -> {
                    String value = item.value().orElse("");
                    switch (o) {
                        case 'i' -> device = Optional.of(value);
                        case 'n' -> numeric++;
                        case 'e' -> link = true;
                        case 'v' -> verbose++;
                        case 'l', 'p' -> { }
                        case 'c' -> {
                            if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) <= 0) {
                                return new Invalid("tcpdump: invalid packet count " + value, 1);
                            }
                            count = Integer.parseInt(value);
                        }
                        case 'w' -> write = Optional.of(value);
                        case 'r' -> read = Optional.of(value);
                        case 'h' -> {
                            return new Invalid(USAGE, 0);
                        }
                        case 'y' -> {
                            if (!value.equals("EN10MB")) {
                                return new Invalid("tcpdump: invalid data link type " + value, 1);
                            }
                        }
                        default -> {
                            if (unsupported == null) {
                                unsupported = item.word().startsWith("--") ? "tcpdump " + item.word() : "tcpdump -" + o;
                            }
                        }
                    }
                }
            }
        }
        if (unsupported != null) {
            return new Unsupported(unsupported, words);
        }
        Filter filter = Filter.ALL;
        Optional<String> filterError = Optional.empty();
        try {
            filter = Filter.compile(expression);
        } catch (Filter.FilterException e) {
            filterError = Optional.of("tcpdump: " + e.getMessage());
        }
        if (read.isPresent() && write.isPresent()) {
            return new Unsupported("tcpdump -r with -w (copying a file)", words);
        }
        return new Run(new Request(device, numeric, link, verbose, count, write, read, filter, filterError));
    }

    static final String VERSION = "tcpdump version 4.99.3\n"
            + "libpcap version 1.10.3 (with TPACKET_V3)\n"
            + "OpenSSL 3.0.19 27 Jan 2026\n";

    static final String USAGE = VERSION
            + "Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
            + "\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n"
            + "\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n"
            + "\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n"
            + "\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n"
            + "\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n"
            + "\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"
            + "\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n";
}
