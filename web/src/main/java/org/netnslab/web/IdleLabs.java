package org.netnslab.web;

import java.time.Duration;

/**
 * Closes the kernel labs nobody used for a while, which frees their namespaces: on a thread of its own, made from
 * the main thread (never from one that switched namespaces), that looks every so often.
 */
final class IdleLabs {

    private IdleLabs() {}

    static Thread sweep(LabStore labs, Duration idle) {
        long every = Math.max(1_000, Math.min(60_000, idle.toMillis() / 4));
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                labs.closeIdle(idle);
            }
        }, "netns-lab-idle-labs");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
