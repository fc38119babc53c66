package org.netnslab.core.model;

/** RFC 2863 operational state, by the names the kernel reports ({@code IF_OPER_*}) and {@code ip} prints. */
public enum OperState {
    UNKNOWN,
    NOTPRESENT,
    DOWN,
    LOWERLAYERDOWN,
    TESTING,
    DORMANT,
    UP
}
