package org.netnslab.kernel.netlink;

import java.util.ArrayList;
import java.util.List;

/** An nf_tables rule as {@code NFT_MSG_NEWRULE} reports it, and the messages that add, delete and list rules. */
public record NftRule(String table, String chain, long handle, List<NftExpr> expressions) {

    public static NftRule parse(Message m) {
        Attributes a = m.attributes(NfGenMsg.LENGTH);
        List<NftExpr> exprs = new ArrayList<>();
        a.get(NftaRuleAttr.EXPRESSIONS).ifPresent(list -> {
            for (Attribute elem : list.attributes().all(NftaListAttr.ELEM)) {
                exprs.add(NftExpr.parse(elem));
            }
        });
        return new NftRule(
                a.get(NftaRuleAttr.TABLE).map(Attribute::string).orElse(""),
                a.get(NftaRuleAttr.CHAIN).map(Attribute::string).orElse(""),
                a.get(NftaRuleAttr.HANDLE).map(Attribute::u64be).orElse(0L),
                List.copyOf(exprs));
    }

    /** {@code nft list chain ip TABLE CHAIN}: the chain's rules in order, with their counters. */
    public static byte[] dump(int seq, int family, String table, String chain) {
        return MessageWriter.nfnetlink()
                .begin(NftMsgType.of(NftMsgType.GETRULE), NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .string(NftaRuleAttr.CHAIN, chain)
                .end().toBytes();
    }

    /**
     * Appends a rule at the end of a chain, as iptables-nft's {@code -A}: the expressions, then the
     * {@code NFTA_RULE_COMPAT} it adds for rules without a protocol match.
     */
    static void append(MessageWriter w, int seq, int family, String table, String chain, List<NftExpr> exprs) {
        w.begin(NftMsgType.of(NftMsgType.NEWRULE),
                        NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.CREATE | NlmFlags.APPEND, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .string(NftaRuleAttr.CHAIN, chain)
                .nest(NftaRuleAttr.EXPRESSIONS);
        for (NftExpr e : exprs) {
            NftExpr.emit(w, e);
        }
        w.endNest()
                .nest(NftaRuleAttr.COMPAT)
                .u32be(NftaRuleCompatAttr.PROTO, 0)
                .u32be(NftaRuleCompatAttr.FLAGS, 0)
                .endNest()
                .end();
    }

    /** Deletes one rule, by its handle. */
    static void delete(MessageWriter w, int seq, int family, String table, String chain, long handle) {
        w.begin(NftMsgType.of(NftMsgType.DELRULE), NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .string(NftaRuleAttr.CHAIN, chain)
                .u64be(NftaRuleAttr.HANDLE, handle)
                .end();
    }

    /** Deletes every rule of every chain of a table, as iptables-nft's {@code -F} without a chain. */
    static void flush(MessageWriter w, int seq, int family, String table) {
        w.begin(NftMsgType.of(NftMsgType.DELRULE), NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .end();
    }
}
