package org.netnslab.core.lesson;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.model.LabState;

/**
 * What a step changed in the lab: the namespaces it made or deleted, and per namespace (host first, then
 * the learner's, oldest first) what changed inside. A namespace made by the step shows everything it has as
 * added; one it deleted, everything it had as removed.
 */
public record StateDiff(List<String> namespacesAdded, List<String> namespacesRemoved, List<NamespaceDiff> namespaces) {

    public StateDiff {
        namespacesAdded = List.copyOf(namespacesAdded);
        namespacesRemoved = List.copyOf(namespacesRemoved);
        namespaces = List.copyOf(namespaces);
    }

    /** The difference from {@code before} to {@code after}; only namespaces where something changed. */
    public static StateDiff between(LabState before, LabState after) {
        return StateDiffs.between(before, after);
    }

    public boolean isEmpty() {
        return namespacesAdded.isEmpty() && namespacesRemoved.isEmpty() && namespaces.isEmpty();
    }

    /** What changed in one namespace, if anything did. */
    public Optional<NamespaceDiff> namespace(String name) {
        return namespaces.stream().filter(n -> n.namespace().equals(name)).findFirst();
    }
}
