package org.netnslab.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The points that simulated labs reached, shared: a simulated lab is a pure function of its log, so what one
 * learner's log leads to is what every learner with the same log at the same lesson sees. The first to reach a
 * point computes it; those who reach it meanwhile wait for that one computation; the rest find it made. The
 * least recently used points are forgotten first; a learner's session keeps its own point whatever happens here.
 */
final class LabPoints {

    /** A lab by its lesson (or the free lab) and its log. */
    record Key(String lab, LabLog log) {}

    private final int capacity;
    private final Map<Key, CompletableFuture<LabPoint>> points = new LinkedHashMap<>(64, 0.75f, true);

    LabPoints(int capacity) {
        this.capacity = capacity;
    }

    /** The point under this key, computed by {@code compute} in the calling thread if no one did or does. */
    LabPoint get(Key key, Supplier<LabPoint> compute) {
        CompletableFuture<LabPoint> mine = new CompletableFuture<>();
        CompletableFuture<LabPoint> theirs;
        synchronized (this) {
            theirs = points.get(key);
            if (theirs == null) {
                points.put(key, mine);
                trim();
            }
        }
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                // the one who computed it met a fault: compute it here, for this learner
                return compute.get();
            }
        }
        try {
            LabPoint p = compute.get();
            mine.complete(p);
            return p;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                points.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Keeps a point computed elsewhere (a log replayed), unless one is there already. */
    synchronized void offer(Key key, LabPoint point) {
        if (!points.containsKey(key)) {
            points.put(key, CompletableFuture.completedFuture(point));
            trim();
        }
    }

    synchronized Optional<LabPoint> peek(Key key) {
        CompletableFuture<LabPoint> f = points.get(key);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    synchronized int size() {
        return points.size();
    }

    private void trim() {
        for (Iterator<CompletableFuture<LabPoint>> it = points.values().iterator(); points.size() > capacity
                && it.hasNext();) {
            CompletableFuture<LabPoint> f = it.next();
            if (f.isDone()) {
                it.remove();
            }
        }
    }
}
