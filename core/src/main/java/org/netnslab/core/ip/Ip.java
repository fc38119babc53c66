package org.netnslab.core.ip;

import static org.netnslab.core.command.Iproute2.matches;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Iproute2;
import org.netnslab.core.command.Unsupported;

/**
 * {@code ip}, as iproute2 6.1's {@code ip/ip.c} reads its options ({@code -n NS}, {@code -br}, {@code -4}) and
 * hands the rest to the object's {@code do_*}: {@link IpNetns}, {@link IpLink}, {@link IpAddress},
 * {@link IpRoute}. What ip_common.h gives every object of the lab is here too.
 */
public final class Ip {

    /** ip.c's objects, in its order: the first that the typed word is a prefix of wins. */
    private static final List<String> OBJECTS = List.of("address", "addrlabel", "maddress", "route", "rule",
            "neighbor", "neighbour", "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tuntap",
            "tap", "token", "tcpmetrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr",
            "nexthop", "mptcp", "ioam", "stats", "amt", "help");

    private Ip() {}

    /**
     * ip.c's main: the options, then the object, matched by prefix, and its command. ip switches to the
     * namespace of each {@code -n NS} as it reads it, so that everything after it, its errors too, happens
     * there, once NS is found.
     */
    public static Command parse(List<String> args) {
        List<String> netns = new ArrayList<>();
        Command command;
        try {
            command = parse(new Args(args), netns);
        } catch (Args.Incomplete e) {
            command = Iproute2.incomplete();
        }
        for (int i = netns.size() - 1; i >= 0; i--) {
            command = new InNamespace(netns.get(i), command, false);
        }
        return command;
    }

    /** The options and the object's command; each {@code -n NS} goes to {@code netns}, in order. */
    private static Command parse(Args a, List<String> netns) {
        boolean brief = false;
        int family = 0;
        boolean oneline = false;
        boolean color = false;
        boolean json = false;
        boolean pretty = false;
        boolean all = false;
        String stats = null;
        while (a.more() && a.peek().startsWith("-") && a.peek().length() > 1) {
            String typed = a.next();
            if (typed.equals("--")) {
                break;
            }
            String opt = typed.startsWith("--") ? typed.substring(1) : typed;
            if (opt.equals("-4")) {
                family = 4;
            } else if (opt.equals("-6")) {
                family = 6;
            } else if (matches(opt, "-netns")) {
                if (!a.more()) {
                    return new Invalid("Cannot open network namespace \"(null)\": No such file or directory", 255);
                }
                netns.add(a.next());
            } else if (matches(opt, "-oneline")) {
                oneline = true;
            } else if (matches(opt, "-json")) {
                json = true;
            } else if (matches(opt, "-pretty")) {
                pretty = true;
            } else if ((matches(opt, "-stats") || matches(opt, "-statistics")) && stats == null) {
                // only ip -s addr flush is modelled: which it is, is known once the object is read
                stats = typed;
            } else if (matches(opt, "-details") || matches(opt, "-stats")
                    || matches(opt, "-statistics") || matches(opt, "-resolve") || matches(opt, "-family")
                    || matches(opt, "-human") || matches(opt, "-timestamp")
                    || matches(opt, "-batch") || opt.equals("-0")) {
                return new Unsupported("ip " + typed, a.all());
            } else if (matches(opt, "-all")) {
                all = true; // do_all: only ip netns exec and delete read it
            } else if (matches(opt, "-Version")) {
                return new Invalid("ip utility, iproute2-6.1.0, libbpf 1.1.2", 0);
            } else if (matches(opt, "-help")) {
                return new Invalid(USAGE, 255);
            } else if (matches(opt, "-brief")) {
                brief = true;
            } else if (colorOption(opt) != null) {
                // matches_color: -c, -color, -c=always paint; -c=auto (no tty here) and -c=never do not
                color = colorOption(opt);
            } else {
                return new Invalid("Option \"" + typed + "\" is unknown, try \"ip -help\".", 255);
            }
        }
        IpOptions options = new IpOptions(brief, family, oneline, color, json, pretty);
        if (!a.more()) {
            return new Invalid(USAGE, 255);
        }
        String typed = a.next();
        String object = OBJECTS.stream().filter(o -> matches(typed, o)).findFirst().orElse(null);
        if (object == null) {
            return new Invalid("Object \"" + typed + "\" is unknown, try \"ip help\".", 1);
        }
        if (stats != null) {
            boolean flush = object.equals("address") && a.more() && matches(a.peek(), "flush");
            if (!flush) {
                return new Unsupported("ip " + stats, a.all());
            }
            a.next();
            return AddrFlush.parse(a, options, true);
        }
        return switch (object) {
            case "address" -> json && family == 6 ? new Unsupported("ip -j -6 address", a.all())
                    : IpAddress.parse(a, options);
            case "route" -> IpRoute.parse(a, options);
            // ipaddr_list_link sets AF_PACKET whatever -4 or -6 said
            case "link" -> IpLink.parse(a, new IpOptions(brief, 0, oneline, color, json, pretty));
            case "rule" -> IpRule.parse(a, options);
            case "netns" -> json || color || oneline ? new Unsupported("ip -j, -c or -o netns", a.all())
                    : IpNetns.parse(a, all);
            case "neighbor", "neighbour" -> IpNeigh.parse(a, options);
            case "help" -> new Invalid(USAGE, 255);
            default -> new Unsupported("ip " + object, a.all());
        };
    }

    /**
     * lib/color.c's matches_color: {@code -color} by prefix, with {@code =always}, {@code =auto} or
     * {@code =never}; whether it paints here (always), or null when it is no colour option.
     */
    private static Boolean colorOption(String opt) {
        int eq = opt.indexOf('=');
        String name = eq < 0 ? opt : opt.substring(0, eq);
        if (!matches(name, "-color")) {
            return null;
        }
        String value = eq < 0 ? "" : opt.substring(eq + 1);
        return switch (value) {
            case "", "always" -> true;
            case "auto", "never" -> false;
            default -> null;
        };
    }

    /**
     * The names of the learner's namespaces, which {@code ip} can print for {@code link-netns}; every other
     * namespace (the host seen from inside, the hidden upstream) prints as {@code link-netnsid}.
     */
    static Set<String> named(Context context) {
        return new HashSet<>(context.backend().namespaces());
    }

    /** A subcommand the object does not have. */
    static Invalid unknownCommand(String object, String typed) {
        return new Invalid("Command \"" + typed + "\" is unknown, try \"ip " + object + " help\".", 255);
    }

    /** A device the command names that the namespace does not have. */
    static CommandResult cannotFind(String device) {
        return CommandResult.of("Cannot find device \"" + device + "\"", 1);
    }

    /** {@code netns NS} of a namespace that does not exist. */
    static CommandResult invalidNetns(String name) {
        return Iproute2.invarg("Invalid \"netns\" value\n", name).result();
    }

    static final String USAGE =
            "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
            + "       ip [ -force ] -batch filename\n"
            + "where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n"
            + "                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n"
            + "                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n"
            + "                   ntbl | route | rule | sr | tap | tcpmetrics |\n"
            + "                   token | tunnel | tuntap | vrf | xfrm }\n"
            + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
            + "                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
            + "                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n"
            + "                    -4 | -6 | -M | -B | -0 |\n"
            + "                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
            + "                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
            + "                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
            + "                    -c[olor]}\n";
}
