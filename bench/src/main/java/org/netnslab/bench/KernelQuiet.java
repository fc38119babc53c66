package org.netnslab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits until the kernel is done tearing down the last run's namespaces: it does so on its own time, in its
 * workqueues, for seconds after a lab of thousands of links closed, and a run timed meanwhile would pay for the
 * one before. Quiet is when the machine spends almost no time in the kernel for a quarter of a second.
 */
final class KernelQuiet {

    private static final long SAMPLE_MILLIS = 250;
    private static final long MAX_WAIT_MILLIS = 30_000;
    /** Kernel time allowed in a sample, in jiffies: 2% of the machine's CPUs. */
    private static final double QUIET_SHARE = 0.02;

    private KernelQuiet() {}

    static void await() {
        long until = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        int quiet = 0;
        try {
            long[] before = kernelAndTotal();
            while (quiet < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(SAMPLE_MILLIS);
                long[] now = kernelAndTotal();
                long kernel = now[0] - before[0];
                long total = now[1] - before[1];
                quiet = total > 0 && kernel <= QUIET_SHARE * total ? quiet + 1 : 0;
                before = now;
            }
        } catch (IOException e) {
            // not Linux: nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From /proc/stat: system, irq and softirq time, and all time, of every CPU. */
    private static long[] kernelAndTotal() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long kernel = Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
        return new long[] {kernel, total};
    }
}
