package org.netnslab.sim;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * The simulator's clock and its queue of things to happen: frames in flight, neighbour timers, a ping's
 * next probe. Time is logical, in microseconds; nothing reads the wall clock. Events at the same moment run
 * timers first, then frames, then applications, and otherwise in the order they were scheduled, so that a
 * run is a pure function of what was asked.
 */
final class Engine {

    /** Timers (neighbour probes, expiry) run before frames that arrive at the same moment. */
    static final int TIMER = 0;
    static final int FRAME = 1;
    static final int APP = 2;

    static final long MILLIS = 1_000;
    static final long SECOND = 1_000_000;

    private record Event(long tick, int order, long seq, Runnable action) implements Timer {}

    /**
     * Something scheduled, which can be taken back: a TCP retransmission that an acknowledgment made
     * useless is cancelled rather than left to run idle, so that the clock does not run on for it.
     */
    interface Timer {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparingLong(Event::tick).thenComparingInt(Event::order).thenComparingLong(Event::seq));
    private long now;
    private long seq;

    long now() {
        return now;
    }

    /**
     * Lets time pass (between two commands of a learner): what is due in that time happens, and what is due
     * later (a neighbour's next probe, its expiry) waits for its moment, so that a look at the lab sees it as
     * the kernel would at that moment.
     */
    void advance(long micros) {
        long until = now + micros;
        runWhile(() -> until);
        now = Math.max(now, until);
    }

    /**
     * Runs the events due by {@code limit}, in order, asking it again after each (a ping learns when it will
     * exit only once its last request is out); the clock stops at the last event run.
     */
    void runWhile(LongSupplier limit) {
        Event e;
        while ((e = queue.peek()) != null && e.tick() <= limit.getAsLong()) {
            queue.poll();
            now = e.tick();
            e.action().run();
        }
    }

    Timer schedule(long tick, int order, Runnable action) {
        Event e = new Event(Math.max(tick, now), order, seq++, action);
        queue.add(e);
        return e;
    }

    Timer after(long delay, int order, Runnable action) {
        return schedule(now + delay, order, action);
    }

    /** Takes back what was scheduled and has not run yet; nothing happens if it ran already. */
    void cancel(Timer timer) {
        if (timer != null) {
            queue.remove(timer);
        }
    }

    /** Runs every event, in order, until nothing is left to happen. */
    void drain() {
        Event e;
        while ((e = queue.poll()) != null) {
            now = e.tick();
            e.action().run();
        }
    }
}
