package org.netnslab.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The state of a whole lab: the host, the hidden upstream, and the learner's namespaces.
 *
 * @param namespaces the learner's named namespaces, oldest first (as {@code ip netns add} made them)
 * @param all every namespace's state: host first, then upstream, then the named ones, oldest first
 */
public record LabState(List<String> namespaces, List<NamespaceState> all) {

    public Optional<NamespaceState> namespace(String name) {
        return all.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
