package org.netnslab.core.backend;

import java.util.List;

/**
 * A packet socket open on one device of one namespace, or on all of them: what tcpdump holds while it captures.
 * Made by {@link Backend#capture}. Every frame the device sends or receives from the moment it was opened is
 * kept, in order, until it is read.
 */
public interface Capture extends AutoCloseable {

    /**
     * Equivalent to: {@code recvfrom(fd, ..., MSG_DONTWAIT)} until {@code EAGAIN}, once the lab has settled:
     * the frames seen since the last call, oldest first.
     */
    List<CapturedFrame> read();

    /** Equivalent to: {@code close(fd)}. */
    @Override
    void close();
}
