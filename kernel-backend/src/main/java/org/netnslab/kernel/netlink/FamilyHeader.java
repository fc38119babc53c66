package org.netnslab.kernel.netlink;

import java.nio.ByteBuffer;

/** The fixed header a netlink family puts after {@code struct nlmsghdr}, before the attributes. */
public interface FamilyHeader {

    /** Its size in bytes, before the padding to 4. */
    int length();

    void emit(ByteBuffer b);
}
