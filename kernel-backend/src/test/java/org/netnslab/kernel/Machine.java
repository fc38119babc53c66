package org.netnslab.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the tests watch of the machine itself: its own namespace's links, addresses, routes and nftables
 * ruleset, /run/netns, and which network namespaces processes hold. Read with the real tools where they are
 * installed (this is a test observing the machine, not the backend acting on it) and from /proc.
 */
final class Machine {

    private Machine() {}

    /** The machine's own network state, as text to compare; tools that are missing are left out. */
    static String networkState() {
        StringBuilder sb = new StringBuilder();
        sb.append("# /proc/thread-self/net/dev\n");
        for (String line : lines("/proc/thread-self/net/dev")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                sb.append(line.substring(0, colon).strip()).append('\n');
            }
        }
        sb.append("# /proc/thread-self/net/if_inet6\n");
        lines("/proc/thread-self/net/if_inet6").forEach(l -> sb.append(l).append('\n'));
        sb.append("# /proc/thread-self/net/route\n");
        lines("/proc/thread-self/net/route").forEach(l -> sb.append(l).append('\n'));
        for (List<String> command : List.of(
                List.of("ip", "-o", "link"), List.of("ip", "-o", "addr"), List.of("ip", "route"),
                List.of("ip", "netns", "list-id"), List.of("nft", "list", "ruleset"))) {
            sb.append("# ").append(String.join(" ", command)).append('\n').append(run(command));
        }
        sb.append("# /run/netns\n");
        Path runNetns = Path.of("/run/netns");
        if (Files.isDirectory(runNetns)) {
            try (Stream<Path> s = Files.list(runNetns)) {
                s.map(p -> p.getFileName().toString()).sorted().forEach(n -> sb.append(n).append('\n'));
            } catch (IOException e) {
                sb.append("unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The network namespaces a process holds, by {@code net:[inode]}: its threads' and its descriptors'. */
    static Set<String> namespacesHeldBy(long pid) {
        Set<String> out = new TreeSet<>();
        Path proc = Path.of("/proc", Long.toString(pid));
        addLinks(out, proc.resolve("fd"));
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            tasks.forEach(t -> readLink(t.resolve("ns/net")).ifPresent(out::add));
        } catch (IOException e) {
            // the process is gone
        }
        return out;
    }

    /** The network namespaces a process holds open by descriptor. */
    static Set<String> namespaceDescriptorsOf(long pid) {
        Set<String> out = new TreeSet<>();
        addLinks(out, Path.of("/proc", Long.toString(pid), "fd"));
        return out;
    }

    /** Every network namespace any process holds now, by thread, descriptor or mount. */
    static Set<String> namespacesHeldAnywhere() {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                out.addAll(namespacesHeldBy(Long.parseLong(p.getFileName().toString())));
                for (String line : lines(p.resolve("mountinfo").toString())) {
                    int i = line.indexOf("net:[");
                    if (i >= 0) {
                        out.add(line.substring(i, line.indexOf(']', i) + 1));
                    }
                }
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static void addLinks(Set<String> out, Path dir) {
        try (Stream<Path> fds = Files.list(dir)) {
            fds.forEach(fd -> readLink(fd).filter(l -> l.startsWith("net:[")).ifPresent(out::add));
        } catch (IOException e) {
            // the process is gone, or not ours to read
        }
    }

    private static java.util.Optional<String> readLink(Path p) {
        try {
            return java.util.Optional.of(Files.readSymbolicLink(p).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(not installed)\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }

    static List<String> threadNamespacesOfThisProcess() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> readLink(t.resolve("ns/net")).ifPresent(out::add));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
