package org.netnslab.core.model;

/** The kinds of link a lab has, by the names {@code ip link ... type KIND} uses. */
public enum LinkKind {
    LOOPBACK("loopback"),
    VETH("veth"),
    BRIDGE("bridge");

    private final String ipName;

    LinkKind(String ipName) {
        this.ipName = ipName;
    }

    /** The word {@code ip} uses for this kind ({@code type veth}). */
    public String ipName() {
        return ipName;
    }
}
