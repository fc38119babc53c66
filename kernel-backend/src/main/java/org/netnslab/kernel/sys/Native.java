package org.netnslab.kernel.sys;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** libc, loaded once, and the errno of the calling thread's last call. */
final class Native {

    private static volatile LibC libc;

    private Native() {}

    static LibC libc() {
        LibC l = libc;
        if (l == null) {
            synchronized (Native.class) {
                l = libc;
                if (l == null) {
                    l = LibraryLoader.create(LibC.class).failImmediately().load("c");
                    libc = l;
                }
            }
        }
        return l;
    }

    static int errno() {
        return LastError.getLastError(Runtime.getRuntime(libc()));
    }

    /** Throws the errno of the last call when it failed. */
    static int check(String call, int result) throws SyscallException {
        if (result < 0) {
            throw new SyscallException(call, errno());
        }
        return result;
    }

    static long check(String call, long result) throws SyscallException {
        if (result < 0) {
            throw new SyscallException(call, errno());
        }
        return result;
    }
}
