package org.netnslab.kernel.sys;

/**
 * An open file descriptor of a network namespace ({@code /proc/thread-self/ns/net} opened from inside): it
 * keeps the namespace alive, and names it to the kernel ({@code IFLA_NET_NS_FD}, {@code NETNSA_FD},
 * {@code setns}). Nothing else holds a lab's namespace: when the last descriptor closes, or the process ends,
 * the kernel takes it down.
 */
public final class NamespaceFd implements AutoCloseable {

    private final int fd;
    private boolean closed;

    private NamespaceFd(int fd) {
        this.fd = fd;
    }

    /** The calling thread's own network namespace. */
    public static NamespaceFd current() throws SyscallException {
        String path = "/proc/thread-self/ns/net";
        return new NamespaceFd(Native.check("open(" + path + ")",
                Native.libc().open(path, Constants.O_RDONLY | Constants.O_CLOEXEC)));
    }

    /** The number the kernel knows it by in this process. */
    public int fd() {
        return fd;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
