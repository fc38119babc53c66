package org.netnslab.core.model;

import org.netnslab.core.net.Ipv4Address;

/**
 * One IPv4 TCP socket of a namespace as {@code sock_diag} reports it ({@code struct inet_diag_msg}): its state,
 * its two ends ({@code 0.0.0.0:0} for a listener's peer), its queues and its inode.
 *
 * @param receiveQueue {@code idiag_rqueue}: for a listener, the connections waiting to be accepted; otherwise the
 *     bytes received and not read yet
 * @param sendQueue {@code idiag_wqueue}: for a listener, its backlog; otherwise the bytes sent and not
 *     acknowledged yet
 * @param inode the socket's inode, which names it in {@code /proc/PID/fd}
 */
public record InetSock(TcpState state, Ipv4Address localAddress, int localPort, Ipv4Address remoteAddress,
        int remotePort, int receiveQueue, int sendQueue, long inode) {}
