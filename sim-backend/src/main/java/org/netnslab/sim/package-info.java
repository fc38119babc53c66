/**
 * The simulator backend: the kernel's network namespaces, in memory, deterministic.
 *
 * <ul>
 *   <li>{@link org.netnslab.sim.SimBackend}: the {@code Backend} port; checks before it changes, then lets
 *       {@link org.netnslab.sim.Netdev} and {@link org.netnslab.sim.Addresses} do what the kernel's notifier
 *       chains do, and {@link org.netnslab.sim.Linkwatch} settle carriers and operstates afterwards.
 *   <li>{@link org.netnslab.sim.Namespace}: one {@code struct net} (devices, addresses, the main
 *       {@link org.netnslab.sim.Fib} and the derived local table, neighbours, netfilter, netns ids).
 *   <li>{@link org.netnslab.sim.Datapath}: frames through veths and bridges, ARP, IPv4 in, forward and out,
 *       masquerade, ICMP, TCP segments up to {@link org.netnslab.sim.Tcp}; events on the
 *       {@link org.netnslab.sim.Engine}'s logical clock. One class a stage, each named after the kernel file
 *       it mirrors: {@link org.netnslab.sim.Dev}, {@link org.netnslab.sim.BrInput},
 *       {@link org.netnslab.sim.BrForward}, {@link org.netnslab.sim.Arp}, {@link org.netnslab.sim.Neigh},
 *       {@link org.netnslab.sim.IpInput}, {@link org.netnslab.sim.IpForward}, {@link org.netnslab.sim.IpOutput},
 *       {@link org.netnslab.sim.Icmp}, {@link org.netnslab.sim.NfHooks}, {@link org.netnslab.sim.NfConntrack},
 *       {@link org.netnslab.sim.NfNat}.
 *   <li>{@link org.netnslab.sim.Pinger}: iputils ping on a raw socket, with the journey of each probe.
 *   <li>{@link org.netnslab.sim.Tcp}: the TCP of a netcat chat (handshake, data and ACKs, FIN, RST,
 *       retransmission, ICMP errors) on {@link org.netnslab.sim.TcpSocket}s, with the journey of each segment;
 *       {@link org.netnslab.sim.Netfilter} tracks its connections by ports, to masquerade them.
 *   <li>{@code wire}: the packet formats, parsed from and emitted to bytes.
 * </ul>
 */
package org.netnslab.sim;
