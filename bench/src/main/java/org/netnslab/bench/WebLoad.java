package org.netnslab.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Learners stepping through a lesson at once, as their browsers do: each opens the lesson's page (its own
 * session), then presses "Next step" as an htmx request, the page's log posted back, until the lesson ends;
 * then, for another round, "Reset"; and loads what the page leaves to load after it (who can ping what), as
 * htmx does, outside the step's time. Bounded: {@code learners x rounds x steps} requests at most, and no request
 * after the deadline.
 */
final class WebLoad {

    /** What a run measured: every step's latency, how many steps, and the wall time they took. */
    record Result(int learners, List<Double> latenciesMillis, double wallMillis, int failures, String firstFailure) {
        double stepsPerSecond() {
            return latenciesMillis.size() / (wallMillis / 1000.0);
        }

        double percentileMillis(double p) {
            if (latenciesMillis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }
    }

    /** What a part of a page that htmx loads once the page is shown carries. */
    private static final String LOADS_AFTER = "hx-trigger=\"load\"";

    private WebLoad() {}

    /**
     * @param periodNanos how often each learner clicks "Next step" (0: as soon as the last page came, a closed
     *     loop); the learners' clicks are spread evenly over the period, and a learner late on the period clicks
     *     as soon as the page came
     */
    static Result run(int port, String lesson, int steps, int learners, int rounds, long periodNanos,
            long deadlineNanos) throws InterruptedException {
        List<List<Double>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(learners);
        CountDownLatch go = new CountDownLatch(1);
        int[] failures = new int[1];
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        for (int i = 0; i < learners; i++) {
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            long offset = periodNanos * i / learners;
            Thread t = new Thread(() -> {
                String at = "opening the lesson";
                try (Http browser = new Http(port)) {
                    Http.Response page = browser.get("/lessons/" + lesson);
                    expect(page, "Step 0 of " + steps);
                    String log = log(page.body());
                    ready.countDown();
                    go.await();
                    long next = System.nanoTime() + offset;
                    for (int round = 0; round < rounds && System.nanoTime() < deadlineNanos; round++) {
                        for (int step = 1; step <= steps && System.nanoTime() < deadlineNanos; step++) {
                            at = "step " + step + " of round " + (round + 1);
                            if (periodNanos > 0) {
                                long wait = next - System.nanoTime();
                                if (wait > 0) {
                                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                                }
                                next += periodNanos;
                            }
                            long t0 = System.nanoTime();
                            Http.Response r = browser.post("/lessons/" + lesson + "/next", form(log), true);
                            double ms = (System.nanoTime() - t0) / 1e6;
                            synchronized (mine) {
                                mine.add(ms);
                            }
                            expect(r, "Step " + step + " of " + steps);
                            log = log(r.body());
                            if (r.body().contains(LOADS_AFTER)) {
                                // as htmx does once the step is shown: the matrix that was left to load after it
                                at = "the matrix after step " + step + " of round " + (round + 1);
                                expect(browser.post("/lessons/" + lesson + "/reachability", form(log), true),
                                        "class=\"matrix\"");
                            }
                        }
                        if (round + 1 < rounds) {
                            at = "reset after round " + (round + 1);
                            log = log(expect(browser.post("/lessons/" + lesson + "/reset", "", true),
                                    "Step 0 of " + steps).body());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    synchronized (failures) {
                        failures[0]++;
                    }
                    firstFailure.compareAndSet("", at + ": " + e);
                    ready.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "learner-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000 + 30_000));
        }
        double wall = (System.nanoTime() - start) / 1e6;
        List<Double> all = new ArrayList<>();
        for (List<Double> mine : latencies) {
            synchronized (mine) {
                all.addAll(mine);
            }
        }
        return new Result(learners, all, wall, failures[0], firstFailure.get());
    }

    private static Http.Response expect(Http.Response r, String text) throws IOException {
        if (r.status() != 200 || !r.body().contains(text)) {
            throw new IOException("expected '" + text + "', got status " + r.status() + " and "
                    + r.body().substring(0, Math.min(200, r.body().length())));
        }
        return r;
    }

    /** The log the page carries, which the browser posts back with every click. */
    private static String log(String body) {
        String key = "data-log=\"";
        int at = body.indexOf(key);
        if (at < 0) {
            return "";
        }
        int end = body.indexOf('"', at + key.length());
        return body.substring(at + key.length(), end);
    }

    private static String form(String log) {
        return "log=" + URLEncoder.encode(log, StandardCharsets.UTF_8);
    }
}
