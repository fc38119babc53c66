package org.netnslab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits until what the last run left behind is done, so that a run timed next does not pay for it: the
 * kernel tearing down the last run's namespaces, on its own time, for seconds after a lab of thousands of links
 * closed; a JVM that served a load test winding down. Quiet is a share of the machine's CPU time, over two
 * quarters of a second in a row; the wait is bounded, as the machine may be someone else's busy one.
 */
final class Quiet {

    private static final long SAMPLE_MILLIS = 250;
    private static final long MAX_WAIT_MILLIS = 30_000;

    private Quiet() {}

    /** Until the machine spends at most 2% of its time in the kernel. */
    static void kernel() {
        await(0.02, true);
    }

    /** Until the machine is idle at least half of the time. */
    static void machine() {
        await(0.5, false);
    }

    private static void await(double share, boolean kernelOnly) {
        long until = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        int quiet = 0;
        try {
            long[] before = busyAndTotal(kernelOnly);
            while (quiet < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(SAMPLE_MILLIS);
                long[] now = busyAndTotal(kernelOnly);
                long busy = now[0] - before[0];
                long total = now[1] - before[1];
                quiet = total > 0 && busy <= share * total ? quiet + 1 : 0;
                before = now;
            }
        } catch (IOException e) {
            // not Linux: nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From /proc/stat, every CPU: the time busy (in the kernel only: system, irq, softirq), and all time. */
    private static long[] busyAndTotal(boolean kernelOnly) throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        long busy = kernelOnly ? Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]) : total - idle;
        return new long[] {busy, total};
    }
}
