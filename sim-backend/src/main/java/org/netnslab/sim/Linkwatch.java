package org.netnslab.sim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The kernel's linkwatch: carrier changes are noted at once, and handled later, in the order they came
 * ({@code linkwatch_fire_event}, {@code __linkwatch_run_queue}): the operstate is computed then, from what
 * the device's lower device looks like at that moment, and {@code NETDEV_CHANGE} follows for a device that
 * is up. The simulator runs the queue when an operation is over, which is what the recorder's pause after
 * each command lets the kernel do.
 */
final class Linkwatch {

    private final Deque<Device> queue = new ArrayDeque<>();

    void fire(Device d) {
        if (!d.linkwatchPending) {
            d.linkwatchPending = true;
            queue.add(d);
        }
    }

    /** Runs every pending event, and those they cause (a bridge whose carrier follows its ports). */
    void run() {
        Device d;
        while ((d = queue.poll()) != null) {
            d.linkwatchPending = false;
            if (d.ns != null) {
                Netdev.linkwatchEvent(d);
            }
        }
    }
}
