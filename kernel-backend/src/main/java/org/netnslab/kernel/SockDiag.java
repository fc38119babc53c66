package org.netnslab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.model.InetSock;
import org.netnslab.core.model.TcpState;
import org.netnslab.core.net.Ipv4Address;
import org.netnslab.kernel.netlink.Family;
import org.netnslab.kernel.netlink.InetDiagMsg;
import org.netnslab.kernel.netlink.InetDiagReqV2;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NlMsgType;
import org.netnslab.kernel.sys.Namespaces;
import org.netnslab.kernel.sys.NetlinkSocket;
import org.netnslab.kernel.sys.SyscallException;

/**
 * The sockets of one namespace as ss reads them: a {@code NETLINK_SOCK_DIAG} socket opened inside it (a sock_diag
 * dump answers for the namespace of the socket that asks), one {@code SOCK_DIAG_BY_FAMILY} dump, and the socket
 * closed again.
 */
final class SockDiag {

    private SockDiag() {}

    /** Every IPv4 TCP socket of the namespace, in every state, in the kernel's order. */
    static List<InetSock> tcp(LabNamespace ns) throws KernelException {
        NetlinkSocket diag;
        try {
            diag = Namespaces.enter(ns.fd, () -> NetlinkSocket.open(Family.NETLINK_SOCK_DIAG));
        } catch (SyscallException e) {
            throw NetlinkCalls.failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<InetSock> out = new ArrayList<>();
            for (Message m : NetlinkCalls.dump(diag, seq -> InetDiagReqV2.dump(seq, Family.AF_INET,
                    InetDiagReqV2.IPPROTO_TCP, InetDiagReqV2.ALL_STATES))) {
                if (m.type() != NlMsgType.SOCK_DIAG_BY_FAMILY || m.payload().remaining() < InetDiagMsg.LENGTH) {
                    continue;
                }
                InetDiagMsg d = InetDiagMsg.parse(m);
                Optional<TcpState> state = TcpState.of(d.state());
                if (d.family() != Family.AF_INET || state.isEmpty()) {
                    continue;
                }
                out.add(new InetSock(state.get(), Ipv4Address.fromBytes(d.source(), 0), d.sourcePort(),
                        Ipv4Address.fromBytes(d.destination(), 0), d.destinationPort(), (int) d.receiveQueue(),
                        (int) d.sendQueue(), d.inode()));
            }
            return out;
        } finally {
            diag.close();
        }
    }
}
