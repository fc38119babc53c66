package org.netnslab.kernel.sys;

import java.nio.charset.StandardCharsets;

/**
 * A file of {@code /proc/sys/net}, opened by a thread inside a namespace: the open file keeps that
 * namespace's setting, whichever thread reads or writes it later.
 */
public final class ProcFile implements AutoCloseable {

    private final int fd;
    private final String path;
    private boolean closed;

    private ProcFile(int fd, String path) {
        this.fd = fd;
        this.path = path;
    }

    /** Opens for reading and writing, in the calling thread's namespace. */
    public static ProcFile open(String path) throws SyscallException {
        int fd = Native.check("open(" + path + ")", Native.libc().open(path, Constants.O_RDWR | Constants.O_CLOEXEC));
        return new ProcFile(fd, path);
    }

    /**
     * Opens for reading only, in the calling thread's namespace: a file of {@code /proc/thread-self/net}
     * ({@code snmp}, {@code netstat}) keeps showing that namespace's counters to whichever thread reads it.
     */
    public static ProcFile openReadOnly(String path) throws SyscallException {
        int fd = Native.check("open(" + path + ")", Native.libc().open(path, Constants.O_RDONLY | Constants.O_CLOEXEC));
        return new ProcFile(fd, path);
    }

    /** Reads a file once, opened for reading only: some keys ({@code conf.*.mc_forwarding}) are read-only. */
    public static String read(String path) throws SyscallException {
        int fd = Native.check("open(" + path + ")", Native.libc().open(path, Constants.O_RDONLY | Constants.O_CLOEXEC));
        try (ProcFile f = new ProcFile(fd, path)) {
            return f.read();
        }
    }

    /** Writes a value once: {@code echo VALUE > PATH} from the calling thread. */
    public static void write(String path, String value) throws SyscallException {
        try (ProcFile f = open(path)) {
            f.write(value);
        }
    }

    public String read() throws SyscallException {
        return read(256);
    }

    /** The file from its start, up to {@code max} bytes: a counters' file of a few kilobytes is one read. */
    public String read(int max) throws SyscallException {
        byte[] buf = new byte[max];
        long n = Native.check("pread(" + path + ")", Native.libc().pread(fd, buf, buf.length, 0));
        return new String(buf, 0, (int) n, StandardCharsets.US_ASCII);
    }

    public void write(String value) throws SyscallException {
        byte[] b = (value + "\n").getBytes(StandardCharsets.US_ASCII);
        Native.check("pwrite(" + path + ")", Native.libc().pwrite(fd, b, b.length, 0));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
