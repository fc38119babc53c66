package org.netnslab.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.core.lesson.Step;

class LessonsTests {

    @Test
    void theLessonsInOrder() {
        assertThat(Lessons.all()).extracting(Lesson::id).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(Lessons.all()).extracting(Lesson::title).containsExactly(
                "A namespace and the host",
                "Two namespaces, one cable",
                "Routing through the host",
                "A bridge for three",
                "NAT to the internet",
                "Publish a port",
                "A firewall between containers",
                "Watch the packets",
                "Two nodes");
    }

    @Test
    void everyLessonSaysWhereItComesFromAndEveryStepHasCommands() {
        for (Lesson lesson : Lessons.all()) {
            assertThat(lesson.summary()).as(lesson.title()).isNotBlank();
            assertThat(lesson.tutorial()).as(lesson.title()).hasValueSatisfying(t -> assertThat(t)
                    .containsAnyOf("blog post", "article", "documentation").doesNotContainIgnoringCase("seed").doesNotContain("shared/", ".txt"));
            assertThat(lesson.steps()).as(lesson.title()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.commands()).as(s.title()).isNotEmpty());
        }
    }

    @Test
    void theLessonsCoverTheTutorialsPoints() {
        assertThat(commands(3)).contains("sysctl -w net.ipv4.ip_forward=1");
        assertThat(expectations(3)).contains("ns0 reaches 10.1.20.2 with ttl 63");
        assertThat(commands(4)).contains("ip link add name virtual-bridge type bridge");
        assertThat(commands(5)).contains("iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE",
                "ip netns exec three ip route add default via 10.0.0.1");
        assertThat(expectations(5)).contains("three reaches 198.51.100.8 with ttl 63");
        assertThat(Lessons.find("5").orElseThrow().steps().stream().flatMap(s -> s.commands().stream()))
                .noneMatch(c -> c.contains("8.8.8.8"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4", "04", "a-bridge-for-three", "04-a-bridge-for-three", "04-a-bridge-for-three.md"})
    void aLessonHasSeveralNames(String name) {
        assertThat(Lessons.find(name)).map(Lesson::title).contains("A bridge for three");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "10", "bridge", "", "1 "})
    void otherNamesAreNoLesson(String name) {
        assertThat(Lessons.find(name)).isEmpty();
    }

    @Test
    void openTakesANameOrAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.md");
        Files.writeString(file, "# Mine\n\nA lesson.\n\n## One\n\n```sh\nip netns add a\n```\n");

        assertThat(Lessons.open("2").title()).isEqualTo("Two namespaces, one cable");
        assertThat(Lessons.open(file.toString()).title()).isEqualTo("Mine");
        assertThatThrownBy(() -> Lessons.open(dir.resolve("nothing.md").toString()))
                .isInstanceOf(Lessons.NoSuchLessonException.class)
                .hasMessageContaining("no lesson \"")
                .hasMessageContaining("see 'netns-lab lessons'");
    }

    @Test
    void everyShippedFileIsListed() throws IOException {
        for (String file : Lessons.FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("lessons/" + file)) {
                assertThat(in).as(file).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("# ");
            }
        }
        Path dir = Path.of("src/main/resources/lessons");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(Lessons.FILES.stream().sorted().toList());
        }
    }

    private static List<String> commands(int lesson) {
        return Lessons.find(String.valueOf(lesson)).orElseThrow().steps().stream()
                .flatMap(s -> s.commands().stream()).toList();
    }

    private static List<String> expectations(int lesson) {
        return Lessons.find(String.valueOf(lesson)).orElseThrow().steps().stream().map(Step::expectations)
                .flatMap(List::stream).map(e -> e.text()).toList();
    }
}
