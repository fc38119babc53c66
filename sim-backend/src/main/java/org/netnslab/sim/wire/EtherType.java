package org.netnslab.sim.wire;

/** The EtherTypes the lab carries ({@code ETH_P_*} in {@code linux/if_ether.h}). */
public final class EtherType {
    public static final int IPV4 = 0x0800;
    public static final int ARP = 0x0806;

    private EtherType() {}
}
