package org.netnslab.kernel.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where namespaces are switched, and only here: each switch happens on a new platform thread made for it,
 * which enters a namespace ({@code unshare} for a fresh one, {@code setns} for a lab's), opens what it needs
 * inside, and ends. The calling thread, and so the process's own namespace, never moves. Never on a pool or
 * an executor: a thread keeps the namespace it switched to, and any thread it made would start there.
 */
public final class Namespaces {

    private static final int CLONE_NEWNET = Constants.CLONE_NEWNET;

    /** What runs inside: opens sockets and files there and returns them. */
    @FunctionalInterface
    public interface Inside<T> {
        T run() throws IOException;
    }

    private Namespaces() {}

    /** Runs {@code inside} in a fresh network namespace: only {@code lo}, down. */
    public static <T> T fresh(Inside<T> inside) throws IOException {
        return onNewThread("netns-lab-unshare", () -> {
            Native.check("unshare(CLONE_NEWNET)", Native.libc().unshare(CLONE_NEWNET));
            return inside.run();
        });
    }

    /** Runs {@code inside} in the namespace an open descriptor names. */
    public static <T> T enter(NamespaceFd namespace, Inside<T> inside) throws IOException {
        return onNewThread("netns-lab-setns", () -> {
            Native.check("setns(CLONE_NEWNET)", Native.libc().setns(namespace.fd(), CLONE_NEWNET));
            return inside.run();
        });
    }

    private static <T> T onNewThread(String name, Inside<T> body) throws IOException {
        Native.libc(); // loaded here, on an unswitched thread: whatever jnr starts starts outside
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(body.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        } else if (e instanceof RuntimeException re) {
            throw re;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new IOException(e);
        }
        return result.get();
    }

    /** The calling thread's network namespace as the kernel names it: {@code net:[4026531840]}. */
    public static String currentThreadNamespace() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    }
}
