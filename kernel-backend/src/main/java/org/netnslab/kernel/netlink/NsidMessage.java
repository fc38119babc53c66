package org.netnslab.kernel.netlink;

/**
 * The id one namespace gives another ({@code RTM_NEWNSID}), and the question {@code RTM_GETNSID}: which id
 * does this namespace give the namespace behind that file descriptor. Asking allocates nothing.
 *
 * @param nsid the id, or {@link #NOT_ASSIGNED}
 */
public record NsidMessage(int nsid) {

    public static final int NOT_ASSIGNED = -1;

    public static NsidMessage parse(Message m) {
        Attributes a = m.attributes(RtGenMsg.LENGTH);
        return new NsidMessage(a.get(NetnsaAttr.NSID).map(Attribute::u32).orElse(NOT_ASSIGNED));
    }

    public boolean assigned() {
        return nsid >= 0;
    }

    /** {@code ip netns list-id}: every id this namespace has given. */
    public static byte[] dump(int seq) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETNSID, NlmFlags.REQUEST | NlmFlags.DUMP, seq)
                .header(new RtGenMsg(Family.AF_UNSPEC))
                .end().toBytes();
    }

    /** {@code ip netns list-id target NS}, as iproute2's {@code get_netnsid_from_name} asks it. */
    public static byte[] get(int seq, int namespaceFd) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_GETNSID, NlmFlags.REQUEST, seq)
                .header(new RtGenMsg(Family.AF_UNSPEC))
                .u32(NetnsaAttr.FD, namespaceFd)
                .end().toBytes();
    }

    /**
     * {@code ip netns set NAME ID}: the id this namespace is to give the namespace behind the descriptor, or
     * {@link #NOT_ASSIGNED} for the lowest free one ({@code auto}), as iproute2's {@code set_netnsid_from_name}
     * asks it.
     */
    public static byte[] set(int seq, int namespaceFd, int nsid) {
        return MessageWriter.rtnetlink()
                .begin(NlMsgType.RTM_NEWNSID, NlmFlags.REQUEST | NlmFlags.ACK, seq)
                .header(new RtGenMsg(Family.AF_UNSPEC))
                .u32(NetnsaAttr.FD, namespaceFd)
                .u32(NetnsaAttr.NSID, nsid)
                .end().toBytes();
    }
}
