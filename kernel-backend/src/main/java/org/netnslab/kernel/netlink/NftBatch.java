package org.netnslab.kernel.netlink;

import java.util.ArrayList;
import java.util.List;

/**
 * An nfnetlink batch: {@code NFNL_MSG_BATCH_BEGIN}, nf_tables messages, {@code NFNL_MSG_BATCH_END}, sent in
 * one datagram and applied by the kernel as one transaction, all or nothing. Every message in between asks
 * for an acknowledgement, so that the sender learns which one the kernel refused.
 */
public final class NftBatch {

    private final MessageWriter w = MessageWriter.nfnetlink();
    private final List<Integer> acked = new ArrayList<>();
    private final int family;
    private int seq;

    /**
     * @param firstSeq the sequence number of the begin message; the others follow it
     * @param family the tables' family ({@link Family#NFPROTO_IPV4})
     */
    public NftBatch(int firstSeq, int family) {
        this.seq = firstSeq;
        this.family = family;
        w.begin(NlMsgType.NFNL_MSG_BATCH_BEGIN, NlmFlags.REQUEST, seq++)
                .header(new NfGenMsg(Family.AF_UNSPEC, NfGenMsg.NFNETLINK_V0, NftMsgType.NFNL_SUBSYS_NFTABLES))
                .end();
    }

    public NftBatch addTable(String table) {
        NftTable.add(w, next(), family, table);
        return this;
    }

    public NftBatch addBaseChain(String table, String chain, int hook, int priority, String type) {
        NftChain.add(w, next(), family, table, chain, hook, priority, type);
        return this;
    }

    public NftBatch appendRule(String table, String chain, List<NftExpr> exprs) {
        NftRule.append(w, next(), family, table, chain, exprs);
        return this;
    }

    public NftBatch deleteRule(String table, String chain, long handle) {
        NftRule.delete(w, next(), family, table, chain, handle);
        return this;
    }

    public NftBatch flushTable(String table) {
        NftRule.flush(w, next(), family, table);
        return this;
    }

    /** Ends the batch; the bytes to send in one datagram. */
    public byte[] finish() {
        w.begin(NlMsgType.NFNL_MSG_BATCH_END, NlmFlags.REQUEST, seq++)
                .header(new NfGenMsg(Family.AF_UNSPEC, NfGenMsg.NFNETLINK_V0, NftMsgType.NFNL_SUBSYS_NFTABLES))
                .end();
        return w.toBytes();
    }

    /** The sequence numbers that will be acknowledged, or refused. */
    public List<Integer> acknowledged() {
        return List.copyOf(acked);
    }

    private int next() {
        acked.add(seq);
        return seq++;
    }
}
