package org.netnslab.core.bridge;

import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.matches;

import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.FdbEntry;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.MacAddress;

/**
 * {@code bridge fdb}, as iproute2 6.1's {@code bridge/fdb.c} has it: {@code fdb_show}'s filters,
 * {@code fdb_modify} for a delete, and {@code print_fdb}.
 */
public final class BridgeFdb {

    private BridgeFdb() {}

    /** {@code bridge fdb [show] [br BR] [dev|brport DEV]}. */
    public record FdbShow(Optional<String> bridge, Optional<String> device) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            NamespaceState here = context.state(ns);
            Optional<Link> br = bridge.flatMap(here::link);
            if (bridge.isPresent() && br.isEmpty()) {
                return CommandResult.of("Cannot find bridge device \"" + bridge.get() + "\"", 255);
            }
            Optional<Link> dev = device.flatMap(here::link);
            if (device.isPresent() && dev.isEmpty()) {
                return Bridge.cannotFind(device.get());
            }
            StringBuilder sb = new StringBuilder();
            for (FdbEntry e : context.backend().fdb(ns)) {
                Optional<Link> on = here.link(e.linkIndex());
                if (on.isEmpty() || dev.map(d -> d.index() != e.linkIndex()).orElse(false)) {
                    continue;
                }
                // rtnl_fdb_dump with IFLA_MASTER: the bridge itself and its ports only
                if (br.isPresent() && on.get().index() != br.get().index()
                        && !on.get().master().equals(Optional.of(br.get().name()))) {
                    continue;
                }
                sb.append(entry(here, e, on.get(), dev.isEmpty())).append('\n');
            }
            return CommandResult.of(sb.toString(), 0);
        }
    }

    /** {@code bridge fdb del MAC dev DEV [self] [master]}: self unless master is said. */
    public record FdbDelete(MacAddress mac, String device, boolean self) implements Command {

        @Override
        public CommandResult run(Context context, String ns) {
            if (context.link(ns, device).isEmpty()) {
                return Bridge.cannotFind(device);
            }
            try {
                context.backend().deleteFdb(ns, device, mac, self);
            } catch (KernelException e) {
                return Bridge.rtnetlink(e);
            }
            return CommandResult.OK;
        }
    }

    /** print_fdb: the address, the device unless filtered on, self, the master, the state. */
    static String entry(NamespaceState ns, FdbEntry e, Link on, boolean withDevice) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.mac()).append(' ');
        if (withDevice) {
            sb.append("dev ").append(on.name()).append(' ');
        }
        if (e.self()) {
            sb.append("self ");
        }
        e.master().ifPresent(m -> sb.append("master ")
                .append(ns.link(m).map(Link::name).orElse("if" + m)).append(' '));
        sb.append(state(e.state()));
        return sb.toString();
    }

    /** {@code state_n2a}. */
    private static String state(NudState s) {
        return switch (s) {
            case PERMANENT -> "permanent";
            case NOARP -> "static";
            case STALE -> "stale";
            case REACHABLE -> "";
            default -> String.format("state=%#x", s.bit());
        };
    }

    /** do_fdb. */
    static Command parse(Args a) {
        if (!a.more()) {
            return new FdbShow(Optional.empty(), Optional.empty());
        }
        String sub = a.next();
        if (matches(sub, "delete")) {
            return delete(a);
        }
        if (matches(sub, "add") || matches(sub, "append") || matches(sub, "replace") || matches(sub, "get")
                || matches(sub, "flush")) {
            return new Unsupported("bridge fdb " + sub, a.all());
        }
        if (matches(sub, "show") || matches(sub, "lst") || matches(sub, "list")) {
            String br = null;
            String dev = null;
            while (a.more()) {
                String w = a.next();
                if (w.equals("dev") || w.equals("brport")) {
                    dev = a.value();
                } else if (w.equals("br")) {
                    br = a.value();
                } else if (w.equals("vlan") || w.equals("state") || w.equals("dynamic")) {
                    return new Unsupported("bridge fdb show " + w, a.all());
                } else if (matches(w, "help")) {
                    return new Invalid(USAGE, 255);
                }
            }
            return new FdbShow(Optional.ofNullable(br), Optional.ofNullable(dev));
        }
        if (matches(sub, "help")) {
            return new Invalid(USAGE, 255);
        }
        return Bridge.unknownCommand("fdb", sub);
    }

    /** fdb_modify's loop, for a delete. */
    private static Command delete(Args a) {
        String dev = null;
        String addr = null;
        boolean master = false;
        boolean self = false;
        while (a.more()) {
            String w = a.next();
            if (w.equals("dev")) {
                dev = a.value();
            } else if (w.equals("local") || w.equals("permanent") || w.equals("temp") || w.equals("static")
                    || w.equals("dynamic")) {
                // the state of a delete is no part of what the kernel matches
                continue;
            } else if (w.equals("self")) {
                self = true;
            } else if (matches(w, "master")) {
                master = true;
            } else if (w.equals("dst") || w.equals("vlan") || w.equals("port") || w.equals("vni")
                    || w.equals("via") || w.equals("src_vni") || w.equals("router") || w.equals("use")
                    || w.equals("extern_learn") || w.equals("sticky")) {
                return new Unsupported("bridge fdb del " + w, a.all());
            } else {
                if (w.equals("to")) {
                    w = a.value();
                }
                if (matches(w, "help")) {
                    w = a.value();
                }
                if (addr != null) {
                    return duparg2("to", w);
                }
                addr = w;
            }
        }
        if (dev == null || addr == null) {
            return new Invalid("Device and address are required arguments.", 255);
        }
        Optional<MacAddress> mac = mac(addr);
        if (mac.isEmpty()) {
            return new Invalid("Invalid mac address " + addr, 255);
        }
        return new FdbDelete(mac.get(), dev, self || !master);
    }

    /** {@code sscanf("%hhx:%hhx:%hhx:%hhx:%hhx:%hhx")} of six hex bytes. */
    static Optional<MacAddress> mac(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length < 6) {
            return Optional.empty();
        }
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0)) {
                return Optional.empty();
            }
            bits = (bits << 8) | Integer.parseInt(p, 16);
        }
        return Optional.of(new MacAddress(bits));
    }

    static final String USAGE =
            "Usage: bridge fdb { add | append | del | replace } ADDR dev DEV\n"
            + "              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]\n"
            + "              [ sticky ] [ local | static | dynamic ] [ vlan VID ]\n"
            + "              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }\n"
            + "\t       [ via DEV ] [ src_vni VNI ]\n"
            + "       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]\n"
            + "              [ state STATE ] [ dynamic ] ]\n"
            + "       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV\n"
            + "              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]\n"
            + "       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]\n"
            + "              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]\n"
            + "              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]\n"
            + "              [ [no]offloaded ]\n";
}
