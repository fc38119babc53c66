package org.netnslab.kernel.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Whether kernel mode can run here; when it cannot, why, in one line. */
public final class Availability {

    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_NET_RAW = 13;
    private static final int CAP_SYS_ADMIN = 21;

    private static volatile Optional<String> cached;

    private Availability() {}

    /** Empty when kernel mode can run; else the reason, one line. Checked once per process. */
    public static Optional<String> unavailableReason() {
        Optional<String> c = cached;
        if (c == null) {
            synchronized (Availability.class) {
                c = cached;
                if (c == null) {
                    c = check();
                    cached = c;
                }
            }
        }
        return c;
    }

    private static Optional<String> check() {
        String os = System.getProperty("os.name", "unknown");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of("kernel mode needs Linux network namespaces; this is " + os);
        }
        Optional<String> caps = capabilities();
        if (caps.isPresent()) {
            return caps;
        }
        try {
            Native.libc();
        } catch (Throwable e) {
            return Optional.of("kernel mode cannot load jnr-ffi's native library: " + oneLine(e));
        }
        try {
            Namespaces.fresh(() -> null);
        } catch (SyscallException e) {
            return Optional.of("kernel mode cannot make a network namespace: " + e.call() + ": "
                    + strerror(e.errno()));
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.of("kernel mode cannot make a network namespace: " + oneLine(e));
        }
        return Optional.empty();
    }

    /** CapEff of /proc/self/status: the capabilities this process has now. */
    private static Optional<String> capabilities() {
        long eff;
        try {
            String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
            String line = status.lines().filter(l -> l.startsWith("CapEff:")).findFirst().orElse("CapEff: 0");
            eff = Long.parseUnsignedLong(line.substring(7).strip(), 16);
        } catch (IOException | NumberFormatException e) {
            return Optional.of("kernel mode cannot read this process's capabilities: " + oneLine(e));
        }
        String[] names = {"CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_SYS_ADMIN"};
        int[] bits = {CAP_NET_ADMIN, CAP_NET_RAW, CAP_SYS_ADMIN};
        for (int i = 0; i < bits.length; i++) {
            if ((eff & (1L << bits[i])) == 0) {
                return Optional.of("kernel mode needs root (" + names[i] + " is missing): run as root, or use the"
                        + " simulator");
            }
        }
        return Optional.empty();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    static String strerror(int errno) {
        switch (errno) {
            case 1: return "Operation not permitted";
            case 12: return "Cannot allocate memory";
            case 22: return "Invalid argument";
            case 28: return "No space left on device";
            case 38: return "Function not implemented";
            default: return "errno " + errno;
        }
    }
}
