package org.netnslab.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.sys.NamespaceFd;
import org.netnslab.kernel.sys.Namespaces;
import org.netnslab.kernel.sys.NetlinkSocket;
import org.netnslab.kernel.sys.PacketSocket;
import org.netnslab.kernel.sys.ProcFile;
import org.netnslab.kernel.sys.SyscallException;
import org.netnslab.kernel.sys.TcpSocket;

/**
 * One namespace of a lab, fresh, and everything the backend opened inside it: a descriptor that holds it,
 * an rtnetlink and an nfnetlink socket, and its {@code ip_forward} file. Closing them all is what deletes it.
 */
final class LabNamespace implements AutoCloseable {

    private static final String[] NO_DAD = {
        "/proc/sys/net/ipv6/conf/all/accept_dad", "/proc/sys/net/ipv6/conf/default/accept_dad"};

    /**
     * What the monitor hears ({@code RTMGRP_*}): links, IPv4 and IPv6 addresses, IPv4 routes, and the ids this
     * namespace gives others ({@code RTNLGRP_NSID}).
     */
    private static final int HEARD = 0x1 | 0x10 | 0x40 | 0x100 | (1 << (28 - 1));

    final String name;
    final NamespaceFd fd;
    final NetlinkSocket route;
    final NetlinkSocket netfilter;
    /** Hears what changes inside, for {@link #mirror}. */
    final NetlinkSocket monitor;
    final ProcFile ipForward;
    /**
     * What the lab watches of the namespace, each opened inside it as it is made when the lab's descriptors
     * allow, else empty: a packet socket on every device, for the lab's packets ({@link PacketHistory}), and the
     * files of its counters ({@code /proc/thread-self/net/snmp} and {@code netstat}: a thread's namespace is not
     * its process's), for why a packet died ({@link DropCounters}).
     */
    final Optional<PacketSocket> packets;
    final Optional<ProcFile> snmp;
    final Optional<ProcFile> netstat;
    /** What the backend knows of this namespace between two looks; the backend's lock guards it. */
    final Mirror mirror = new Mirror();

    /** The TCP sockets of nc opened in this namespace and not closed yet: they go with it. */
    private final Set<TcpSocket> sockets = new LinkedHashSet<>();
    private boolean closed;

    /** What one end of a veth pair shows of the other when they live in different namespaces. */
    record PeerView(String name, boolean adminUp) {}

    private LabNamespace(String name, NamespaceFd fd, NetlinkSocket route, NetlinkSocket netfilter,
            NetlinkSocket monitor, ProcFile ipForward, Optional<PacketSocket> packets, Optional<ProcFile> snmp,
            Optional<ProcFile> netstat) {
        this.name = name;
        this.fd = fd;
        this.route = route;
        this.netfilter = netfilter;
        this.monitor = monitor;
        this.ipForward = ipForward;
        this.packets = packets;
        this.snmp = snmp;
        this.netstat = netstat;
    }

    /** What the lab can go without, opened if the descriptors allow. */
    private interface Opening<T> {
        T open() throws SyscallException;
    }

    private static <T> Optional<T> ifItCan(Opening<T> opening) {
        try {
            return Optional.of(opening.open());
        } catch (SyscallException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes a fresh namespace on a thread of its own, with IPv6 duplicate address detection off for every
     * link it will have, and opens what the lab needs inside it.
     */
    static LabNamespace create(String name) throws IOException {
        return Namespaces.fresh(() -> {
            NamespaceFd fd = NamespaceFd.current();
            NetlinkSocket route = null;
            NetlinkSocket netfilter = null;
            NetlinkSocket monitor = null;
            try {
                for (String path : NO_DAD) {
                    noDad(path);
                }
                // hearing first, so that nothing that changes from now on goes unheard
                monitor = NetlinkSocket.openMonitor(Family.NETLINK_ROUTE, HEARD);
                route = NetlinkSocket.open(Family.NETLINK_ROUTE);
                route.checkDumpsStrictly();
                netfilter = NetlinkSocket.open(Family.NETLINK_NETFILTER);
                ProcFile forward = ProcFile.open("/proc/sys/net/ipv4/ip_forward");
                return new LabNamespace(name, fd, route, netfilter, monitor, forward, ifItCan(() -> PacketSocket.open(0)),
                        ifItCan(() -> ProcFile.openReadOnly("/proc/thread-self/net/snmp")),
                        ifItCan(() -> ProcFile.openReadOnly("/proc/thread-self/net/netstat")));
            } catch (IOException | RuntimeException e) {
                if (netfilter != null) {
                    netfilter.close();
                }
                if (monitor != null) {
                    monitor.close();
                }
                if (route != null) {
                    route.close();
                }
                fd.close();
                throw e;
            }
        });
    }

    private static void noDad(String path) throws SyscallException {
        try {
            ProcFile.write(path, "0");
        } catch (SyscallException e) {
            if (e.errno() != SyscallException.ENOENT) { // a kernel without IPv6 has nothing to detect
                throw e;
            }
        }
    }

    /** Keeps a socket made inside, to close it with the namespace; closes it at once when that is gone. */
    synchronized boolean keep(TcpSocket socket) {
        if (closed) {
            socket.close();
            return false;
        }
        sockets.add(socket);
        return true;
    }

    /** Closes a socket and lets it go. */
    void forget(TcpSocket socket) {
        socket.close();
        synchronized (this) {
            sockets.remove(socket);
        }
    }

    /**
     * Closes everything opened inside, the sockets first: a socket holds its namespace, which would otherwise
     * outlive the lab's last descriptor of it.
     */
    @Override
    public void close() {
        List<TcpSocket> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(sockets);
            sockets.clear();
        }
        open.forEach(TcpSocket::close);
        packets.ifPresent(PacketSocket::close); // the lab's history closes it first, side by side with the others
        snmp.ifPresent(ProcFile::close);
        netstat.ifPresent(ProcFile::close);
        ipForward.close();
        netfilter.close();
        monitor.close();
        route.close();
        fd.close();
    }
}
