package org.netnslab.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The labs of every browser session, by session and lab: at most {@code capacity}, the least recently used
 * closed first. A lab that was closed comes back from the log its page carries.
 */
final class LabStore implements AutoCloseable {

    private final int capacity;
    private final Map<String, LabSession> labs;

    LabStore(int capacity) {
        this.capacity = capacity;
        this.labs = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The lab under this key, made by {@code create} if there is none. */
    synchronized LabSession get(String key, Function<String, LabSession> create) {
        LabSession lab = labs.get(key);
        if (lab == null) {
            lab = create.apply(key);
            labs.put(key, lab);
            while (labs.size() > capacity) {
                String eldest = labs.keySet().iterator().next();
                labs.remove(eldest).close();
            }
        }
        return lab;
    }

    /** Puts a lab in the place of the one under this key, which is closed. */
    synchronized void replace(String key, LabSession lab) {
        LabSession old = labs.put(key, lab);
        if (old != null && old != lab) {
            old.close();
        }
        while (labs.size() > capacity) {
            String eldest = labs.keySet().iterator().next();
            labs.remove(eldest).close();
        }
    }

    /** The lab under this key, if there is one, without making one. */
    synchronized Optional<LabSession> peek(String key) {
        return Optional.ofNullable(labs.get(key));
    }

    synchronized boolean contains(String key) {
        return labs.containsKey(key);
    }

    synchronized int size() {
        return labs.size();
    }

    /** How many sessions hold a lab here: a key is the session's id, then the lab's. */
    synchronized int sessions() {
        return (int) labs.keySet().stream().map(k -> k.substring(0, Math.max(0, k.indexOf('/')))).distinct().count();
    }

    @Override
    public synchronized void close() {
        labs.values().forEach(LabSession::close);
        labs.clear();
    }
}
