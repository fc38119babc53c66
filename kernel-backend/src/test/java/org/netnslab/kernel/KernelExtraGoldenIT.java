package org.netnslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.netnslab.core.command.Terminal;
import org.netnslab.core.command.Transcript;
import org.netnslab.core.testkit.Normalizer;

/**
 * Golden transcripts of behaviours the kernel backend met that the shared ones do not cover yet (an ICMP
 * error from a router, a refused veth pair, prefixes that are not whole bytes, a deleted namespace's veth
 * peers), recorded the same way: {@code shared/tools/real-transcript SCRIPT | shared/tools/normalize}.
 */
@Execution(ExecutionMode.CONCURRENT)
class KernelExtraGoldenIT {

    private static final String DIR = "kernel-golden";

    @TestFactory
    Stream<DynamicTest> recordedOnTheRealKernel() throws IOException, URISyntaxException {
        KernelLabs.assumeKernel();
        URL url = getClass().getClassLoader().getResource(DIR);
        assertThat(url).as(DIR + " on the class path").isNotNull();
        List<Path> transcripts;
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            transcripts = files.filter(p -> p.toString().endsWith(".transcript")).sorted().toList();
        }
        return transcripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            KernelBackend lab = KernelLabs.freshLab();
            try {
                Terminal t = new Terminal(lab);
                for (String[] entry : entries(Files.readString(p, StandardCharsets.UTF_8))) {
                    String actual = Normalizer.normalize(Transcript.entry(entry[0], t.run(entry[0])));
                    assertThat(actual).as("%s, command: %s", p.getFileName(), entry[0]).isEqualTo(entry[1]);
                }
                assertThat(lab.settleTimeouts()).as("changes that did not settle in time").isZero();
            } finally {
                lab.close();
            }
        }));
    }

    /** Each command of a transcript with its normalized entry, from its {@code $ } line to its {@code [rc=N]}. */
    private static List<String[]> entries(String transcript) {
        List<String[]> out = new ArrayList<>();
        String command = null;
        StringBuilder body = new StringBuilder();
        for (String line : transcript.split("\n", -1)) {
            if (command == null) {
                if (line.startsWith("$ ")) {
                    command = line.substring(2);
                    body.setLength(0);
                    body.append(line).append('\n');
                }
                continue;
            }
            body.append(line).append('\n');
            if (line.matches("\\[rc=\\d+]")) {
                out.add(new String[] {command, Normalizer.normalize(body.toString())});
                command = null;
            }
        }
        return out;
    }
}
