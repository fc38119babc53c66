package org.netnslab.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app as a learner meets it: {@code java -jar netns-lab.jar web} in a JVM of its own, on 127.0.0.1 and
 * a free port, with the JVM's defaults. Its heap is read with {@code jcmd}, after a full collection.
 */
final class WebServer implements AutoCloseable {

    private static final long START_TIMEOUT_NANOS = 60_000_000_000L;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final double startupMillis;

    private WebServer(Process process, int port, double startupMillis) {
        this.process = process;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    /** Starts the jar on a free port and waits for its first page. */
    static WebServer start(Path jar) throws IOException {
        int port = freePort();
        return start(jar, List.of("web", "--host", "127.0.0.1", "--port", Integer.toString(port)), port);
    }

    /**
     * Starts the jar as {@code java -jar JAR ARGS...}, serving on {@code port}, and waits for its first page; the
     * time from the launch to that page is kept.
     */
    static WebServer start(Path jar, List<String> args, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("the web app exited with status " + p.exitValue() + " before its first page");
            }
            if (System.nanoTime() - t0 > START_TIMEOUT_NANOS) {
                p.destroyForcibly();
                throw new IOException("the web app served no page in 60 s");
            }
            try (Http h = new Http(port)) {
                if (h.get("/").status() == 200) {
                    return new WebServer(p, port, (System.nanoTime() - t0) / 1e6);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            pause(5);
        }
    }

    /** How long {@code java -version} takes here: what the JVM alone costs before any of netns-lab runs. */
    static double jvmAloneMillis() throws IOException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    int port() {
        return port;
    }

    double startupMillis() {
        return startupMillis;
    }

    /** The heap in use after a full collection, in kilobytes; empty where {@code jcmd} cannot tell. */
    Optional<Long> heapUsedKb() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        String pid = Long.toString(process.pid());
        Processes.output(List.of(jcmd.toString(), pid, "GC.run"), 60);
        Matcher m = USED.matcher(Processes.output(List.of(jcmd.toString(), pid, "GC.heap_info"), 60));
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Whether nothing listens on this port of 127.0.0.1. */
    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
