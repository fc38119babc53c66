package org.netnslab.core.model;

/** Route types ({@code RTN_*}), by the names {@code ip} prints. */
public enum RouteType {
    UNICAST("unicast"),
    LOCAL("local"),
    BROADCAST("broadcast"),
    UNREACHABLE("unreachable"),
    BLACKHOLE("blackhole"),
    PROHIBIT("prohibit"),
    THROW("throw");

    private final String ipName;

    RouteType(String ipName) {
        this.ipName = ipName;
    }

    public String ipName() {
        return ipName;
    }
}
