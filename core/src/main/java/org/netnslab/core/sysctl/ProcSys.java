package org.netnslab.core.sysctl;

import java.util.List;
import java.util.Optional;
import org.netnslab.core.backend.KernelException;
import org.netnslab.core.backend.SysctlKey;
import org.netnslab.core.command.Context;
import org.netnslab.core.model.Link;

/**
 * The files under /proc/sys of a namespace, as {@code cat}, {@code tee} and the shell's {@code >} open them:
 * the file of a key the lab models reads its value and takes a new one; a key that exists but that the lab
 * does not model is said so; a name that is not there is {@code ENOENT}, a directory {@code EISDIR}.
 */
public final class ProcSys {

    /** What opening a path found. */
    public enum Found { FILE, NO_SUCH_FILE, DIRECTORY, NOT_MODELLED }

    private ProcSys() {}

    /** What {@code path} is in namespace {@code ns}. */
    public static Found find(Context context, String ns, String path) {
        Optional<String> key = key(path);
        if (key.isEmpty()) {
            return Found.NOT_MODELLED;
        }
        if (SysctlKey.of(key.get()).flatMap(k -> context.backend().sysctl(ns, k)).isPresent()) {
            return Found.FILE;
        }
        List<String> devices = context.state(ns).links().stream().map(Link::name).toList();
        if (!SysctlKeys.exists(key.get(), devices)) {
            return Found.NO_SUCH_FILE;
        }
        return SysctlKeys.isDirectory(key.get()) ? Found.DIRECTORY : Found.NOT_MODELLED;
    }

    /** The text of a file {@link #find} found. */
    public static String read(Context context, String ns, String path) {
        SysctlKey k = key(path).flatMap(SysctlKey::of).orElseThrow();
        return context.backend().sysctl(ns, k).orElseThrow() + "\n";
    }

    /** Writes {@code data} to a file {@link #find} found; the kernel's refusal, if it refused ({@code Invalid argument}). */
    public static Optional<String> write(Context context, String ns, String path, String data) throws KernelException {
        Optional<Integer> v = Sysctl.integer(data);
        if (v.isEmpty()) {
            return Optional.of("Invalid argument");
        }
        context.backend().setSysctl(ns, key(path).flatMap(SysctlKey::of).orElseThrow(), v.get());
        return Optional.empty();
    }

    /** The dotted key of a path under /proc/sys ({@code /proc/sys/net/ipv4/ip_forward}), if it is one. */
    static Optional<String> key(String path) {
        String p = path.replaceAll("/+", "/");
        if (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.startsWith("/proc/sys/")) {
            return Optional.empty();
        }
        return Optional.of(p.substring("/proc/sys/".length()).replace('/', '.'));
    }
}
