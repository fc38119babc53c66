package org.netnslab.core.backend;

/**
 * How {@code RTM_NEWROUTE} treats the routes already there, by the {@code NLM_F_*} flags each {@code ip route}
 * subcommand sends (do_iproute in iproute2's ip/iproute.c).
 */
public enum RouteModify {
    /** {@code ip route add}: NLM_F_CREATE|NLM_F_EXCL. */
    ADD(true, true, false, false),
    /** {@code ip route change}: NLM_F_REPLACE, the route must be there. */
    CHANGE(false, false, true, false),
    /** {@code ip route replace}: NLM_F_CREATE|NLM_F_REPLACE. */
    REPLACE(true, false, true, false),
    /** {@code ip route prepend}: NLM_F_CREATE. */
    PREPEND(true, false, false, false),
    /** {@code ip route append}: NLM_F_CREATE|NLM_F_APPEND. */
    APPEND(true, false, false, true),
    /** {@code ip route test}: NLM_F_EXCL, which creates nothing. */
    TEST(false, true, false, false);

    public final boolean create;
    public final boolean exclusive;
    public final boolean replace;
    public final boolean append;

    RouteModify(boolean create, boolean exclusive, boolean replace, boolean append) {
        this.create = create;
        this.exclusive = exclusive;
        this.replace = replace;
        this.append = append;
    }
}
