package org.netnslab.kernel.sys;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls the kernel backend makes, bound by jnr-ffi. Buffers are Java arrays, copied in or out. Public
 * only because jnr-ffi generates its implementation in another class loader; use the classes of this package.
 */
public interface LibC {

    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    int bind(int fd, @In byte[] addr, int addrlen);

    @SaveError
    int connect(int fd, @In byte[] addr, int addrlen);

    @SaveError
    int getsockname(int fd, @Out byte[] addr, IntByReference addrlen);

    @SaveError
    int getpeername(int fd, @Out byte[] addr, IntByReference addrlen);

    @SaveError
    int getsockopt(int fd, int level, int optname, @Out byte[] optval, IntByReference optlen);

    @SaveError
    int listen(int fd, int backlog);

    @SaveError
    int accept4(int fd, @Out byte[] addr, IntByReference addrlen, int flags);

    @SaveError
    int shutdown(int fd, int how);

    @SaveError
    int ioctl(int fd, long request, IntByReference value);

    /** For a request that fills a struct, such as {@code SIOCGSTAMP}'s {@code struct timeval}. */
    @SaveError
    int ioctl(int fd, long request, @Out byte[] value);

    @SaveError
    @ssize_t
    long send(int fd, @In byte[] buf, @size_t long len, int flags);

    @SaveError
    @ssize_t
    long recv(int fd, @Out byte[] buf, @size_t long len, int flags);

    @SaveError
    int setsockopt(int fd, int level, int optname, @In byte[] optval, int optlen);

    @SaveError
    @ssize_t
    long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

    @SaveError
    @ssize_t
    long recvfrom(int fd, @Out byte[] buf, @size_t long len, int flags, @Out byte[] addr, IntByReference addrlen);

    /** Into native memory: only what arrived is copied out, not the whole buffer. */
    @SaveError
    @ssize_t
    long recvfrom(int fd, Pointer buf, @size_t long len, int flags, @Out byte[] addr, IntByReference addrlen);

    /** {@code struct msghdr} in native memory, with its buffers: for the control messages of a packet socket. */
    @SaveError
    @ssize_t
    long recvmsg(int fd, Pointer msg, int flags);

    @SaveError
    int poll(byte[] fds, long nfds, int timeout);

    @SaveError
    int open(String path, int flags);

    @SaveError
    @ssize_t
    long pread(int fd, @Out byte[] buf, @size_t long count, long offset);

    @SaveError
    @ssize_t
    long pwrite(int fd, @In byte[] buf, @size_t long count, long offset);

    @SaveError
    int close(int fd);

    @SaveError
    int unshare(int flags);

    @SaveError
    int setns(int fd, int nstype);
}
