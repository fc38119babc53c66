package org.netnslab.kernel.netlink;

/**
 * An IPv4 routing rule as {@code RTM_NEWRULE} reports it, and the dump {@code ip rule show} asks for. Its header
 * is {@code struct fib_rule_hdr}, laid out as {@code struct rtmsg} ({@link RtMsg}: family, dst_len, src_len,
 * tos, table, res1, res2, action, flags).
 */
public record RuleMessage(int priority, int table) {

    /** {@code ip -4 rule show}. */
    public static byte[] dump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETRULE, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new RtMsg(Family.AF_INET, 0, 0, 0, 0, 0, 0, 0, 0))
                .end().toBytes();
    }

    /** The rule's preference and table: FRA_TABLE when sent (a table above 255 needs it), else the header's. */
    public static RuleMessage parse(Message m) {
        RtMsg h = RtMsg.parse(m.body());
        Attributes a = m.attributes(RtMsg.LENGTH);
        return new RuleMessage(a.get(FraAttr.PRIORITY).map(Attribute::u32).orElse(0),
                a.get(FraAttr.TABLE).map(Attribute::u32).orElse(h.table()));
    }
}
