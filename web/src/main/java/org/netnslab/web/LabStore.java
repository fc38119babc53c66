package org.netnslab.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The labs of every browser session, by session and lab: at most {@code capacity}, the least recently used
 * closed first; at most {@code perSession} for one session, its own least recently used closed first; and, when
 * asked, those unused for a while. A lab that was closed comes back from the log its page carries, and the
 * learner is told why it was closed ({@link #closedBecause}).
 */
final class LabStore implements AutoCloseable {

    /** How many closed labs' reasons are kept for their learners' return. */
    private static final int REASONS_KEPT = 10_000;

    private record Held(LabSession lab, long usedAt) {}

    private final int capacity;
    private final int perSession;
    private final LongSupplier nanoClock;
    private final Map<String, Held> labs = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, String> closed = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REASONS_KEPT;
        }
    };

    LabStore(int capacity) {
        this(capacity, Integer.MAX_VALUE, System::nanoTime);
    }

    LabStore(int capacity, int perSession, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.perSession = perSession;
        this.nanoClock = nanoClock;
    }

    /** The lab under this key, made by {@code create} if there is none. */
    synchronized LabSession get(String key, Function<String, LabSession> create) {
        Held held = labs.get(key);
        LabSession lab;
        if (held == null) {
            lab = create.apply(key);
            put(key, lab);
        } else {
            lab = held.lab();
            labs.put(key, new Held(lab, nanoClock.getAsLong()));
        }
        return lab;
    }

    /** Puts a lab in the place of the one under this key, which is closed. */
    synchronized void replace(String key, LabSession lab) {
        Held old = labs.get(key);
        if (old != null && old.lab() != lab) {
            old.lab().close();
        }
        closed.remove(key);
        put(key, lab);
    }

    private void put(String key, LabSession lab) {
        labs.put(key, new Held(lab, nanoClock.getAsLong()));
        String session = sessionOf(key);
        List<String> mine = labs.keySet().stream().filter(k -> sessionOf(k).equals(session)).toList();
        for (int i = 0; i < mine.size() - perSession; i++) {
            close(mine.get(i), String.format("this lab was closed to make room: a session may hold %,d labs at once "
                    + "here, and this one's other labs were used since; it was made again from its log", perSession));
        }
        while (labs.size() > capacity) {
            String eldest = labs.keySet().iterator().next();
            labs.remove(eldest).lab().close();
        }
    }

    /**
     * Closes every lab unused for {@code idle} or longer, which frees a kernel lab's namespaces; each learner is
     * told when they come back.
     *
     * @return how many were closed
     */
    synchronized int closeIdle(Duration idle) {
        long now = nanoClock.getAsLong();
        List<String> idleKeys = new ArrayList<>();
        for (Map.Entry<String, Held> e : labs.entrySet()) {
            if (now - e.getValue().usedAt() >= idle.toNanos()) {
                idleKeys.add(e.getKey());
            }
        }
        long minutes = idle.toMinutes();
        String when = minutes >= 1 ? String.format("%,d minute%s", minutes, minutes == 1 ? "" : "s")
                : String.format("%,d seconds", idle.toSeconds());
        for (String k : idleKeys) {
            close(k, "this lab was closed after " + when + " without use, and its namespaces freed; it was made "
                    + "again from its log");
        }
        return idleKeys.size();
    }

    private void close(String key, String why) {
        Held held = labs.remove(key);
        if (held != null) {
            held.lab().close();
            closed.put(key, why);
        }
    }

    /** Why the lab under this key was closed, once: for the learner who comes back to it. */
    synchronized Optional<String> closedBecause(String key) {
        return Optional.ofNullable(closed.remove(key));
    }

    /** The lab under this key, if there is one, without making one. */
    synchronized Optional<LabSession> peek(String key) {
        return Optional.ofNullable(labs.get(key)).map(Held::lab);
    }

    synchronized boolean contains(String key) {
        return labs.containsKey(key);
    }

    synchronized int size() {
        return labs.size();
    }

    /** How many sessions hold a lab here: a key is the session's id, then the lab's. */
    synchronized int sessions() {
        return (int) labs.keySet().stream().map(LabStore::sessionOf).distinct().count();
    }

    private static String sessionOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    @Override
    public synchronized void close() {
        Iterator<Held> all = labs.values().iterator();
        while (all.hasNext()) {
            all.next().lab().close();
            all.remove();
        }
    }
}
