package org.netnslab.kernel.netlink;

/** An nf_tables table: the message that makes one if it is missing, and the dump that lists them. */
public record NftTable(String name, long handle) {

    public static NftTable parse(Message m) {
        Attributes a = m.attributes(NfGenMsg.LENGTH);
        return new NftTable(a.get(NftaTableAttr.NAME).map(Attribute::string).orElse(""),
                a.get(NftaTableAttr.HANDLE).map(Attribute::u64be).orElse(0L));
    }

    /** {@code nft list tables ip}. */
    public static byte[] dump(int seq, int family) {
        return MessageWriter.nfnetlink()
                .begin(NftMsgType.of(NftMsgType.GETTABLE), NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .end().toBytes();
    }

    static void add(MessageWriter w, int seq, int family, String name) {
        w.begin(NftMsgType.of(NftMsgType.NEWTABLE), NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.CREATE, seq)
                .header(new NfGenMsg(family, NfGenMsg.NFNETLINK_V0, 0))
                .string(NftaTableAttr.NAME, name)
                .end();
    }
}
