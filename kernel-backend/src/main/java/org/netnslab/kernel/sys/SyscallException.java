package org.netnslab.kernel.sys;

import java.io.IOException;

/** A system call failed: which one, and its errno. */
public final class SyscallException extends IOException {
    private static final long serialVersionUID = 1L;

    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EPERM = 1;

    private final int errno;
    private final String call;

    public SyscallException(String call, int errno) {
        super(call + ": errno " + errno);
        this.call = call;
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    public String call() {
        return call;
    }
}
