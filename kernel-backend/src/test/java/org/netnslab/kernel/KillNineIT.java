package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A lab process killed with {@code kill -9} in the middle of a lab leaves nothing behind: no process, mount
 * or descriptor holds any of its namespaces, and the machine's own namespace is as it was.
 */
@Isolated("it reads which namespaces this JVM holds and what its threads are in")
class KillNineIT {

    @Test
    void killedMidLabLeavesNothingBehind() throws Exception {
        KernelLabs.assumeKernel();
        String before = Machine.networkState();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LabHolder.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the lab process's output:\n" + seen).startsWith("READY");
            Thread.sleep(1500); // into the loop: namespaces being made, a ping on the way
            Set<String> held = Machine.namespacesHeldBy(child.pid());
            Set<String> machine = Machine.namespacesHeldBy(ProcessHandle.current().pid());
            held.removeAll(machine);
            assertThat(held).as("the lab's namespaces, held by the lab process").hasSizeGreaterThanOrEqualTo(3);

            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Set<String> left = new HashSet<>(held);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                left.retainAll(Machine.namespacesHeldAnywhere());
                if (left.isEmpty()) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(left).as("namespaces of the killed lab still held by someone").isEmpty();
            assertThat(Machine.networkState()).as("the machine after the kill").isEqualTo(before);
        } finally {
            child.destroyForcibly();
        }
    }
}
