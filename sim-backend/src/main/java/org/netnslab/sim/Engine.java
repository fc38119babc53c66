package org.netnslab.sim;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * What happens at one moment: one action, or frames that arrive at the same moment one after another
     * (a flood to a thousand ports, and the thousand frames it sends), kept in one entry of the queue.
     */
    private static final class Event implements Timer, Comparable<Event> {
        final long tick;
        final int order;
        final long seq;
        final Runnable action;
        List<Runnable> more;
        boolean started;

        Event(long tick, int order, long seq, Runnable action) {
            this.tick = tick;
            this.order = order;
            this.seq = seq;
            this.action = action;
        }

        /** Written out, not composed from comparators: this runs for every frame of a flood. */
        @Override
        public int compareTo(Event o) {
            if (tick != o.tick) {
                return tick < o.tick ? -1 : 1;
            }
            if (order != o.order) {
                return order < o.order ? -1 : 1;
            }
            return Long.compare(seq, o.seq);
        }
    }

    /**
     * Something scheduled, which can be taken back: a TCP retransmission that an acknowledgment made
     * useless is cancelled rather than left to run idle, so that the clock does not run on for it.
     */
    interface Timer {}

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    /** The frame event scheduled last, while it waits: a frame for the same moment joins it. */
    private Event lastFrame;

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
        while ((e = queue.peek()) != null && e.tick <= limit.getAsLong()) {
            queue.poll();
            run(e);
        }
    }

    Timer schedule(long tick, int order, Runnable action) {
        long at = Math.max(tick, now);
        if (order == FRAME && lastFrame != null && !lastFrame.started && lastFrame.tick == at) {
            // its seq would have come right after the last one's, and nothing runs between two such frames
            // (drain makes sure of it): one entry, in the same order
            if (lastFrame.more == null) {
                lastFrame.more = new ArrayList<>();
            }
            lastFrame.more.add(action);
            seq++;
            return lastFrame;
        }
        Event e = new Event(at, order, seq++, action);
        queue.add(e);
        if (order == FRAME) {
            lastFrame = e;
        }
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
        runWhile(() -> Long.MAX_VALUE);
    }

    /**
     * Runs one entry of the queue. Frames kept in one entry run one after the other; should one of them
     * schedule something that comes before the next (a timer for the same moment), the rest wait in the queue
     * again, where they were.
     */
    private void run(Event e) {
        now = e.tick;
        e.started = true;
        e.action.run();
        List<Runnable> more = e.more;
        for (int i = 0; more != null && i < more.size(); i++) {
            Event next = queue.peek();
            if (next != null && next.compareTo(e) < 0) {
                Event rest = new Event(e.tick, e.order, e.seq, more.get(i));
                rest.more = i + 1 < more.size() ? new ArrayList<>(more.subList(i + 1, more.size())) : null;
                queue.add(rest);
                break;
            }
            more.get(i).run();
        }
    }
}
