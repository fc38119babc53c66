package org.netnslab.core.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.netnslab.core.backend.Backend;
import org.netnslab.core.backend.PingResult;
import org.netnslab.core.backend.Probe;

/**
 * A backend whose pings tell no journey, as the kernel's cannot: what the learner is told then comes from what
 * can be measured, tested on the simulator without root. Everything else is the inner backend's, every method
 * of the port, those it gains later too.
 */
public final class WithoutJourneys {

    private WithoutJourneys() {}

    /** {@code inner}, but its pings' probes without their journeys. */
    public static Backend of(Backend inner) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    Object out = call(inner, method, args);
                    return method.getName().equals("ping") && out instanceof PingResult r ? withoutJourneys(r) : out;
                });
    }

    private static Object call(Backend inner, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(inner, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static PingResult withoutJourneys(PingResult r) {
        List<Probe> probes = r.probes().stream().map(p -> new Probe(p.sequence(), p.outcome(), p.from(), p.ttl(),
                p.rttMicros(), p.error(), List.of())).toList();
        return new PingResult(r.destination(), r.source(), probes, r.pipe());
    }
}
