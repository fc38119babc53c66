package org.netnslab.kernel.sys;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
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
                    warmUp(l);
                    libc = l;
                }
            }
        }
        return l;
    }

    /**
     * Makes each kind of call once, on the loading thread, which never switches namespaces: whatever jnr-ffi
     * sets up lazily (stubs, buffers, a helper thread if it ever made one) is set up outside any lab.
     */
    private static void warmUp(LibC l) {
        byte[] buf = new byte[16];
        l.getsockname(-1, buf, new jnr.ffi.byref.IntByReference(buf.length));
        l.recvfrom(-1, buf, buf.length, 0, buf, new jnr.ffi.byref.IntByReference(buf.length));
        l.recvfrom(-1, Memory.allocateDirect(Runtime.getRuntime(l), buf.length), buf.length, 0, buf,
                new jnr.ffi.byref.IntByReference(buf.length));
        l.recvmsg(-1, Memory.allocateDirect(Runtime.getRuntime(l), 56), 0);
        l.sendto(-1, buf, buf.length, 0, buf, buf.length);
        l.setsockopt(-1, 0, 0, buf, 4);
        l.pread(-1, buf, buf.length, 0);
        l.poll(new byte[8], 0, 0);
        l.getpeername(-1, buf, new jnr.ffi.byref.IntByReference(buf.length));
        l.getsockopt(-1, 0, 0, buf, new jnr.ffi.byref.IntByReference(4));
        l.bind(-1, buf, buf.length);
        l.connect(-1, buf, buf.length);
        l.listen(-1, 0);
        l.accept4(-1, null, null, 0);
        l.shutdown(-1, 0);
        l.ioctl(-1, 0, new jnr.ffi.byref.IntByReference(0));
        l.send(-1, buf, 0, 0);
        l.recv(-1, buf, 0, 0);
        LastError.getLastError(Runtime.getRuntime(l));
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
