package org.netnslab.core.command;

import org.netnslab.core.backend.KernelException;

/** How iproute2 prints a refusal of the kernel ({@code lib/libnetlink.c}). */
public final class KernelErrors {

    private KernelErrors() {}

    /** The kernel's extended ack when it sent one ({@code Error: TEXT.}), else {@code RTNETLINK answers: STRERROR}. */
    public static CommandResult rtnetlink(KernelException e) {
        String line = e.extack().map(t -> "Error: " + t + ".").orElse("RTNETLINK answers: " + e.errno().message());
        return CommandResult.of(line, 2);
    }
}
