package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netnslab.core.lesson.Lesson;

/**
 * What one learner's lab may cost the server: as many entries in its log, and as many echo requests, as a
 * replay of it may take; each limit says so in one netns-lab line, and the lab and the server go on. And what
 * learners at the same point share.
 */
class LabLimitsTests {

    private static Javalin app() {
        return new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("sim"), "sim")
                .create();
    }

    private static String encode(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandAfterTheLastALogKeepsIsRefusedInOneLine() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            List<String> full = new ArrayList<>();
            for (int i = 0; i < LabLog.MAX_ENTRIES; i++) {
                full.add("$ ip netns add n" + i);
            }
            assertThat(b.htmx("/lab/restore", Map.of("log", encode(full))).body()).contains("n399");
            String refused = b.htmx("/lab/console", Browser.command("ip netns add one-too-many")).body();
            assertThat(refused).contains("netns-lab: this lab keeps 400 commands and steps, and has as many: this "
                    + "command was not run. Reset gives a fresh lab.").doesNotContain("one-too-many (id");
            assertThat(b.htmx("/lab/console", Browser.command("ip netns add still-not")).body())
                    .contains("this command was not run");
            assertThat(b.htmx("/lab/reset").body()).doesNotContain("this command was not run", "n399");
            assertThat(b.htmx("/lab/console", Browser.command("ip netns add blue")).body()).contains("blue")
                    .doesNotContain("netns-lab: this lab keeps");
        });
    }

    @Test
    void aForgedLogOfPingsIsReplayedOnlyAsFarAsItsBudgetAndTheServerGoesOn() {
        JavalinTest.test(app(), (server, client) -> {
            List<String> forged = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                forged.add("$ ping -c 1000 203.0.113.1");
            }
            Browser b = new Browser(server.port());
            long t0 = System.nanoTime();
            String page = b.htmx("/lab/restore", Map.of("log", encode(forged))).body();
            System.out.printf("a forged log of 40 pings of 1,000 probes, replayed as far as its budget: %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
            int kept = LabSession.MAX_PROBES / 1000;
            assertThat(page).contains("netns-lab: the log this page carried back was replayed as far as entry " + kept
                    + " of 40: replaying more would send over 5,000 echo requests, more than a lab may.");
            assertThat(Browser.log(page)).isEqualTo(encode(forged.subList(0, kept)));
            assertThat(b.htmx("/lab/console", Browser.command("ping -c1 203.0.113.1")).body())
                    .contains("netns-lab: this lab has sent 5,000 echo requests, as many as a lab may: this command "
                            + "was not run.");
            Browser other = new Browser(server.port());
            assertThat(other.htmx("/lessons/1/next").body()).contains("Step 1 of");
        });
    }

    @Test
    void learnersAtTheSamePointOfALessonAreShownWhatWasComputedOnce() {
        Lesson lesson = ShippedCatalog.load().lesson("4").orElseThrow();
        LabPoints points = new LabPoints(100);
        try (LabSession first = new LabSession(() -> Backends.openUnchecked("sim"), Optional.of(lesson), false,
                Optional.of(points));
                LabSession second = new LabSession(() -> Backends.openUnchecked("sim"), Optional.of(lesson), false,
                        Optional.of(points))) {
            first.next();
            first.next();
            second.next();
            second.next();
            assertThat(second.point()).isSameAs(first.point());
            assertThat(second.previousState()).isSameAs(first.previousState());
            // one going back and on again meets the points the other made
            second.previous();
            second.next();
            assertThat(second.point()).isSameAs(first.point());
            // a command typed makes a point of its own, which the other then reaches too
            second.type("ip netns add mine");
            first.type("ip netns add mine");
            assertThat(first.point()).isSameAs(second.point());
            assertThat(first.state().namespaces()).contains("mine");
        }
    }
}
