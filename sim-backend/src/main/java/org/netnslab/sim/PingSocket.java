package org.netnslab.sim;

import java.util.Optional;
import org.netnslab.core.net.Ipv4Address;

/**
 * A ping's raw ICMP socket: what arrives for its identifier goes to it, while it is open. Bound to a device
 * with {@code -I}, it hears only what arrives on that device (or on {@code lo}, for a ping of one's own
 * address).
 */
final class PingSocket {

    interface Listener {
        void reply(int sequence, Ipv4Address from, int ttl, long tick, Trace trace);

        void error(int sequence, Ipv4Address from, String text, long tick, Trace trace);
    }

    final int id;
    final Optional<Device> bound;
    final Listener listener;
    boolean open = true;

    PingSocket(int id, Optional<Device> bound, Listener listener) {
        this.id = id;
        this.bound = bound;
        this.listener = listener;
    }

    boolean hears(Device in) {
        return bound.isEmpty() || bound.get() == in || in.isLoopback();
    }
}
