package org.netnslab.kernel.netlink;

import java.util.Optional;

/**
 * An nf_tables chain as {@code NFT_MSG_NEWCHAIN} reports it, and the message that makes a base chain the
 * way iptables-nft makes its built-in chains.
 *
 * @param hook {@code NF_INET_*} hook number, for a base chain
 * @param counters the policy's counters, when the chain keeps them
 */
public record NftChain(String table, String name, Optional<Integer> hook, Optional<Integer> priority,
        Optional<String> type, Optional<NftExpr.Counter> counters) {

    public static final int NF_INET_POST_ROUTING = 4;
    /** {@code NF_IP_PRI_NAT_SRC}: the priority nft calls {@code srcnat}. */
    public static final int NF_IP_PRI_NAT_SRC = 100;
    public static final int NF_ACCEPT = 1;

    public static NftChain parse(Message m) {
        Attributes a = m.attributes(NfGenMsg.LENGTH);
        Optional<Attributes> hook = a.get(NftaChainAttr.HOOK).map(Attribute::attributes);
        return new NftChain(
                a.get(NftaChainAttr.TABLE).map(Attribute::string).orElse(""),
                a.get(NftaChainAttr.NAME).map(Attribute::string).orElse(""),
                hook.flatMap(h -> h.get(NftaHookAttr.HOOKNUM)).map(Attribute::u32be),
                hook.flatMap(h -> h.get(NftaHookAttr.PRIORITY)).map(Attribute::u32be),
                a.get(NftaChainAttr.TYPE).map(Attribute::string),
                a.get(NftaChainAttr.COUNTERS).map(Attribute::attributes).map(c -> new NftExpr.Counter(
                        c.get(NftaCounterAttr.BYTES).map(Attribute::u64be).orElse(0L),
                        c.get(NftaCounterAttr.PACKETS).map(Attribute::u64be).orElse(0L))));
    }

    /** {@code nft list table ip TABLE}'s chains. */
    public static byte[] dump(int seq, int family, String table) {
        return MessageWriter.nfnetlink()
                .begin(NftMsgType.of(NftMsgType.GETCHAIN), NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaChainAttr.TABLE, table)
                .end().toBytes();
    }

    /** A base chain with policy accept; made if missing, left as it is if there. */
    static void add(MessageWriter w, int seq, int family, String table, String name, int hook, int priority,
            String type) {
        w.begin(NftMsgType.of(NftMsgType.NEWCHAIN), NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.CREATE, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaChainAttr.TABLE, table)
                .string(NftaChainAttr.NAME, name)
                .nest(NftaChainAttr.HOOK)
                .u32be(NftaHookAttr.HOOKNUM, hook)
                .u32be(NftaHookAttr.PRIORITY, priority)
                .endNest()
                .u32be(NftaChainAttr.POLICY, NF_ACCEPT)
                .string(NftaChainAttr.TYPE, type)
                .end();
    }
}
