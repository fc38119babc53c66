package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netnslab.core.backend.Backend;

/**
 * {@code netns-lab shell} on JLine's own terminal over pipes, typed as a learner types: keys, escape sequences
 * for the arrows, Tab, Ctrl-C and Ctrl-D.
 */
class InteractiveShellTests {

    /** ArrowUp as xterm sends it once the shell asked for application cursor keys (ESC [ ? 1 h). */
    private static final String UP = "\u001bOA";
    private static final String CTRL_C = "\u0003";
    private static final String CTRL_D = "\u0004";

    @TempDir
    Path home;

    private PipedOutputStream keys;
    private ByteArrayOutputStream screen;
    private Terminal tty;
    private Backend lab;
    private ExecutorService shellThread;
    private Future<Integer> exit;

    @BeforeEach
    void start() throws Exception {
        keys = new PipedOutputStream();
        InputStream in = new PipedInputStream(keys, 1 << 16);
        screen = new ByteArrayOutputStream();
        OutputStream out = screen;
        tty = new ExternalTerminal("test", "xterm", in, out, StandardCharsets.UTF_8);
        tty.setSize(new Size(200, 40));
        lab = Backends.openUnchecked("sim");
        InteractiveShell shell = new InteractiveShell(tty, new org.netnslab.core.shell.Terminal(lab),
                home.resolve(".netns-lab_history"), false);
        shellThread = Executors.newSingleThreadExecutor();
        exit = shellThread.submit(shell::run);
    }

    @AfterEach
    void stop() throws Exception {
        shellThread.shutdownNow();
        tty.close();
        lab.close();
    }

    /** How many prompts have been asked for: each readLine turns bracketed paste on, once. */
    private int prompts;

    /** Types at the next prompt, once the shell reads again, as a learner waits for it. */
    private void type(String text) throws Exception {
        prompts++;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (screen.toString(StandardCharsets.UTF_8).split("\u001b\\[\\?2004h", -1).length - 1 < prompts
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Types Ctrl-D at the host's prompt, waits for the shell to end, and gives what the screen showed. */
    private String leave() throws Exception {
        type(CTRL_D);
        int status = exit.get(30, TimeUnit.SECONDS);
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(status).as(shown).isZero();
        return shown;
    }

    @Test
    void arrowUpRecallsTheLastLineAndTheHistoryIsKeptInTheFile() throws Exception {
        type("ip netns add blue\r");
        type(UP + "\r");
        type(" ip netns list\r");
        String shown = leave();
        assertThat(shown).contains("Cannot create namespace file \"/run/netns/blue\": File exists");
        List<String> kept = Files.readAllLines(home.resolve(".netns-lab_history")).stream()
                .map(l -> l.replaceFirst("^\\d+:", "")).toList();
        assertThat(kept).containsExactly("ip netns add blue");
    }

    @Test
    void tabCompletesANamespaceName() throws Exception {
        type("ip netns add blue\r");
        type("ip netns exec bl\tip -br link\r");
        String shown = leave();
        assertThat(shown).contains("ip netns exec blue ip -br link").contains("lo               DOWN");
        assertThat(lab.snapshot().namespaces()).containsExactly("blue");
    }

    @Test
    void ctrlCStopsTheListeningNcAndAtThePromptDropsTheLine() throws Exception {
        type("nc -l -p 8080\r");
        type("ip netns add half" + CTRL_C);
        type("nc 127.0.0.1 8080\r");
        String shown = leave();
        assertThat(shown).contains("the nc that listened stopped, as at Ctrl-C: port 8080 on the host");
        assertThat(lab.snapshot().namespaces()).isEmpty();
    }

    @Test
    void ctrlDLeavesTheNamespacesShellFirstThenNetnsLab() throws Exception {
        type("ip netns add blue\r");
        type("ip netns exec blue bash\r");
        type(CTRL_D);
        type("ip -br link\r");
        String shown = leave();
        assertThat(shown).contains("root@host:~# (netns blue) ").contains("eth0");
        assertThat(shown.split("exit", -1)).hasSize(3);
    }
}
