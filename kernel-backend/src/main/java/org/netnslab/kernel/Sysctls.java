package org.netnslab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.netnslab.core.backend.Errno;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.SysctlKey;
import org.netnslab.kernel.sys.Namespaces;
import org.netnslab.kernel.sys.ProcFile;
import org.netnslab.kernel.sys.SyscallException;

/**
 * The modelled sysctl keys of a lab namespace, read and written through their /proc/sys files. A file of
 * /proc/sys/net is the namespace's of the thread that opens it, so each is opened on a thread inside the
 * namespace, used once and closed; the kernel does the side effects ({@code devinet.c}) itself.
 */
final class Sysctls {

    private Sysctls() {}

    /** {@code cat /proc/sys/KEY} inside the namespace; empty when the file is not there (no such device). */
    static Optional<Integer> read(LabNamespace ns, SysctlKey key) {
        try {
            String text = Namespaces.enter(ns.fd, () -> ProcFile.read(key.path()));
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (SyscallException e) {
            if (e.errno() == SyscallException.ENOENT) {
                return Optional.empty();
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code echo VALUE > /proc/sys/KEY} inside the namespace. */
    static void write(LabNamespace ns, SysctlKey key, int value) throws KernelException {
        try {
            Namespaces.enter(ns.fd, () -> {
                ProcFile.write(key.path(), Integer.toString(value));
                return null;
            });
        } catch (SyscallException e) {
            throw Errno.of(e.errno()).map(KernelException::new).orElseThrow(() -> new UncheckedIOException(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
