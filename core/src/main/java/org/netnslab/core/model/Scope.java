package org.netnslab.core.model;

/** Address and route scopes ({@code RT_SCOPE_*}), by the names {@code ip} prints. */
public enum Scope {
    GLOBAL("global", 0),
    SITE("site", 200),
    LINK("link", 253),
    HOST("host", 254),
    NOWHERE("nowhere", 255);

    private final String ipName;
    private final int value;

    Scope(String ipName, int value) {
        this.ipName = ipName;
        this.value = value;
    }

    public String ipName() {
        return ipName;
    }

    /** The kernel's number: the smaller, the wider. */
    public int value() {
        return value;
    }
}
