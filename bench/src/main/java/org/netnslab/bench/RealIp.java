package org.netnslab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real tools, for the side-by-side figures: iproute2's {@code ip -batch} in a private sandbox of its own
 * ({@code unshare -n -m --propagation private}, a fresh network namespace and a private {@code /run/netns}),
 * never in the machine's own namespace. The time is taken inside the sandbox, around the {@code ip} runs only.
 */
final class RealIp {

    private static final long TIMEOUT_SECONDS = 600;

    private RealIp() {}

    /** Why the real tools cannot run here, in one line; empty when they can. */
    static Optional<String> unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("not Linux");
        }
        if (!"0".equals(Processes.output(List.of("id", "-u"), 10).strip())) {
            return Optional.of("not root (the sandbox is a network namespace of its own)");
        }
        for (String tool : List.of("ip", "unshare")) {
            if (Processes.output(List.of("sh", "-c", "command -v " + tool), 10).isBlank()) {
                return Optional.of(tool + " is missing");
            }
        }
        return Optional.empty();
    }

    /**
     * The bridge lab: one {@code ip -batch} for the host's lines, then one {@code ip -n nI -batch} for each
     * namespace's own ({@code ip -batch} takes no {@code -n} on a line; this is the fastest the real tools do
     * it without a shell forking {@code ip netns exec} for every line).
     *
     * @return the milliseconds the {@code ip} runs took
     */
    static double bridgeLab(int n) throws IOException {
        Path dir = Files.createTempDirectory("netns-lab-bench");
        try {
            List<String> host = new ArrayList<>(BridgeLab.bridge());
            for (int i = 0; i < n; i++) {
                host.addAll(BridgeLab.hostSide(i));
                Files.write(dir.resolve("n" + i + ".batch"), BridgeLab.insideSide(i), StandardCharsets.UTF_8);
            }
            Files.write(dir.resolve("host.batch"), host, StandardCharsets.UTF_8);
            String script = "ip -batch host.batch || exit 3\n"
                    + "for ((i = 0; i < " + n + "; i++)); do ip -n n$i -batch n$i.batch || exit 3; done\n";
            double ms = sandboxed(dir, script);
            return ms;
        } finally {
            delete(dir);
        }
    }

    /** The veth pairs of the kernel figure, in one {@code ip -batch}. */
    static double vethPairs(int pairs) throws IOException {
        Path dir = Files.createTempDirectory("netns-lab-bench");
        try {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                lines.addAll(BridgeLab.vethPair(i));
            }
            Files.write(dir.resolve("pairs.batch"), lines, StandardCharsets.UTF_8);
            return sandboxed(dir, "ip -batch pairs.batch || exit 3\n");
        } finally {
            delete(dir);
        }
    }

    /** Runs the timed part of a script in a fresh sandbox, its lo up and DAD off as in a lab; its milliseconds. */
    private static double sandboxed(Path dir, String timed) throws IOException {
        String script = "set -u\ncd '" + dir + "' || exit 2\n"
                // a tmpfs over /run first, so that even the mkdir of /run/netns stays in the private mount namespace
                + "mount -t tmpfs tmpfs /run && mkdir -p /run/netns || exit 2\n"
                + "sysctl -qw net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_dad=0\n"
                + "ip link set lo up\n"
                + "start=$(date +%s%N)\n"
                + timed
                + "end=$(date +%s%N)\n"
                + "echo $((end - start))\n";
        Files.writeString(dir.resolve("run.sh"), script);
        Process p = new ProcessBuilder("unshare", "-n", "-m", "--propagation", "private", "bash",
                dir.resolve("run.sh").toString()).redirectErrorStream(true).start();
        String out;
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the sandbox did not finish in " + TIMEOUT_SECONDS + " s");
            }
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted");
        }
        String[] lines = out.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        if (p.exitValue() != 0 || !last.matches("[0-9]+")) {
            throw new IOException("the real ip failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return Long.parseLong(last) / 1e6;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
