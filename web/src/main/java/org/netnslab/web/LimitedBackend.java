package org.netnslab.web;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.LabLimitException;
import org.netnslab.core.backend.PingRequest;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.NamespaceState;

/**
 * A lab's backend within its {@link LabLimits}: an operation that would take the lab past one is refused before
 * it reaches the backend ({@link LabLimitException}, which the terminal says in one {@code netns-lab:} line), so
 * nothing of it is applied. Every other operation goes through as it is; the port's operations are told apart by
 * their names ({@code addVeth}, {@code appendMasquerade}...), so that one the port gains later is let through.
 */
final class LimitedBackend implements InvocationHandler {

    private final Backend backend;
    private final LabLimits limits;
    /** Rules added, by namespace: {@code append*} and {@code insert*} count one, {@code delete*} takes one off. */
    private final Map<String, Integer> rules = new HashMap<>();

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
        after(name, ns);
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
        } else if (name.startsWith("append") || name.startsWith("insert")) {
            int n = rules.values().stream().mapToInt(Integer::intValue).sum();
            if (n >= limits.rules()) {
                refuse("this lab has %,d firewall rules, as many as a lab may have here", n);
            }
        } else if (name.equals("ping") && args.length > 1 && args[1] instanceof PingRequest p
                && p.count() > limits.pingsPerCommand()) {
            refuse("a command may send %,d echo requests here, and this one would send %,d: it was not run",
                    limits.pingsPerCommand(), p.count());
        }
    }

    private void after(String name, String ns) {
        if (name.startsWith("append") || name.startsWith("insert")) {
            rules.merge(ns, 1, Integer::sum);
        } else if (name.startsWith("delete") && (name.contains("Rule") || name.contains("Masquerade"))) {
            rules.computeIfPresent(ns, (k, v) -> v > 1 ? v - 1 : null);
        } else if (name.startsWith("flush")) {
            rules.remove(ns);
        } else if (name.equals("deleteNamespace")) {
            rules.remove(ns);
        }
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
