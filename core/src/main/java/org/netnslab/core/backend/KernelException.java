package org.netnslab.core.backend;

import java.util.List;
import java.util.Optional;

/**
 * The kernel refused an operation: an error number, and the extended ack text when the kernel gave one
 * ({@code NLMSGERR_ATTR_MSG}, printed by iproute2 as {@code Error: TEXT.}). The simulator throws the same
 * errors the kernel would, so that both backends print the same words.
 */
public final class KernelException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final transient Optional<String> extack;
    private final transient List<SegmentJourney> journeys;

    public KernelException(Errno errno) {
        this(errno, (String) null);
    }

    public KernelException(Errno errno, String extack) {
        super(extack == null ? errno.message() : errno.message() + " (" + extack + ")");
        this.errno = errno;
        this.extack = Optional.ofNullable(extack);
        this.journeys = List.of();
    }

    /** A refused {@code connect}, with what its segments met on their way (the simulator can tell). */
    public KernelException(Errno errno, List<SegmentJourney> journeys) {
        super(errno.message());
        this.errno = errno;
        this.extack = Optional.empty();
        this.journeys = List.copyOf(journeys);
    }

    public Errno errno() {
        return errno;
    }

    /** The kernel's own sentence, without iproute2's {@code Error: } and final period. */
    public Optional<String> extack() {
        return extack;
    }

    /** The journeys of the segments a refused {@code connect} sent, when the backend can tell them. */
    public List<SegmentJourney> journeys() {
        return journeys;
    }
}
