package org.netnslab.core.model;

/** Who installed a route ({@code RTPROT_*}). */
public enum RouteProtocol {
    /** Installed by the kernel for an address: the connected route. */
    KERNEL("kernel"),
    /** Installed by {@code ip route add}: the default protocol of iproute2, never printed. */
    BOOT("boot"),
    STATIC("static");

    private final String ipName;

    RouteProtocol(String ipName) {
        this.ipName = ipName;
    }

    public String ipName() {
        return ipName;
    }
}
