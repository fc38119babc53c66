package org.netnslab.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.netnslab.core.shell.Terminal;
import org.netnslab.core.shell.Transcript;

/**
 * The golden transcripts under {@code golden/}: recorded on the real kernel with
 * {@code shared/tools/real-transcript} (see {@code tools/record-golden}), normalized, committed. Every backend
 * is held to them: {@link #check(Supplier)} runs each scenario on a fresh lab and compares command by command.
 */
public final class GoldenScenarios {

    private static final String DIR = "golden";

    /** One recorded command: the line as typed and its normalized transcript entry. */
    public record Entry(String command, String expected) {}

    public record Scenario(String name, List<Entry> entries) {}

    private GoldenScenarios() {}

    /** Every scenario, sorted by name. */
    public static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        for (String name : transcriptNames()) {
            out.add(new Scenario(name.replace(".transcript", ""), parse(read(DIR + "/" + name))));
        }
        return out;
    }

    /** Splits a transcript into its entries, each from a {@code $ } line to its {@code [rc=N]} line. */
    static List<Entry> parse(String transcript) {
        List<Entry> entries = new ArrayList<>();
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
                entries.add(new Entry(command, Normalizer.normalize(body.toString())));
                command = null;
            }
        }
        return entries;
    }

    /**
     * One test per scenario: a fresh terminal from the supplier (a lab with the world built), every command
     * run in order, each entry compared after normalization. A failure names the first command that differs.
     */
    public static Stream<DynamicTest> check(Supplier<Terminal> freshLab) {
        return all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Terminal terminal = freshLab.get();
            try {
                for (Entry e : s.entries()) {
                    String actual = Normalizer.normalize(Transcript.entry(e.command(), terminal.run(e.command())));
                    assertThat(actual)
                            .as("scenario %s, command: %s", s.name(), abbreviate(e.command()))
                            .isEqualTo(e.expected());
                }
            } finally {
                terminal.backend().close();
            }
        }));
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    static String read(String resource) {
        try (InputStream in = GoldenScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the transcripts, from a directory on the class path or from inside a jar. */
    private static List<String> transcriptNames() {
        URL url = GoldenScenarios.class.getClassLoader().getResource(DIR + "/index.marker");
        if (url == null) {
            throw new IllegalStateException("golden/index.marker is not on the class path");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                // read the jar's index, not a zip file system: tests in parallel may list at the same time
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    return file.stream()
                            .map(JarEntry::getName)
                            .filter(n -> n.startsWith(DIR + "/") && n.endsWith(".transcript"))
                            .map(n -> n.substring(DIR.length() + 1))
                            .sorted()
                            .toList();
                }
            }
            return list(Path.of(url.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".transcript"))
                    .sorted()
                    .toList();
        }
    }
}
