package org.netnslab.sim.wire;

/** Bytes that are not a well-formed packet of the expected kind; the receiver drops them, as the kernel does. */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
