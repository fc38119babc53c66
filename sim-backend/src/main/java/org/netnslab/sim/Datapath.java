package org.netnslab.sim;

/**
 * The packet path of every namespace: frames through veths and bridges, ARP and the neighbour state machine,
 * IPv4 input, forwarding and output, masquerade, ICMP. Real bytes travel: a handler parses what it receives
 * and emits what it sends. Each step schedules the next on the {@link Engine} instead of calling it, so a
 * frame's latency is explicit and deep topologies need no deep stacks.
 *
 * <p>A probe's journey records each step in words, and where it dies, why, with the kernel's own drop reason
 * in brackets where it has one ({@code enum skb_drop_reason}: {@code [NEIGH_FAILED]}, {@code [IP_INNOROUTES]}).
 *
 * <p>Each stage is a class named after the kernel file it mirrors, its methods after the kernel's functions,
 * so that one can be read against the other: {@link Dev} ({@code net/core/dev.c}) and the drivers' own
 * {@link Device#xmit}; {@link BrInput} and {@link BrForward} ({@code net/bridge}); {@link Arp} and
 * {@link Neigh} ({@code net/ipv4/arp.c}, {@code net/core/neighbour.c}); {@link IpInput}, {@link IpForward},
 * {@link IpOutput} and {@link Icmp} ({@code net/ipv4}); {@link NfHooks}, {@link NfConntrack} and
 * {@link NfNat} ({@code net/netfilter}). This object only holds them together: the stages call one another
 * through it, as the kernel's functions call one another by name.
 */
final class Datapath {

    final Engine engine;
    final Dev dev;
    final BrInput brInput;
    final BrForward brForward;
    final Arp arp;
    final Neigh neigh;
    final NfHooks nf;
    final Icmp icmp;
    final IpInput ipInput;
    final IpForward ipForward;
    final IpOutput ipOutput;
    /** The packet sockets' view of every device ({@link Taps}). */
    final Taps taps;
    /** Where segments for this host go: set once, by the backend that made both. */
    Tcp tcp;

    Datapath(Engine engine) {
        this.engine = engine;
        this.dev = new Dev(this);
        this.brInput = new BrInput(this);
        this.brForward = new BrForward(this);
        this.arp = new Arp(this);
        this.neigh = new Neigh(this);
        this.nf = new NfHooks(this);
        this.icmp = new Icmp(this);
        this.ipInput = new IpInput(this);
        this.ipForward = new IpForward(this);
        this.ipOutput = new IpOutput(this);
        this.taps = new Taps(engine);
    }
}
