package org.netnslab.core.coreutils;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.netnslab.core.backend.Backend;

/**
 * The lab machine's own files, beside /proc/sys: what {@code tcpdump -w FILE} writes and {@code tcpdump -r FILE}
 * reads. One store a lab, shared by its namespaces and its terminals, as a machine's file system is shared by
 * its network namespaces. Paths are absolute, or relative to root's home, {@code /root}; a file goes into one of
 * the directories a fresh Debian machine has.
 */
public final class LabFiles {

    /** The directories a file may be made in. */
    private static final List<String> DIRECTORIES = List.of("/", "/tmp", "/root", "/var/tmp", "/home", "/srv",
            "/opt", "/mnt");

    private static final Map<Backend, LabFiles> LABS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, byte[]> files = new HashMap<>();

    private LabFiles() {}

    /** The files of the lab that runs on this backend. */
    public static LabFiles of(Backend backend) {
        return LABS.computeIfAbsent(backend, b -> new LabFiles());
    }

    /** The absolute form of a path as typed. */
    public static String absolute(String path) {
        String p = path.startsWith("/") ? path : "/root/" + path;
        p = p.replaceAll("/+", "/").replaceAll("/\\./", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Why a file cannot be written there ({@code No such file or directory}, {@code Is a directory}), if it cannot. */
    public synchronized Optional<String> cannotWrite(String path) {
        String p = absolute(path);
        if (DIRECTORIES.contains(p)) {
            return Optional.of("Is a directory");
        }
        String parent = p.substring(0, Math.max(1, p.lastIndexOf('/')));
        return DIRECTORIES.contains(parent) ? Optional.empty() : Optional.of("No such file or directory");
    }

    public synchronized void write(String path, byte[] data) {
        files.put(absolute(path), data.clone());
    }

    /** A file's bytes; empty when there is no such file. */
    public synchronized Optional<byte[]> read(String path) {
        return Optional.ofNullable(files.get(absolute(path))).map(byte[]::clone);
    }

    /** Whether the path names a directory of the machine. */
    public static boolean isDirectory(String path) {
        return DIRECTORIES.contains(absolute(path));
    }
}
