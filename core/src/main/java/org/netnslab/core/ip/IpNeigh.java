package org.netnslab.core.ip;

import static org.netnslab.core.command.Inet.inetAddress;
import static org.netnslab.core.command.Inet.prefix;
import static org.netnslab.core.command.Iproute2.duparg;
import static org.netnslab.core.command.Iproute2.duparg2;
import static org.netnslab.core.command.Iproute2.getUnsigned;
import static org.netnslab.core.command.Iproute2.invarg;
import static org.netnslab.core.command.Iproute2.matches;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.NeighbourRequest;
import org.netnslab.core.backend.NeighbourRequest.Mode;
import org.netnslab.core.command.Args;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.Unsupported;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.Neighbour;
import org.netnslab.core.model.NudState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.core.net.Ipv4Cidr;
import org.netnslab.core.net.MacAddress;

/**
 * {@code ip neigh}, as iproute2 6.1's {@code ip/ipneigh.c} has it: {@code do_ipneigh}'s subcommands, the
 * argument loops of {@code ipneigh_modify} and {@code do_show_or_flush}, the commands they make with their
 * runs, and {@code print_neigh}. The lab's neighbours are IPv4's only (ARP).
 */
public final class IpNeigh {

    /** {@code do_show_or_flush}'s default filter of a show: every state but NOARP. */
    static final int SHOW_STATES = 0xff & ~NudState.NOARP.bit();
    /** ... and of a flush: not what the learner or the kernel made to stay, and not FAILED. */
    static final int FLUSH_STATES = ~(NudState.PERMANENT.bit() | NudState.NOARP.bit() | NudState.FAILED.bit());
    /** iproute2's bit for {@code nud none}, which has no bit of its own in the kernel. */
    private static final int NONE_BIT = 0x100;

    private IpNeigh() {}

    /**
     * {@code ip neigh add|change|replace|del ADDR [lladdr MAC] [nud STATE] dev DEV}.
     *
     * @param lladdr the bytes typed, as {@code ll_addr_a2n} read them; empty for none (or {@code null})
     * @param delete whether it is {@code RTM_DELNEIGH}; {@code mode} is then unused
     */
    public record NeighChange(Mode mode, boolean delete, Ipv4Address address, String device,
            Optional<List<Integer>> lladdr, NudState state) implements Command {

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            if (context.link(ns, device).isEmpty()) {
                return Ip.cannotFind(device);
            }
            if (delete) {
                context.backend().deleteNeighbour(ns, device, address);
                return CommandResult.OK;
            }
            Optional<MacAddress> mac = Optional.empty();
            if (lladdr.isPresent()) {
                List<Integer> bytes = lladdr.get();
                // neigh_add: fewer bytes than the device's address has are refused; more are cut
                if (bytes.size() < 6) {
                    return CommandResult.of("Error: Invalid link address.", 2);
                }
                long bits = 0;
                for (int i = 0; i < 6; i++) {
                    bits = (bits << 8) | bytes.get(i);
                }
                mac = Optional.of(new MacAddress(bits));
            }
            context.backend().setNeighbour(ns, new NeighbourRequest(mode, device, address, mac, state));
            return CommandResult.OK;
        }
    }

    /**
     * {@code ip neigh show|flush [[to] PREFIX] [dev DEV] [nud STATE]}.
     *
     * @param states the mask of {@code NUD_*} bits to show or flush ({@link #NONE_BIT} for state 0)
     */
    public record NeighShow(boolean flush, Optional<Ipv4Cidr> prefix, Optional<String> device, int states,
            IpOptions options) implements Command {

        public NeighShow(boolean flush, Optional<Ipv4Cidr> prefix, Optional<String> device, int states) {
            this(flush, prefix, device, states, IpOptions.NONE);
        }

        @Override
        public CommandResult run(Context context, String ns) throws KernelException {
            NamespaceState here = context.state(ns);
            Optional<Link> dev = device.flatMap(here::link);
            if (device.isPresent() && dev.isEmpty()) {
                return Ip.cannotFind(device.get());
            }
            List<Neighbour> shown = new ArrayList<>();
            for (Neighbour n : context.backend().neighbours(ns)) {
                if (dev.isPresent() && dev.get().index() != n.linkIndex()) {
                    continue;
                }
                if (!inFilter(n.state(), states)) {
                    continue;
                }
                if (prefix.isPresent() && !prefix.get().contains(n.address())) {
                    continue;
                }
                shown.add(n);
            }
            if (flush) {
                for (Neighbour n : shown) {
                    Optional<Link> on = here.link(n.linkIndex());
                    if (on.isPresent()) {
                        context.backend().deleteNeighbour(ns, on.get().name(), n.address());
                    }
                }
                return CommandResult.OK;
            }
            return CommandResult.of(neighbours(here, shown, dev.isEmpty(), options), 0);
        }
    }

    /** print_neigh's filter of states: state 0 passes only when {@code nud none} asked for it. */
    private static boolean inFilter(NudState state, int states) {
        return state == NudState.NONE ? (states & NONE_BIT) != 0 : (state.bit() & states) != 0;
    }

    /**
     * print_neigh for each entry: in text (painted with {@code -c}), brief ({@code -br}: the address in
     * {@code %-39s}, the device in {@code %-16s}, the link-layer address), or as JSON members; {@code -o} changes
     * nothing, an entry being one line already.
     */
    static String neighbours(NamespaceState ns, List<Neighbour> shown, boolean withDevice, IpOptions o) {
        JsonWriter w = o.jsonWriter();
        if (w != null) {
            w.startArray(null);
            for (Neighbour n : shown) {
                w.startObject();
                w.field("dst", n.address().toString());
                if (withDevice) {
                    w.field("dev", deviceName(ns, n));
                }
                n.lladdr().ifPresent(mac -> w.field("lladdr", mac.toString()));
                if (!o.brief() && n.state() != NudState.NONE && n.state() != NudState.NOARP) {
                    w.startArray("state");
                    w.value(n.state().name());
                    w.endArray();
                }
                w.endObject();
            }
            return w.endArray().done();
        }
        boolean c = o.colored();
        StringBuilder sb = new StringBuilder();
        for (Neighbour n : shown) {
            if (o.brief()) {
                sb.append(Colors.INET.paint(c, String.format("%-39s ", n.address())));
                if (withDevice) {
                    sb.append(Colors.IFNAME.paint(c, String.format("%-16s ", deviceName(ns, n))));
                }
                n.lladdr().ifPresent(mac -> sb.append(Colors.MAC.paint(c, mac.toString())));
                sb.append('\n');
            } else if (c) {
                sb.append(Colors.INET.paint(c, n.address() + " "));
                if (withDevice) {
                    sb.append("dev ").append(Colors.IFNAME.paint(c, deviceName(ns, n) + " "));
                }
                n.lladdr().ifPresent(mac -> sb.append("lladdr ").append(Colors.MAC.paint(c, mac + " ")));
                if (n.state() != NudState.NONE && n.state() != NudState.NOARP) {
                    sb.append(n.state().name()).append(' ');
                }
                sb.append('\n');
            } else {
                sb.append(neighbour(ns, n, withDevice)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String deviceName(NamespaceState ns, Neighbour n) {
        return ns.link(n.linkIndex()).map(Link::name).orElse("if" + n.linkIndex());
    }

    /** {@code print_neigh}: the address, the device unless the filter named one, the link-layer address, the state. */
    static String neighbour(NamespaceState ns, Neighbour n, boolean withDevice) {
        StringBuilder sb = new StringBuilder(n.address().toString());
        if (withDevice) {
            sb.append(" dev ").append(ns.link(n.linkIndex()).map(Link::name).orElse("if" + n.linkIndex()));
        }
        n.lladdr().ifPresent(mac -> sb.append(" lladdr ").append(mac));
        if (n.state() != NudState.NONE && n.state() != NudState.NOARP) {
            sb.append(' ').append(n.state().name());
        }
        return sb.toString();
    }

    /** do_ipneigh: the subcommand, matched by prefix; none is a show of everything. */
    static Command parse(Args a, IpOptions options) {
        if (options.inet6Only()) {
            return new Unsupported("ip -6 neigh", a.all());
        }
        try {
            if (!a.more()) {
                return new NeighShow(false, Optional.empty(), Optional.empty(), SHOW_STATES, options);
            }
            String sub = a.next();
            if (matches(sub, "add")) {
                return modify(a, Mode.ADD, false);
            }
            if (matches(sub, "change") || sub.equals("chg")) {
                return modify(a, Mode.CHANGE, false);
            }
            if (matches(sub, "replace")) {
                return modify(a, Mode.REPLACE, false);
            }
            if (matches(sub, "delete")) {
                return modify(a, Mode.ADD, true);
            }
            if (matches(sub, "get")) {
                return new Unsupported("ip neigh get", a.all());
            }
            if (matches(sub, "show") || matches(sub, "lst") || matches(sub, "list")) {
                return showOrFlush(a, false, options);
            }
            if (matches(sub, "flush")) {
                return showOrFlush(a, true, options);
            }
            if (matches(sub, "help")) {
                return new Invalid(USAGE, 255);
            }
            return new Invalid("Command \"" + sub + "\" is unknown, try \"ip neigh help\".", 255);
        } catch (Usage u) {
            return new Invalid(USAGE, 255);
        }
    }

    /** ipneigh_modify's loop. */
    private static Command modify(Args a, Mode mode, boolean delete) {
        String dev = null;
        Ipv4Address dst = null;
        String lla = null;
        NudState state = NudState.PERMANENT;
        while (a.more()) {
            String w = a.next();
            if (matches(w, "lladdr")) {
                String v = a.value();
                if (lla != null) {
                    return duparg("lladdr", v);
                }
                lla = v;
            } else if (w.equals("nud")) {
                String v = a.value();
                Optional<NudState> s = nudState(v);
                if (s.isEmpty()) {
                    return invarg("nud state is bad", v);
                }
                state = s.get();
            } else if (matches(w, "proxy") || w.equals("router") || w.equals("extern_learn")
                    || w.equals("managed") || matches(w, "protocol")) {
                return new Unsupported("ip neigh " + w, a.all());
            } else if (w.equals("dev")) {
                dev = a.value();
            } else {
                if (w.equals("to")) {
                    w = a.value();
                }
                if (matches(w, "help")) {
                    throw new Usage();
                }
                if (dst != null) {
                    return duparg2("to", w);
                }
                Optional<Ipv4Address> addr = inetAddress(w);
                if (addr.isEmpty()) {
                    return new Invalid("Error: any valid address is expected rather than \"" + w + "\".", 1);
                }
                dst = addr.get();
            }
        }
        if (dev == null || dst == null) {
            return new Invalid("Device and destination are required arguments.", 255);
        }
        Optional<List<Integer>> bytes = Optional.empty();
        if (lla != null && !lla.equals("null")) {
            bytes = llAddr(lla);
            if (bytes.isEmpty()) {
                return new Invalid("\"" + lla + "\" is invalid lladdr.", 1);
            }
        }
        return new NeighChange(mode, delete, dst, dev, bytes, state);
    }

    /** {@code ll_addr_a2n}: bytes in hex, colon-separated, each of them at most ff. */
    static Optional<List<Integer>> llAddr(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(":", -1)) {
            if (part.isEmpty() || part.length() > 8 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0
                    && c < 128)) {
                return Optional.empty();
            }
            long v = Long.parseLong(part, 16);
            if (v > 255 || out.size() == 20) {
                return Optional.empty();
            }
            out.add((int) v);
        }
        return Optional.of(List.copyOf(out));
    }

    /** {@code nud_state_a2n}: the names a learner types; for show and flush, {@code all} too. */
    static Optional<NudState> nudState(String arg) {
        if (matches(arg, "permanent")) {
            return Optional.of(NudState.PERMANENT);
        }
        if (matches(arg, "reachable")) {
            return Optional.of(NudState.REACHABLE);
        }
        for (NudState s : List.of(NudState.NOARP, NudState.NONE, NudState.STALE, NudState.INCOMPLETE,
                NudState.DELAY, NudState.PROBE)) {
            if (arg.equals(s.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        if (matches(arg, "failed")) {
            return Optional.of(NudState.FAILED);
        }
        return getUnsigned(arg).filter(v -> v < 0x100 && (v & (v - 1)) == 0)
                .flatMap(v -> NudState.of(v.intValue()));
    }

    /** do_show_or_flush's loop. */
    private static Command showOrFlush(Args a, boolean flush, IpOptions options) {
        if (flush && !a.more()) {
            return new Invalid("Flush requires arguments.", 1);
        }
        String dev = null;
        Ipv4Cidr pfx = null;
        int states = flush ? FLUSH_STATES : SHOW_STATES;
        boolean stateGiven = false;
        while (a.more()) {
            String w = a.next();
            if (w.equals("dev")) {
                String v = a.value();
                if (dev != null) {
                    return duparg("dev", v);
                }
                dev = v;
            } else if (w.equals("nud")) {
                String v = a.value();
                if (!stateGiven) {
                    stateGiven = true;
                    states = 0;
                }
                int bits;
                Optional<NudState> s = nudState(v);
                if (s.isPresent()) {
                    bits = s.get() == NudState.NONE ? NONE_BIT : s.get().bit();
                } else if (v.equals("all")) {
                    bits = flush ? ~NudState.NOARP.bit() : ~0;
                } else {
                    return invarg("nud state is bad", v);
                }
                states |= bits;
            } else if (w.equals("unused") || w.equals("proxy") || w.equals("master") || w.equals("vrf")
                    || w.equals("nomaster") || w.equals("protocol")) {
                return new Unsupported("ip neigh show " + w, a.all());
            } else {
                if (w.equals("to")) {
                    w = a.value();
                }
                if (matches(w, "help")) {
                    return new Invalid(USAGE, 255);
                }
                Optional<Ipv4Cidr> p = prefix(w);
                if (p.isEmpty()) {
                    return new Invalid("Error: any valid prefix is expected rather than \"" + w + "\".", 1);
                }
                pfx = p.get();
            }
        }
        if (flush) {
            // do_show_or_flush: a flush never takes FAILED entries, whatever nud asked for
            states &= ~NudState.FAILED.bit();
        }
        return new NeighShow(flush, Optional.ofNullable(pfx), Optional.ofNullable(dev), states, options);
    }

    /** {@code usage()}, called from deep in a loop. */
    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage() {
            super(null, null, false, false);
        }
    }

    static final String USAGE =
            "Usage: ip neigh { add | del | change | replace }\n"
            + "                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }\n"
            + "                [ dev DEV ] [ router ] [ extern_learn ] [ protocol PROTO ]\n"
            + "\n"
            + "       ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]\n"
            + "                                 [ vrf NAME ] [ nomaster ]\n"
            + "       ip neigh get { ADDR | proxy ADDR } dev DEV\n"
            + "\n"
            + "STATE := { delay | failed | incomplete | noarp | none |\n"
            + "           permanent | probe | reachable | stale }\n";
}
