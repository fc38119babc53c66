package org.netnslab.core.shell;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.RouteLookup;
import org.netnslab.core.command.Command;
import org.netnslab.core.command.Command.AddrChange;
import org.netnslab.core.command.Command.AddrShow;
import org.netnslab.core.command.Command.Exit;
import org.netnslab.core.command.Command.LinkAdd;
import org.netnslab.core.command.Command.LinkDelete;
import org.netnslab.core.command.Command.LinkSet;
import org.netnslab.core.command.Command.LinkShow;
import org.netnslab.core.command.Command.NetnsAdd;
import org.netnslab.core.command.Command.NetnsDelete;
import org.netnslab.core.command.Command.NetnsList;
import org.netnslab.core.command.Command.RouteChange;
import org.netnslab.core.command.Command.RouteGet;
import org.netnslab.core.command.Command.RouteShow;
import org.netnslab.core.command.Command.Shell;
import org.netnslab.core.command.CommandResult;
import org.netnslab.core.command.Context;
import org.netnslab.core.command.InNamespace;
import org.netnslab.core.command.Invalid;
import org.netnslab.core.command.IpFormat;
import org.netnslab.core.command.KernelErrors;
import org.netnslab.core.command.NotFound;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.LinkKind;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.Route;
import org.netnslab.core.net.Ipv4Cidr;

/**
 * Runs a {@link Command} on a backend, in one namespace, and prints what the real tool prints: its output,
 * or its error and exit status. The checks the tools make on their own (does the device exist, does the
 * namespace exist) come first, in the tools' order; then the backend is asked, and a kernel refusal is
 * printed the way iproute2 prints it ({@code Error: EXTACK.} or {@code RTNETLINK answers: STRERROR}).
 */
public final class Executor implements Context {

    private static final int IFNAMSIZ = 16;
    /** From this length on a link's name no longer fits in iproute2's 1056-byte request. */
    private static final int NAME_OVERFLOW = 1020;
    private static final String ADDATTR_OVERFLOW = "addattr_l ERROR: message exceeded bound of 1056\n";

    private final Backend backend;
    private final Map<Class<?>, Object> sessions = new HashMap<>();

    public Executor(Backend backend) {
        this.backend = backend;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public <T> T session(Class<T> kind, Function<Backend, T> start) {
        return kind.cast(sessions.computeIfAbsent(kind, k -> start.apply(backend)));
    }

    /** Runs the command as if typed in namespace {@code ns} ({@link Backend#HOST} for the host). */
    public CommandResult run(Command command, String ns) {
        try {
            return dispatch(command, ns);
        } catch (KernelException e) {
            return KernelErrors.rtnetlink(e);
        }
    }

    private CommandResult dispatch(Command command, String ns) throws KernelException {
        if (command instanceof InNamespace c) {
            return inNamespace(c);
        } else if (command instanceof NetnsAdd c) {
            return netnsAdd(c);
        } else if (command instanceof NetnsDelete c) {
            return netnsDelete(c);
        } else if (command instanceof NetnsList c) {
            return CommandResult.of(netnsList(ns), 0);
        } else if (command instanceof LinkAdd c) {
            return linkAdd(c, ns);
        } else if (command instanceof LinkDelete c) {
            return linkDelete(c, ns);
        } else if (command instanceof LinkSet c) {
            return linkSet(c, ns);
        } else if (command instanceof LinkShow c) {
            return linkShow(c, ns);
        } else if (command instanceof AddrChange c) {
            return addrChange(c, ns);
        } else if (command instanceof AddrShow c) {
            return addrShow(c, ns);
        } else if (command instanceof RouteChange c) {
            return routeChange(c, ns);
        } else if (command instanceof RouteShow c) {
            return routeShow(c, ns);
        } else if (command instanceof RouteGet c) {
            return routeGet(c, ns);
        } else if (command instanceof Shell c) {
            return CommandResult.OK;
        } else if (command instanceof Exit c) {
            return CommandResult.OK;
        }
        return command.run(this, ns);
    }

    private CommandResult inNamespace(InNamespace c) {
        if (!backend.namespaces().contains(c.namespace())) {
            return CommandResult.of("Cannot open network namespace \"" + c.namespace()
                    + "\": No such file or directory", 255);
        }
        if (c.exec() && c.inner() instanceof NotFound nf) {
            return CommandResult.of("exec of \"" + nf.word() + "\" failed: No such file or directory", 1);
        }
        return run(c.inner(), c.namespace());
    }

    private CommandResult netnsAdd(NetnsAdd c) throws KernelException {
        try {
            backend.addNamespace(c.name());
            return CommandResult.OK;
        } catch (KernelException e) {
            if (e.errno() == Errno.EEXIST) {
                return CommandResult.of("Cannot create namespace file \"/run/netns/" + c.name()
                        + "\": File exists", 1);
            }
            throw e;
        }
    }

    private CommandResult netnsDelete(NetnsDelete c) throws KernelException {
        if (!backend.namespaces().contains(c.name())) {
            return CommandResult.of("Cannot remove namespace file \"/run/netns/" + c.name()
                    + "\": No such file or directory", 1);
        }
        backend.deleteNamespace(c.name());
        return CommandResult.OK;
    }

    /** Newest first, as readdir lists /run/netns; with the id this namespace has given each, if any. */
    private String netnsList(String ns) {
        NamespaceState viewer = state(ns);
        List<String> names = backend.namespaces();
        StringBuilder sb = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            sb.append(name);
            Integer id = viewer.netnsIds().get(name);
            if (id != null) {
                sb.append(" (id: ").append(id).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private CommandResult linkAdd(LinkAdd c, String ns) throws KernelException {
        if (c.peerNamespace().isPresent() && !backend.namespaces().contains(c.peerNamespace().get())) {
            return invalidNetns(c.peerNamespace().get());
        }
        String warning = "";
        Optional<String> name = c.name();
        if (name.isPresent() && name.get().length() >= NAME_OVERFLOW) {
            // iproute2 cannot fit the name in its request: it says so, drops it, and the kernel names the link
            warning = ADDATTR_OVERFLOW;
            name = Optional.empty();
        }
        if (name.isPresent() && name.get().length() >= IFNAMSIZ) {
            return CommandResult.of(warning + "Error: Attribute failed policy validation.", 2);
        }
        if (name.isPresent() && !kernelValidName(name.get())) {
            return CommandResult.of(warning + "RTNETLINK answers: Invalid argument", 2);
        }
        try {
            switch (c.kind()) {
                case VETH -> {
                    String peerNs = c.peerNamespace().orElse(ns);
                    Set<String> taken = new HashSet<>();
                    state(peerNs).links().forEach(l -> taken.add(l.name()));
                    String peer = c.peer().orElseGet(() -> freeName(taken, "veth"));
                    Set<String> here = new HashSet<>();
                    state(ns).links().forEach(l -> here.add(l.name()));
                    if (peerNs.equals(ns)) {
                        here.add(peer);
                    }
                    String dev = name.orElseGet(() -> freeName(here, "veth"));
                    backend.addVeth(ns, dev, peer, c.peerNamespace());
                }
                case BRIDGE -> {
                    Set<String> here = new HashSet<>();
                    state(ns).links().forEach(l -> here.add(l.name()));
                    backend.addBridge(ns, name.orElseGet(() -> freeName(here, "bridge")));
                }
                case LOOPBACK -> throw new KernelException(Errno.EOPNOTSUPP);
            }
        } catch (KernelException e) {
            return CommandResult.of(warning + KernelErrors.rtnetlink(e).output(), 2);
        }
        return CommandResult.of(warning, 0);
    }

    /** The kernel's dev_valid_name: not {@code .} or {@code ..}, no slash, colon or blank. */
    private static boolean kernelValidName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.chars().noneMatch(ch -> ch == '/' || ch == ':' || Character.isWhitespace(ch));
    }

    /** The kernel's {@code dev_alloc_name("PREFIX%d")}: the lowest number free. */
    private static String freeName(Set<String> taken, String prefix) {
        int i = 0;
        while (taken.contains(prefix + i)) {
            i++;
        }
        return prefix + i;
    }

    private CommandResult linkDelete(LinkDelete c, String ns) throws KernelException {
        if (state(ns).link(c.device()).isEmpty()) {
            return cannotFind(c.device());
        }
        backend.deleteLink(ns, c.device());
        return CommandResult.OK;
    }

    private CommandResult linkSet(LinkSet c, String ns) throws KernelException {
        NamespaceState here = state(ns);
        if (c.namespace().isPresent() && !backend.namespaces().contains(c.namespace().get())) {
            return invalidNetns(c.namespace().get());
        }
        if (c.master().isPresent() && c.master().get().isPresent()
                && here.link(c.master().get().get()).isEmpty()) {
            return CommandResult.of("Error: argument \"" + c.master().get().get()
                    + "\" is wrong: Device does not exist\n\n", 255);
        }
        if (here.link(c.device()).isEmpty()) {
            return cannotFind(c.device());
        }
        // the kernel's do_setlink order: namespace first, then master, then the flags
        String where = ns;
        if (c.namespace().isPresent()) {
            backend.setLinkNamespace(ns, c.device(), c.namespace().get());
            where = c.namespace().get();
        }
        if (c.master().isPresent()) {
            backend.setMaster(where, c.device(), c.master().get());
        }
        if (c.up().isPresent()) {
            backend.setLinkUp(where, c.device(), c.up().get());
        }
        return CommandResult.OK;
    }

    private CommandResult linkShow(LinkShow c, String ns) {
        NamespaceState here = state(ns);
        if (c.master().isPresent() && here.link(c.master().get()).isEmpty()) {
            return CommandResult.of("Error: argument \"" + c.master().get()
                    + "\" is wrong: Device does not exist\n\n", 255);
        }
        if (c.device().isPresent() && here.link(c.device().get()).isEmpty()) {
            String warning = c.device().get().length() >= NAME_OVERFLOW ? ADDATTR_OVERFLOW : "";
            return CommandResult.of(warning + "Device \"" + c.device().get() + "\" does not exist.", 1);
        }
        List<Link> links = here.links().stream()
                .filter(l -> c.device().map(d -> d.equals(l.name())).orElse(true))
                .filter(l -> c.kind().map(k -> kindMatches(l, k)).orElse(true))
                .filter(l -> c.master().map(m -> l.master().equals(Optional.of(m))).orElse(true))
                .filter(l -> !c.upOnly() || l.adminUp())
                .toList();
        String out = c.brief() ? IpFormat.linksBrief(here, links) : IpFormat.links(here, links, named());
        return CommandResult.of(out, 0);
    }

    private static boolean kindMatches(Link l, String kind) {
        if (kind.equals("bridge_slave")) {
            return l.master().isPresent();
        }
        return l.kind() != LinkKind.LOOPBACK && l.kind().ipName().equals(kind);
    }

    private CommandResult addrChange(AddrChange c, String ns) throws KernelException {
        if (state(ns).link(c.device()).isEmpty()) {
            return cannotFind(c.device());
        }
        if (c.add()) {
            backend.addAddress(ns, c.device(), c.address());
            return CommandResult.OK;
        }
        if (c.lengthGiven()) {
            backend.deleteAddress(ns, c.device(), c.address());
            return CommandResult.OK;
        }
        // iproute2 sends no prefix length, and the kernel deletes the address whatever its length
        String warning = "Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
                + "         Explicitly specify the prefix length (" + c.address() + ") to avoid this warning.\n"
                + "         This special behaviour is likely to disappear in further releases,\n"
                + "         fix your scripts!\n";
        NamespaceState here = state(ns);
        int index = here.link(c.device()).orElseThrow().index();
        Optional<Ipv4Cidr> held = here.addressesOf(index).stream()
                .flatMap(a -> a.ipv4().stream())
                .filter(cidr -> cidr.address().equals(c.address().address()))
                .findFirst();
        try {
            backend.deleteAddress(ns, c.device(), held.orElse(c.address()));
        } catch (KernelException e) {
            return CommandResult.of(warning + KernelErrors.rtnetlink(e).output(), 2);
        }
        return CommandResult.of(warning, 0);
    }

    private CommandResult addrShow(AddrShow c, String ns) {
        NamespaceState here = state(ns);
        if (c.device().isPresent() && here.link(c.device().get()).isEmpty()) {
            return CommandResult.of("Device \"" + c.device().get() + "\" does not exist.", 1);
        }
        List<Link> links = here.links().stream()
                .filter(l -> c.device().map(d -> d.equals(l.name())).orElse(true))
                .filter(l -> !c.upOnly() || l.adminUp())
                .toList();
        String out = c.brief() ? IpFormat.addressesBrief(here, links)
                : IpFormat.addresses(here, links, named(), c.inet4Only());
        return CommandResult.of(out, 0);
    }

    private CommandResult routeChange(RouteChange c, String ns) throws KernelException {
        if (c.route().device().isPresent() && state(ns).link(c.route().device().get()).isEmpty()) {
            return cannotFind(c.route().device().get());
        }
        if (c.add()) {
            backend.addRoute(ns, c.route());
        } else {
            backend.deleteRoute(ns, c.route());
        }
        return CommandResult.OK;
    }

    private CommandResult routeShow(RouteShow c, String ns) {
        NamespaceState here = state(ns);
        if (c.device().isPresent() && here.link(c.device().get()).isEmpty()) {
            return cannotFind(c.device().get());
        }
        List<Route> routes = here.routes().stream()
                .filter(r -> c.prefix().map(p -> p.network().equals(r.destination())).orElse(true))
                .filter(r -> c.device().map(d -> d.equals(r.device())).orElse(true))
                .toList();
        return CommandResult.of(IpFormat.routes(routes, c.device()), 0);
    }

    private CommandResult routeGet(RouteGet c, String ns) throws KernelException {
        if (c.inputInterface().isPresent() && state(ns).link(c.inputInterface().get()).isEmpty()) {
            return cannotFind(c.inputInterface().get());
        }
        RouteLookup r = backend.getRoute(ns, c.destination(), c.from(), c.inputInterface());
        return CommandResult.of(IpFormat.routeGet(r), 0);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Set<String> named() {
        return new HashSet<>(backend.namespaces());
    }

    private static CommandResult cannotFind(String device) {
        return CommandResult.of("Cannot find device \"" + device + "\"", 1);
    }

    private static CommandResult invalidNetns(String name) {
        return CommandResult.of("Error: argument \"" + name + "\" is wrong: Invalid \"netns\" value\n\n", 255);
    }

}
