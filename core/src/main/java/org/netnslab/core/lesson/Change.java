package org.netnslab.core.lesson;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a step added, removed or changed: a link, an address, a route, a NAT rule, a sysctl.
 *
 * @param before empty when added
 * @param after empty when removed
 */
public record Change<T>(Kind kind, Optional<T> before, Optional<T> after) {

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    public Change {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
    }

    public static <T> Change<T> added(T after) {
        return new Change<>(Kind.ADDED, Optional.empty(), Optional.of(after));
    }

    public static <T> Change<T> removed(T before) {
        return new Change<>(Kind.REMOVED, Optional.of(before), Optional.empty());
    }

    public static <T> Change<T> changed(T before, T after) {
        return new Change<>(Kind.CHANGED, Optional.of(before), Optional.of(after));
    }

    /** The thing as it is now, or as it was before it went. */
    public T subject() {
        return after.or(() -> before).orElseThrow();
    }
}
