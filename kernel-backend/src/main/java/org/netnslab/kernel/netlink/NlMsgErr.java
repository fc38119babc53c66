package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The answer to a request: an acknowledgement when {@code error} is 0, else the negative errno, with the
 * kernel's extended ack when it gave one.
 *
 * <pre>
 * struct nlmsgerr {
 *     int              error;  // 0 or -errno
 *     struct nlmsghdr  msg;    // the request's header, then its payload unless NLM_F_CAPPED
 * };                           // then, with NLM_F_ACK_TLVS, NLMSGERR_ATTR_* attributes
 * </pre>
 */
public record NlMsgErr(int error, NlMsgHdr request, Optional<String> message) {

    public static NlMsgErr parse(Message m) {
        ByteBuffer b = m.body();
        int error = b.getInt();
        int requestStart = b.position();
        NlMsgHdr request = NlMsgHdr.parse(b);
        Optional<String> text = Optional.empty();
        if (m.header().has(NlmFlags.ACK_TLVS)) {
            int skip = m.header().has(NlmFlags.CAPPED) ? NlMsgHdr.LENGTH : Attributes.align(request.length());
            int tlvs = requestStart + skip;
            if (tlvs <= b.limit()) {
                Attributes attrs = Attributes.parse(b.duplicate().position(tlvs));
                text = attrs.get(NlmsgerrAttr.MSG).map(Attribute::string).filter(s -> !s.isEmpty());
            }
        }
        return new NlMsgErr(error, request, text);
    }

    public boolean isAck() {
        return error == 0;
    }

    /** The error number, positive. */
    public int errno() {
        return -error;
    }
}
