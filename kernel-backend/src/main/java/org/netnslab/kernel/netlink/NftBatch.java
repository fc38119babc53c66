package org.netnslab.kernel.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        this(firstSeq, family, Optional.empty());
    }

    /**
     * @param genid the ruleset generation the batch was made from, as iptables-nft sends it
     *     ({@code NFNL_BATCH_GENID}): the kernel refuses the batch ({@code ERESTART}) if the ruleset changed since
     */
    public NftBatch(int firstSeq, int family, Optional<Integer> genid) {
        this.seq = firstSeq;
        this.family = family;
        w.begin(NlMsgType.NFNL_MSG_BATCH_BEGIN, NlmFlags.REQUEST, seq++)
                .header(new NfGenMsg(Family.AF_UNSPEC, NfGenMsg.NFNETLINK_V0, NftMsgType.NFNL_SUBSYS_NFTABLES));
        genid.ifPresent(g -> w.u32be(NfnlBatchAttr.GENID, g));
        w.end();
    }

    /** {@code NFT_MSG_GETGEN}: the ruleset's generation, which iptables-nft reads before its cache. */
    public static byte[] getGeneration(int seq) {
        return MessageWriter.nfnetlink()
                .begin(NftMsgType.of(NftMsgType.GETGEN), NlmFlags.REQUEST, seq)
                .header(new NfGenMsg(Family.AF_UNSPEC, NfGenMsg.NFNETLINK_V0, 0))
                .end().toBytes();
    }

    /** The generation of an {@code NFT_MSG_NEWGEN} answer ({@code NFTA_GEN_ID}, attribute 1). */
    public static int generation(Message m) {
        return m.attributes(NfGenMsg.LENGTH).list().stream().filter(a -> a.type() == 1).findFirst()
                .map(Attribute::u32be).orElse(0);
    }

    private static final int FLAGS = NlmFlags.REQUEST | NlmFlags.ACK;

    public NftBatch addTable(String table) {
        NftTable.add(w, next(), family, table);
        return this;
    }

    /** A built-in chain, made on first use: policy accept. */
    public NftBatch addBaseChain(String table, String chain, int hook, int priority, String type) {
        NftChain.add(w, next(), FLAGS, family, table, chain, hook, priority, type);
        return this;
    }

    /** {@code -N CHAIN}. */
    public NftBatch addUserChain(String table, String chain) {
        NftChain.addUser(w, next(), FLAGS, family, table, chain);
        return this;
    }

    /** {@code -E}: the chain of this handle renamed. */
    public NftBatch renameChain(String table, long handle, String newName) {
        NftChain.rename(w, next(), FLAGS, family, table, handle, newName);
        return this;
    }

    /** {@code -P CHAIN POLICY} on a built-in chain. */
    public NftBatch setPolicy(String table, String chain, int hook, int priority, int policy, String type) {
        NftChain.policy(w, next(), FLAGS, family, table, chain, hook, priority, policy, type);
        return this;
    }

    /** {@code -X}: the chain, as a dump told it. */
    public NftBatch deleteChain(NftChain chain) {
        chain.echo(w, next(), FLAGS, family, true);
        return this;
    }

    /** {@code -Z} of a built-in chain: its policy's counters back to zero. */
    public NftBatch zeroChain(NftChain chain) {
        chain.echo(w, next(), FLAGS, family, false);
        return this;
    }

    /** {@code -A}, with no {@code -p}. */
    public NftBatch appendRule(String table, String chain, List<NftExpr> exprs) {
        NftRule.add(w, next(), FLAGS, family, table, chain, Optional.empty(), Optional.empty(), true, exprs, 0, 0);
        return this;
    }

    /** {@code -A CHAIN RULE}. */
    public NftBatch appendRule(String table, String chain, XtRule rule) {
        NftRule.add(w, next(), FLAGS, family, table, chain, Optional.empty(), Optional.empty(), true,
                rule.expressions(), rule.compatProtocol(), rule.compatFlags());
        return this;
    }

    /** {@code -I CHAIN [N] RULE}: before the rule of handle {@code before}, or first in the chain. */
    public NftBatch insertRule(String table, String chain, Optional<Long> before, XtRule rule) {
        NftRule.add(w, next(), FLAGS, family, table, chain, Optional.empty(), before, false, rule.expressions(),
                rule.compatProtocol(), rule.compatFlags());
        return this;
    }

    /** {@code -R CHAIN N RULE}: in place of the rule of this handle. */
    public NftBatch replaceRule(String table, String chain, long handle, XtRule rule) {
        NftRule.add(w, next(), FLAGS, family, table, chain, Optional.of(handle), Optional.empty(), false,
                rule.expressions(), rule.compatProtocol(), rule.compatFlags());
        return this;
    }

    /** {@code -D}: the rule as a dump told it. */
    public NftBatch deleteRule(NftRule rule) {
        rule.echo(w, next(), FLAGS, family, true, rule.expressions());
        return this;
    }

    /** {@code -Z}: the rule as a dump told it, its counter back to zero. */
    public NftBatch zeroRule(NftRule rule) {
        List<NftExpr> zeroed = rule.expressions().stream()
                .map(e -> e instanceof NftExpr.Counter ? new NftExpr.Counter(0, 0) : e).toList();
        rule.echo(w, next(), FLAGS, family, false, zeroed);
        return this;
    }

    public NftBatch deleteRule(String table, String chain, long handle) {
        NftRule.delete(w, next(), FLAGS, family, table, chain, handle);
        return this;
    }

    /** {@code -F}: every rule of the table's chains. */
    public NftBatch flushTable(String table) {
        NftRule.flush(w, next(), FLAGS, family, table, Optional.empty());
        return this;
    }

    /** {@code -F CHAIN}. */
    public NftBatch flushChain(String table, String chain) {
        NftRule.flush(w, next(), FLAGS, family, table, Optional.of(chain));
        return this;
    }

    /** Whether the batch holds no message yet. */
    public boolean isEmpty() {
        return acked.isEmpty();
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
