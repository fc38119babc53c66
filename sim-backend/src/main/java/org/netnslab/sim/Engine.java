package org.netnslab.sim;

import java.util.Comparator;
import java.util.PriorityQueue;

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

    private record Event(long tick, int order, long seq, Runnable action) {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparingLong(Event::tick).thenComparingInt(Event::order).thenComparingLong(Event::seq));
    private long now;
    private long seq;

    long now() {
        return now;
    }

    /** Lets time pass with nothing happening (between two commands of a learner). */
    void advance(long micros) {
        drain();
        now += micros;
    }

    void schedule(long tick, int order, Runnable action) {
        queue.add(new Event(Math.max(tick, now), order, seq++, action));
    }

    void after(long delay, int order, Runnable action) {
        schedule(now + delay, order, action);
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
