package org.netnslab.core.backend;

/**
 * One step of a packet's journey through the lab: where it was, and what happened to it there.
 *
 * @param namespace the lab's name of the namespace
 * @param device the link it went through, or empty when the step is not on a link
 * @param what a sentence in the kernel's vocabulary ({@code sent on veth0}, {@code forwarded, ttl 64 -> 63},
 *     {@code masqueraded 10.0.0.10 -> 203.0.113.2})
 * @param drop when the packet died here: why, in the kernel's words where it has them
 */
public record Hop(String namespace, String device, String what, java.util.Optional<String> drop) {

    public static Hop pass(String namespace, String device, String what) {
        return new Hop(namespace, device, what, java.util.Optional.empty());
    }

    public static Hop dropped(String namespace, String device, String why) {
        return new Hop(namespace, device, "dropped", java.util.Optional.of(why));
    }

    public boolean isDrop() {
        return drop.isPresent();
    }
}
