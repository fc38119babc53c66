package org.netnslab.kernel.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An nf_tables rule as {@code NFT_MSG_NEWRULE} reports it, and the messages iptables-nft 1.8.9 sends for rules:
 * {@code -A}, {@code -I}, {@code -R}, {@code -D}, {@code -F}, and the replace with a zero counter of {@code -Z}.
 *
 * @param position the handle of the rule before it, as a dump tells it; none for the first
 */
public record NftRule(String table, String chain, long handle, Optional<Long> position, List<NftExpr> expressions) {

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
                a.get(NftaRuleAttr.POSITION).map(Attribute::u64be),
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

    /** {@code nft list table ip TABLE}'s rules, every chain's, in the order of the chains. */
    public static byte[] dump(int seq, int family, String table) {
        return MessageWriter.nfnetlink()
                .begin(NftMsgType.of(NftMsgType.GETRULE), NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .end().toBytes();
    }

    /**
     * A new rule: {@code -A} ({@code NLM_F_APPEND}), {@code -I} before the rule of handle {@code position} or
     * first, {@code -R} in place of the rule of handle {@code replaces}; with the {@code NFTA_RULE_COMPAT}
     * iptables-nft adds, {@code -p}'s protocol and whether it is negated.
     */
    static void add(MessageWriter w, int seq, int flags, int family, String table, String chain, Optional<Long> replaces,
            Optional<Long> position, boolean append, List<NftExpr> exprs, int compatProto, int compatFlags) {
        int f = flags | NlmFlags.CREATE | (append ? NlmFlags.APPEND : 0) | (replaces.isPresent() ? NlmFlags.REPLACE : 0);
        w.begin(NftMsgType.of(NftMsgType.NEWRULE), f, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .string(NftaRuleAttr.CHAIN, chain);
        replaces.ifPresent(h -> w.u64be(NftaRuleAttr.HANDLE, h));
        position.ifPresent(p -> w.u64be(NftaRuleAttr.POSITION, p));
        expressions(w, exprs);
        w.nest(NftaRuleAttr.COMPAT)
                .u32be(NftaRuleCompatAttr.PROTO, compatProto)
                .u32be(NftaRuleCompatAttr.FLAGS, compatFlags)
                .endNest()
                .end();
    }

    /**
     * This rule as iptables-nft echoes it from its cache: {@code -D} deletes it by its handle, {@code -Z}
     * replaces it with these expressions (its counter at zero); no {@code NFTA_RULE_COMPAT}, as a dump has none.
     */
    void echo(MessageWriter w, int seq, int flags, int family, boolean delete, List<NftExpr> exprs) {
        int type = delete ? NftMsgType.DELRULE : NftMsgType.NEWRULE;
        w.begin(NftMsgType.of(type), flags | (delete ? 0 : NlmFlags.CREATE | NlmFlags.REPLACE), seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .string(NftaRuleAttr.CHAIN, chain)
                .u64be(NftaRuleAttr.HANDLE, handle);
        if (delete) {
            position.ifPresent(p -> w.u64be(NftaRuleAttr.POSITION, p));
        }
        expressions(w, exprs);
        w.end();
    }

    private static void expressions(MessageWriter w, List<NftExpr> exprs) {
        w.nest(NftaRuleAttr.EXPRESSIONS);
        for (NftExpr e : exprs) {
            NftExpr.emit(w, e);
        }
        w.endNest();
    }

    /** Deletes one rule, by its handle. */
    static void delete(MessageWriter w, int seq, int flags, int family, String table, String chain, long handle) {
        w.begin(NftMsgType.of(NftMsgType.DELRULE), flags, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table)
                .string(NftaRuleAttr.CHAIN, chain)
                .u64be(NftaRuleAttr.HANDLE, handle)
                .end();
    }

    /** Deletes every rule of a chain ({@code -F CHAIN}) or, without one, of every chain of a table ({@code -F}). */
    static void flush(MessageWriter w, int seq, int flags, int family, String table, Optional<String> chain) {
        w.begin(NftMsgType.of(NftMsgType.DELRULE), flags, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaRuleAttr.TABLE, table);
        chain.ifPresent(c -> w.string(NftaRuleAttr.CHAIN, c));
        w.end();
    }
}
