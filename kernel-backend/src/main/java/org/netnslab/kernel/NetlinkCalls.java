package org.netnslab.kernel;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.kernel.netlink.Message;
import org.netnslab.kernel.netlink.NftBatch;
import org.netnslab.kernel.netlink.NlMsgErr;
import org.netnslab.kernel.netlink.NlMsgType;
import org.netnslab.kernel.sys.NetlinkSocket;
import org.netnslab.kernel.sys.SyscallException;

/**
 * The three ways of talking to the kernel over netlink: a request it acknowledges, a request it answers
 * with one message, and a dump. Answers that are not for this request (an earlier one's, late) are skipped.
 * A refusal becomes a {@link KernelException} with the errno and the extended ack text.
 */
final class NetlinkCalls {

    private NetlinkCalls() {}

    /** Sends a request and waits for its acknowledgement. */
    static void ack(NetlinkSocket s, IntFunction<byte[]> request) throws KernelException {
        int seq = s.nextSeq();
        send(s, request.apply(seq));
        while (true) {
            for (Message m : receive(s)) {
                if (!mine(s, m, seq)) {
                    continue;
                }
                if (m.type() == NlMsgType.NLMSG_ERROR) {
                    NlMsgErr err = NlMsgErr.parse(m);
                    if (err.isAck()) {
                        return;
                    }
                    throw refusal(err);
                }
            }
        }
    }

    /** Sends a request and returns the one message that answers it. */
    static Message get(NetlinkSocket s, IntFunction<byte[]> request) throws KernelException {
        int seq = s.nextSeq();
        send(s, request.apply(seq));
        while (true) {
            for (Message m : receive(s)) {
                if (!mine(s, m, seq)) {
                    continue;
                }
                if (m.type() == NlMsgType.NLMSG_ERROR) {
                    NlMsgErr err = NlMsgErr.parse(m);
                    if (!err.isAck()) {
                        throw refusal(err);
                    }
                    continue;
                }
                return m;
            }
        }
    }

    /** Sends a dump request and returns every message until {@code NLMSG_DONE}. */
    static List<Message> dump(NetlinkSocket s, IntFunction<byte[]> request) throws KernelException {
        int seq = s.nextSeq();
        send(s, request.apply(seq));
        List<Message> out = new ArrayList<>();
        while (true) {
            for (Message m : receive(s)) {
                if (!mine(s, m, seq)) {
                    continue;
                }
                if (m.type() == NlMsgType.NLMSG_DONE) {
                    int status = m.payload().remaining() >= 4 ? m.body().getInt() : 0;
                    if (status < 0) {
                        throw refusal(new NlMsgErr(status, m.header(), java.util.Optional.empty()));
                    }
                    return out;
                }
                if (m.type() == NlMsgType.NLMSG_ERROR) {
                    NlMsgErr err = NlMsgErr.parse(m);
                    if (!err.isAck()) {
                        throw refusal(err);
                    }
                    continue;
                }
                out.add(m);
            }
        }
    }

    /**
     * Sends an nfnetlink batch and waits until every message in it is acknowledged; the first refusal is
     * thrown (the kernel then applied none of the batch).
     */
    static void batch(NetlinkSocket s, IntFunction<NftBatch> build) throws KernelException {
        NftBatch batch = build.apply(s.nextSeq());
        byte[] bytes = batch.finish();
        Set<Integer> waiting = new HashSet<>(batch.acknowledged());
        for (int i = 0; i < waiting.size() + 1; i++) {
            s.nextSeq();
        }
        send(s, bytes);
        KernelException first = null;
        while (!waiting.isEmpty()) {
            for (Message m : receive(s)) {
                if (m.type() != NlMsgType.NLMSG_ERROR || !waiting.remove(m.header().seq())) {
                    continue;
                }
                NlMsgErr err = NlMsgErr.parse(m);
                if (!err.isAck() && first == null) {
                    first = refusal(err);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static boolean mine(NetlinkSocket s, Message m, int seq) {
        return m.header().seq() == seq && (m.header().pid() == s.portId() || m.header().pid() == 0);
    }

    private static void send(NetlinkSocket s, byte[] bytes) throws KernelException {
        try {
            s.send(bytes);
        } catch (SyscallException e) {
            throw failure(e);
        }
    }

    private static List<Message> receive(NetlinkSocket s) throws KernelException {
        try {
            return Message.parseAll(s.receive());
        } catch (SyscallException e) {
            throw failure(e);
        }
    }

    /** The kernel said no: its errno and, if it gave one, its sentence, without the final period. */
    static KernelException refusal(NlMsgErr err) {
        Errno errno = Errno.of(err.errno()).orElse(Errno.EINVAL);
        String text = err.message().map(NetlinkCalls::sentence).orElse(null);
        return new KernelException(errno, text);
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    static KernelException failure(SyscallException e) {
        return Errno.of(e.errno()).map(KernelException::new).orElseThrow(() -> new UncheckedIOException(e));
    }
}
