package org.netnslab.core.sysctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.SysctlKey;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Link;

/**
 * {@code sysctl [-n] [-N] [-q] [-e] [-w] KEY[=VALUE]...} and {@code sysctl -a}, as procps-ng 4.0.2 reads and
 * writes /proc/sys: a key with dots or slashes, shown as {@code KEY = VALUE}; each setting in turn, the
 * status 1 when one failed. {@code -a} lists the keys the lab models ({@link SysctlKey}), not the thousand
 * a machine has.
 *
 * @param flags the options that change what is printed: {@code n} values only, {@code N} names only,
 *     {@code q} nothing for a write, {@code e} nothing for an unknown key, {@code a} every key
 */
public record Sysctl(List<String> settings, String flags) implements Command {

    /** sysctl.c's main: the options, then the settings. */
    public static Command parse(List<String> args) {
        Args a = new Args(args);
        boolean write = false;
        StringBuilder flags = new StringBuilder();
        List<String> settings = new ArrayList<>();
        while (a.more()) {
            String w = a.next();
            if (w.equals("-w") || w.equals("--write")) {
                write = true;
            } else if (w.matches("-[nNqeaAX]+")) {
                flags.append(w.substring(1).replace('A', 'a').replace('X', 'a'));
            } else if (w.equals("--values") || w.equals("--names") || w.equals("--quiet") || w.equals("--ignore")
                    || w.equals("--all")) {
                flags.append(switch (w) {
                    case "--values" -> 'n';
                    case "--names" -> 'N';
                    case "--quiet" -> 'q';
                    case "--ignore" -> 'e';
                    default -> 'a';
                });
            } else if (w.startsWith("-")) {
                return new Unsupported("sysctl " + w, a.all());
            } else {
                settings.add(w);
            }
        }
        if (flags.indexOf("a") >= 0) {
            return new Sysctl(List.of(), flags.toString());
        }
        if (settings.isEmpty()) {
            return write ? new Invalid("sysctl: no variables specified\nTry `sysctl --help' for more information.", 1)
                    : new Invalid(USAGE, 1);
        }
        if (write && settings.stream().anyMatch(setting -> setting.indexOf('=') < 0)) {
            // procps complains about the first and goes on; the rest of such a line sets nothing
            return new Invalid("sysctl: command line(0): invalid syntax, continuing...", 1);
        }
        return new Sysctl(List.copyOf(settings), flags.toString());
    }

    @Override
    public CommandResult run(Context context, String ns) throws KernelException {
        if (has('a')) {
            return all(context, ns);
        }
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String setting : settings) {
            CommandResult r = one(context, ns, setting);
            out.append(r.output());
            status = r.ok() ? status : r.exitStatus();
        }
        return new CommandResult(out.toString(), status);
    }

    private CommandResult one(Context context, String ns, String setting) throws KernelException {
        int eq = setting.indexOf('=');
        String key = (eq < 0 ? setting : setting.substring(0, eq)).replace('/', '.');
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(setting.substring(eq + 1));
        Optional<SysctlKey> modelled = SysctlKey.of(key);
        Optional<Integer> now = modelled.flatMap(k -> context.backend().sysctl(ns, k));
        if (now.isEmpty()) {
            List<String> devices = context.state(ns).links().stream().map(Link::name).toList();
            if (SysctlKeys.exists(key, devices)) {
                // a real key the lab does not model is said so, rather than called missing
                return new Unsupported("sysctl " + key, List.of()).run(context, ns);
            }
            return has('e') ? CommandResult.OK : CommandResult.of("sysctl: cannot stat /proc/sys/"
                    + key.replace('.', '/') + ": No such file or directory", 1);
        }
        if (value.isEmpty()) {
            return CommandResult.of(line(key, Integer.toString(now.get())), 0);
        }
        Optional<Integer> v = integer(value.get());
        if (v.isEmpty()) {
            return CommandResult.of("sysctl: setting key \"" + key + "\": Invalid argument", 1);
        }
        context.backend().setSysctl(ns, modelled.get(), v.get());
        return has('q') ? CommandResult.OK : CommandResult.of(line(key, value.get()), 0);
    }

    /** {@code sysctl -a}: the modelled keys of the namespace, by name. */
    private CommandResult all(Context context, String ns) {
        List<String> directories = new ArrayList<>(List.of("all", "default"));
        context.state(ns).links().stream().map(Link::name).forEach(directories::add);
        List<String> keys = new ArrayList<>();
        for (String d : directories) {
            for (String name : SysctlKey.CONF_KEYS) {
                keys.add(new SysctlKey(Optional.of(d), name).key());
            }
        }
        SysctlKey.IPV4_KEYS.forEach(name -> keys.add(new SysctlKey(Optional.empty(), name).key()));
        keys.sort(null);
        StringBuilder out = new StringBuilder();
        for (String key : keys) {
            context.backend().sysctl(ns, SysctlKey.of(key).orElseThrow())
                    .ifPresent(v -> out.append(line(key, Integer.toString(v))).append('\n'));
        }
        return new CommandResult(out.toString(), 0);
    }

    private String line(String key, String value) {
        return has('N') ? key : has('n') ? value : key + " = " + value;
    }

    private boolean has(char flag) {
        return flags.indexOf(flag) >= 0;
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
