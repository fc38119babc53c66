/**
 * {@code bridge}, laid out as iproute2 6.1's {@code bridge/} is: {@link org.netnslab.core.bridge.Bridge} is
 * bridge.c (the options and the objects), {@link org.netnslab.core.bridge.BridgeLink} link.c,
 * {@link org.netnslab.core.bridge.BridgeFdb} fdb.c and {@link org.netnslab.core.bridge.BridgeVlan} vlan.c, each
 * with its argument loop, its commands run on the {@link org.netnslab.core.backend.Backend} port and its
 * printing. Like every tool's package, it knows the port, the model and the shared pieces of
 * {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.bridge;
