package org.netnslab.core.sysctl;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Link;

/**
 * {@code sysctl [-w] KEY[=VALUE]}, as procps-ng 4.0.2 reads and writes it: a key under /proc/sys with dots
 * or slashes, shown as {@code KEY = VALUE}.
 */
public record Sysctl(String key, Optional<String> value) implements Command {

    static final String FORWARD_KEY = "net.ipv4.ip_forward";

    /** sysctl.c's main: the options, then one setting. */
    public static Command parse(List<String> args) {
        Args a = new Args(args);
        boolean write = false;
        String setting = null;
        while (a.more()) {
            String w = a.next();
            if (w.equals("-w") || w.equals("--write")) {
                write = true;
            } else if (w.equals("-q") || w.equals("--quiet") || w.equals("-e") || w.equals("--ignore")) {
                return new Unsupported("sysctl " + w, a.all());
            } else if (w.startsWith("-")) {
                return new Unsupported("sysctl " + w, a.all());
            } else if (setting == null) {
                setting = w;
            } else if (write && setting.indexOf('=') < 0) {
                // procps complains about the first and goes on; the rest of such a line sets nothing
                return new Invalid("sysctl: command line(0): invalid syntax, continuing...", 1);
            } else {
                return new Unsupported("sysctl with several settings", a.all());
            }
        }
        if (setting == null) {
            return write ? new Invalid("sysctl: no variables specified\nTry `sysctl --help' for more information.", 1)
                    : new Invalid(USAGE, 1);
        }
        int eq = setting.indexOf('=');
        if (write && eq < 0) {
            return new Invalid("sysctl: command line(0): invalid syntax, continuing...", 1);
        }
        String key = (eq < 0 ? setting : setting.substring(0, eq)).replace('/', '.');
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(setting.substring(eq + 1));
        return new Sysctl(key, value);
    }

    @Override
    public CommandResult run(Context context, String ns) throws KernelException {
        if (!key.equals(FORWARD_KEY)) {
            // a real key the lab does not model is said so, rather than called missing
            List<String> devices = context.state(ns).links().stream().map(Link::name).toList();
            if (SysctlKeys.exists(key, devices)) {
                return new Unsupported("sysctl " + key, List.of()).run(context, ns);
            }
            return CommandResult.of("sysctl: cannot stat /proc/sys/" + key.replace('.', '/')
                    + ": No such file or directory", 1);
        }
        if (value.isPresent()) {
            Optional<Integer> v = integer(value.get());
            if (v.isEmpty()) {
                return CommandResult.of("sysctl: setting key \"" + key + "\": Invalid argument", 1);
            }
            context.backend().setIpForward(ns, v.get());
        }
        return CommandResult.of(key + " = " + context.state(ns).ipForward(), 0);
    }

    /** What the kernel's proc_dointvec accepts: an optionally signed decimal integer. */
    static Optional<Integer> integer(String s) {
        String t = s.strip();
        if (!t.matches("[+-]?[0-9]{1,10}")) {
            return Optional.empty();
        }
        long v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) v);
    }

    static final String USAGE =
            "\n"
            + "Usage:\n"
            + " sysctl [options] [variable[=value] ...]\n"
            + "\n"
            + "Options:\n"
            + "  -a, --all            display all variables\n"
            + "  -A                   alias of -a\n"
            + "  -X                   alias of -a\n"
            + "      --deprecated     include deprecated parameters to listing\n"
            + "      --dry-run        Print the key and values but do not write\n"
            + "  -b, --binary         print value without new line\n"
            + "  -e, --ignore         ignore unknown variables errors\n"
            + "  -N, --names          print variable names without values\n"
            + "  -n, --values         print only values of the given variable(s)\n"
            + "  -p, --load[=<file>]  read values from file\n"
            + "  -f                   alias of -p\n"
            + "      --system         read values from all system directories\n"
            + "  -r, --pattern <expression>\n"
            + "                       select setting that match expression\n"
            + "  -q, --quiet          do not echo variable set\n"
            + "  -w, --write          enable writing a value to variable\n"
            + "  -o                   does nothing\n"
            + "  -x                   does nothing\n"
            + "  -d                   alias of -h\n"
            + "\n"
            + " -h, --help     display this help and exit\n"
            + " -V, --version  output version information and exit\n"
            + "\n"
            + "For more details see sysctl(8).\n";
}
