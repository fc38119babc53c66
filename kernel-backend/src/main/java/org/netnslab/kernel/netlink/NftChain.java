package org.netnslab.kernel.netlink;

import java.util.Optional;

/**
 * An nf_tables chain as {@code NFT_MSG_NEWCHAIN} reports it, and the messages iptables-nft 1.8.9 sends for
 * chains: a built-in chain made on first use, {@code -N}, {@code -X}, {@code -E}, {@code -P} and {@code -Z}.
 *
 * @param hook {@code NF_INET_*} hook number, for a base chain
 * @param policy {@code NF_ACCEPT} or {@code NF_DROP}, for a base chain
 * @param use how many rules jump or go to it (and, for a base chain, what else holds it)
 * @param counters the policy's counters, when the chain keeps them
 * @param flags {@code NFT_CHAIN_BASE} for a base chain
 */
public record NftChain(String table, String name, long handle, Optional<Integer> hook, Optional<Integer> priority,
        Optional<Integer> policy, int use, Optional<String> type, Optional<NftExpr.Counter> counters,
        Optional<Integer> flags) {

    public static final int NF_INET_PRE_ROUTING = 0;
    public static final int NF_INET_LOCAL_IN = 1;
    public static final int NF_INET_FORWARD = 2;
    public static final int NF_INET_LOCAL_OUT = 3;
    public static final int NF_INET_POST_ROUTING = 4;
    /** {@code NF_IP_PRI_NAT_DST}: the priority nft calls {@code dstnat}. */
    public static final int NF_IP_PRI_NAT_DST = -100;
    /** {@code NF_IP_PRI_FILTER}: the priority nft calls {@code filter}. */
    public static final int NF_IP_PRI_FILTER = 0;
    /** {@code NF_IP_PRI_NAT_SRC}: the priority nft calls {@code srcnat}. */
    public static final int NF_IP_PRI_NAT_SRC = 100;
    public static final int NF_DROP = 0;
    public static final int NF_ACCEPT = 1;
    /** {@code NLM_F_NONREC}: delete the chain only, not its rules (a chain with rules is then busy). */
    static final int NLM_F_NONREC = 0x100;

    public static NftChain parse(Message m) {
        Attributes a = m.attributes(NfGenMsg.LENGTH);
        Optional<Attributes> hook = a.get(NftaChainAttr.HOOK).map(Attribute::attributes);
        return new NftChain(
                a.get(NftaChainAttr.TABLE).map(Attribute::string).orElse(""),
                a.get(NftaChainAttr.NAME).map(Attribute::string).orElse(""),
                a.get(NftaChainAttr.HANDLE).map(Attribute::u64be).orElse(0L),
                hook.flatMap(h -> h.get(NftaHookAttr.HOOKNUM)).map(Attribute::u32be),
                hook.flatMap(h -> h.get(NftaHookAttr.PRIORITY)).map(Attribute::u32be),
                a.get(NftaChainAttr.POLICY).map(Attribute::u32be),
                a.get(NftaChainAttr.USE).map(Attribute::u32be).orElse(0),
                a.get(NftaChainAttr.TYPE).map(Attribute::string),
                a.get(NftaChainAttr.COUNTERS).map(Attribute::attributes).map(c -> new NftExpr.Counter(
                        c.get(NftaCounterAttr.BYTES).map(Attribute::u64be).orElse(0L),
                        c.get(NftaCounterAttr.PACKETS).map(Attribute::u64be).orElse(0L))),
                a.get(NftaChainAttr.FLAGS).map(Attribute::u32be));
    }

    /** Whether it is a base chain, one a hook calls. */
    public boolean base() {
        return hook.isPresent();
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
    static void add(MessageWriter w, int seq, int flags, int family, String table, String name, int hook,
            int priority, String type) {
        w.begin(NftMsgType.of(NftMsgType.NEWCHAIN), flags | NlmFlags.CREATE, seq)
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

    /** {@code iptables -N CHAIN}: a user chain; the kernel refuses one that exists ({@code EEXIST}). */
    static void addUser(MessageWriter w, int seq, int flags, int family, String table, String name) {
        w.begin(NftMsgType.of(NftMsgType.NEWCHAIN), flags | NlmFlags.EXCL, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaChainAttr.TABLE, table)
                .string(NftaChainAttr.NAME, name)
                .end();
    }

    /** {@code iptables -E OLD NEW}: the chain of this handle takes the new name. */
    static void rename(MessageWriter w, int seq, int flags, int family, String table, long handle, String name) {
        w.begin(NftMsgType.of(NftMsgType.NEWCHAIN), flags, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaChainAttr.TABLE, table)
                .string(NftaChainAttr.NAME, name)
                .u64be(NftaChainAttr.HANDLE, handle)
                .end();
    }

    /** {@code iptables -P CHAIN POLICY}: the base chain's policy, and its counters back to zero, as iptables-nft. */
    static void policy(MessageWriter w, int seq, int flags, int family, String table, String name, int hook,
            int priority, int policy, String type) {
        w.begin(NftMsgType.of(NftMsgType.NEWCHAIN), flags, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaChainAttr.TABLE, table)
                .string(NftaChainAttr.NAME, name)
                .nest(NftaChainAttr.HOOK)
                .u32be(NftaHookAttr.HOOKNUM, hook)
                .u32be(NftaHookAttr.PRIORITY, priority)
                .endNest()
                .u32be(NftaChainAttr.POLICY, policy)
                .nest(NftaChainAttr.COUNTERS)
                .u64be(NftaCounterAttr.PACKETS, 0)
                .u64be(NftaCounterAttr.BYTES, 0)
                .endNest()
                .string(NftaChainAttr.TYPE, type)
                .end();
    }

    /**
     * This chain as iptables-nft echoes it from its cache: for {@code -Z} a {@code NEWCHAIN} with its counters at
     * zero, for {@code -X} a {@code DELCHAIN} ({@code NLM_F_NONREC}, so that a chain with rules or jumps to it
     * is busy).
     */
    void echo(MessageWriter w, int seq, int flags, int family, boolean delete) {
        int type = delete ? NftMsgType.DELCHAIN : NftMsgType.NEWCHAIN;
        int f = flags | (delete ? NLM_F_NONREC : NlmFlags.CREATE);
        w.begin(NftMsgType.of(type), f, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaChainAttr.TABLE, table)
                .string(NftaChainAttr.NAME, name);
        if (hook.isPresent()) {
            w.nest(NftaChainAttr.HOOK).u32be(NftaHookAttr.HOOKNUM, hook.get()).u32be(NftaHookAttr.PRIORITY,
                    priority.orElse(0)).endNest();
        }
        policy.ifPresent(p -> w.u32be(NftaChainAttr.POLICY, p));
        w.u32be(NftaChainAttr.USE, use);
        Optional<NftExpr.Counter> c = delete ? counters : Optional.of(new NftExpr.Counter(0, 0));
        if (base() && c.isPresent()) {
            w.nest(NftaChainAttr.COUNTERS).u64be(NftaCounterAttr.PACKETS, c.get().packets())
                    .u64be(NftaCounterAttr.BYTES, c.get().bytes()).endNest();
        }
        type().ifPresent(t -> w.string(NftaChainAttr.TYPE, t));
        flags().ifPresent(fl -> w.u32be(NftaChainAttr.FLAGS, fl));
        w.end();
    }
}
