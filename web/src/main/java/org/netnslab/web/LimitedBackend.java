package org.netnslab.web;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.LabLimitException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.netfilter.Chain;
import org.netnslab.core.model.netfilter.NfTable;

/**
 * A lab's backend within its {@link LabLimits}: an operation that would take the lab past one is refused before
 * it reaches the backend ({@link LabLimitException}, which the terminal says in one {@code netns-lab:} line), so
 * nothing of it is applied. Every other operation goes through as it is; the port's operations are told apart by
 * their names ({@code addVeth}, {@code appendRule}...), so that one the port gains later is let through. What a
 * limit counts is counted in the lab itself, as it is: its links and routes in a snapshot, its firewall rules in
 * each namespace's ruleset, so that a rule gone however it went ({@code -D}, {@code -F CHAIN}, {@code -X}, the
 * namespace deleted) is not counted.
 */
final class LimitedBackend implements InvocationHandler {

    private final Backend backend;
    private final LabLimits limits;

    /** The port's operations that add a firewall rule. */
    private static final Set<String> ADDS_A_RULE = Set.of("appendRule", "insertRule", "appendMasquerade");

    private LimitedBackend(Backend backend, LabLimits limits) {
        this.backend = backend;
        this.limits = limits;
    }

    static Backend of(Backend backend, LabLimits limits) {
        if (limits.equals(LabLimits.NONE)) {
            return backend;
        }
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                new LimitedBackend(backend, limits));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "limited " + backend;
            };
        }
        String ns = args != null && args.length > 0 && args[0] instanceof String s ? s : "";
        before(name, ns, args);
        Object result;
        try {
            result = method.invoke(backend, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return result;
    }

    private void before(String name, String ns, Object[] args) {
        if (name.equals("addNamespace")) {
            int n = backend.namespaces().size();
            if (n >= limits.namespaces()) {
                refuse("this lab has %,d namespaces, as many as a lab may have here", n);
            }
        } else if (name.equals("addVeth") || name.equals("addBridge") || (name.startsWith("add")
                && name.matches("add(Dummy|Vlan|Macvlan|Ipvlan|Vxlan|Link|Bond|Tun|Tap)\\w*"))) {
            int n = count(LabState::all, s -> s.links().size());
            int more = name.equals("addVeth") ? 2 : 1;
            if (n + more > limits.links()) {
                refuse("this lab has %,d links, and a lab may have %,d here", n, limits.links());
            }
        } else if (name.equals("addRoute")) {
            int n = count(LabState::all, s -> s.routes().size());
            if (n >= limits.routes()) {
                refuse("this lab has %,d routes, as many as a lab may have here", n);
            }
        } else if (ADDS_A_RULE.contains(name)) {
            int n = rules();
            if (n >= limits.rules()) {
                refuse("this lab has %,d firewall rules, as many as a lab may have here", n);
            }
        } else if (name.equals("ping") && args.length > 1 && args[1] instanceof PingRequest p
                && p.count() > limits.pingsPerCommand()) {
            refuse("a command may send %,d echo requests here, and this one would send %,d: it was not run",
                    limits.pingsPerCommand(), p.count());
        }
    }

    /** The firewall rules of the learner's namespaces and the host (the hidden upstream's are the world's). */
    private int rules() {
        List<String> namespaces = new ArrayList<>();
        namespaces.add(Backend.HOST);
        namespaces.addAll(backend.namespaces());
        int n = 0;
        for (String ns : namespaces) {
            try {
                for (NfTable t : backend.netfilter(ns).tables()) {
                    for (Chain c : t.chains()) {
                        n += c.rules().size();
                    }
                }
            } catch (KernelException e) {
                // a backend without netfilter holds no rules to count
            }
        }
        return n;
    }

    private int count(java.util.function.Function<LabState, java.util.List<NamespaceState>> all,
            java.util.function.ToIntFunction<NamespaceState> each) {
        return all.apply(backend.snapshot()).stream().mapToInt(each).sum();
    }

    private static void refuse(String format, Object... values) {
        String why = String.format(format, values);
        throw new LabLimitException(why.endsWith("not run") ? why : why + ": this command was not run");
    }
}
