package org.netnslab.core.lesson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.netnslab.core.model.LabState;
import org.netnslab.core.model.Link;
import org.netnslab.core.model.NamespaceState;
import org.netnslab.core.model.NatTable;

/** Computes {@link StateDiff}s. */
final class StateDiffs {

    private StateDiffs() {}

    static StateDiff between(LabState before, LabState after) {
        List<String> added = after.namespaces().stream().filter(n -> !before.namespaces().contains(n)).toList();
        List<String> removed = before.namespaces().stream().filter(n -> !after.namespaces().contains(n)).toList();
        Set<String> names = new LinkedHashSet<>();
        after.all().forEach(n -> names.add(n.name()));
        before.all().forEach(n -> names.add(n.name()));
        List<NamespaceDiff> diffs = new ArrayList<>();
        for (String name : names) {
            NamespaceDiff d = namespace(name, before.namespace(name), after.namespace(name));
            if (!d.isEmpty()) {
                diffs.add(d);
            }
        }
        return new StateDiff(added, removed, diffs);
    }

    static NamespaceDiff namespace(String name, Optional<NamespaceState> before, Optional<NamespaceState> after) {
        int forwardBefore = before.map(NamespaceState::ipForward).orElse(0);
        int forwardAfter = after.map(NamespaceState::ipForward).orElse(0);
        Optional<Change<Integer>> forward = forwardBefore == forwardAfter
                ? Optional.empty() : Optional.of(Change.changed(forwardBefore, forwardAfter));
        return new NamespaceDiff(
                name,
                list(before.map(NamespaceState::links), after.map(NamespaceState::links), Link::name),
                list(before.map(NamespaceState::addresses), after.map(NamespaceState::addresses),
                        a -> List.of(a.linkName(), a.family(), a.prefix())),
                list(before.map(NamespaceState::routes), after.map(NamespaceState::routes),
                        r -> List.of(r.type(), r.destination(), r.metric(), r.device())),
                forward,
                list(before.map(NamespaceState::nat).map(NatTable::rules),
                        after.map(NamespaceState::nat).map(NatTable::rules), Function.identity()));
    }

    /**
     * Pairs the items: equal ones are unchanged; of the rest, those with the same key changed; the others
     * were added or removed. Added and changed come in the new order, then removed in the old.
     */
    static <T> List<Change<T>> list(Optional<List<T>> beforeList, Optional<List<T>> afterList,
            Function<T, ?> key) {
        List<T> before = new ArrayList<>(beforeList.orElse(List.of()));
        List<T> after = afterList.orElse(List.of());
        List<T> unmatched = new ArrayList<>();
        for (T a : after) {
            if (!before.remove(a)) {
                unmatched.add(a);
            }
        }
        List<Change<T>> changes = new ArrayList<>();
        for (T a : unmatched) {
            Object k = key.apply(a);
            Optional<T> old = before.stream().filter(b -> Objects.equals(key.apply(b), k)).findFirst();
            if (old.isPresent()) {
                before.remove(old.get());
                changes.add(Change.changed(old.get(), a));
            } else {
                changes.add(Change.added(a));
            }
        }
        before.forEach(b -> changes.add(Change.removed(b)));
        return changes;
    }
}
