package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A kernel lab that runs out of file descriptors (each namespace holds a few) refuses the next namespace in
 * one line and goes on: no stack trace, and a namespace freed makes room again; a ping with no room left for
 * its journeys' captures still pings.
 */
class FileLimitIT {

    @Test
    void outOfDescriptorsIsOneLineAndTheLabGoesOn() throws Exception {
        KernelLabs.assumeKernel();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String cp = System.getProperty("java.class.path");
        // 400 descriptors: the JVM's own and its jars take about 60, so the lab meets the limit early
        Process child = new ProcessBuilder("bash", "-c", "ulimit -n 400 && exec \"$0\" -cp \"$1\" \"$2\" 1000",
                java, cp, NamespaceFiller.class.getName()).redirectErrorStream(true).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ends").isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(out).as(out).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).containsPattern("REFUSED \\d+ rc=1 netns-lab: the machine lets this process open no more "
                + "files \\(Too many open files\\), so this lab can hold no more namespaces; delete one, or raise "
                + "'ulimit -n' for netns-lab\\.\n");
        assertThat(out).contains("AFTER 0\n", "AGAIN 0\n", "LIST 1: lo: <LOOPBACK>", "DONE");
        assertThat(out).as("a ping with no room for its captures still pings")
                .contains("PING 0 PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.\n64 bytes from 127.0.0.1: icmp_seq=1")
                .contains("1 packets transmitted, 1 received, 0% packet loss");
        assertThat(child.exitValue()).isZero();
    }
}
