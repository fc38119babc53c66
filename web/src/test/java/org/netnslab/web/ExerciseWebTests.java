package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;

/** A lesson done yourself in the web app ("Do it yourself"), on the simulator, with sessions of their own. */
class ExerciseWebTests {

    private static final String PATH = "/lessons/1/exercise";
    private static final Lesson ONE = Lessons.find("1").orElseThrow();

    private static Javalin app() {
        return new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("sim"), "sim")
                .create();
    }

    /** The open step's part of the page, where its commands must not show. */
    private static String step(String page) {
        int start = page.indexOf("<article class=\"step\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</article>", start));
    }

    @Test
    void theLessonPageOffersBothWays() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            String watch = b.get("/lessons/1").body();
            assertThat(watch).contains("href=\"/lessons/1\" aria-current=\"page\">Watch</a>",
                    "href=\"/lessons/1/exercise\">Do it yourself</a>", "Next step");

            Browser.Page exercise = b.get(PATH);
            assertThat(exercise.status()).isEqualTo(200);
            assertThat(exercise.body()).contains("href=\"/lessons/1/exercise\" aria-current=\"page\">Do it yourself</a>",
                    "Step 1 of 8 · 0 of 8 done", ">Check</button>", ">Hint</button>", ">Show me</button>")
                    .doesNotContain("Next step");
            assertThat(step(exercise.body())).contains("1. Make a namespace", "Goal",
                    "<code>blue</code> has a link <code>lo</code>, down")
                    .doesNotContain("ip netns add");
        });
    }

    @Test
    void aCheckSaysWhyAndTheNextStepOpensOnceTheStepHolds() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get(PATH);

            String early = b.htmx(PATH + "/check").body();
            assertThat(early).startsWith("<div id=\"lab\"").contains("Step 1 of 8",
                    "There is no namespace <code>blue</code> yet", "Not yet");

            b.htmx(PATH + "/console", Browser.command("ip netns add blue"));
            String done = b.htmx(PATH + "/check").body();
            assertThat(done).contains("Step 2 of 8 · 1 of 8 done", "Step 1 done", "every goal holds",
                    "2. A veth pair: a cable with two ends", "(done alone)");
        });
    }

    @Test
    void hintsComeOneAtATimeUntilTheCommands() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get(PATH);

            String first = b.htmx(PATH + "/hint").body();
            assertThat(step(first)).contains("Hint 1 of 3", "1 of 3 hints").doesNotContain("Hint 2 of 3",
                    "ip netns add blue");
            String second = b.htmx(PATH + "/hint").body();
            assertThat(step(second)).contains("Hint 2 of 3", "ip netns add ___").doesNotContain("ip netns add blue");
            String third = b.htmx(PATH + "/hint").body();
            assertThat(step(third)).contains("Hint 3 of 3", "ip netns add blue", "disabled>Hint</button>");
            assertThat(step(b.htmx(PATH + "/hint").body())).doesNotContain("Hint 4");

            b.htmx(PATH + "/console", Browser.command("ip netns add blue"));
            assertThat(b.htmx(PATH + "/check").body()).contains("(done with hints)");
        });
    }

    @Test
    void showMeRunsTheStepsCommandsOnTheLabAsTheStepBegan() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get(PATH);
            b.htmx(PATH + "/console", Browser.command("ip netns add green"));

            String shown = b.htmx(PATH + "/show").body();

            assertThat(shown).contains("Step 1 shown", "the lab went back to where the step began",
                    "ip netns add blue", "Step 2 of 8 · 1 of 8 done", "(shown)");
            assertThat(shown).doesNotContain("data-namespace=\"green\"");
            assertThat(b.get("/").body()).contains("1 of 8 done");
        });
    }

    @Test
    void theWholeLessonDoneAloneEndsWithEveryStepBehind() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get(PATH);
            String page = "";
            for (int n = 1; n <= ONE.steps().size(); n++) {
                for (String command : ONE.step(n).commands()) {
                    b.htmx(PATH + "/console", Browser.command(command));
                }
                page = b.htmx(PATH + "/check").body();
                assertThat(page).as("step %d", n).contains(n + " of 8 done");
            }
            assertThat(page).contains("Every step behind you", "8 alone, 0 with hints, 0 shown");
            assertThat(b.get("/").body()).contains("data-progress-of=\"/lessons/1/exercise\">8 of 8 done</span>");
        });
    }

    @Test
    void progressComesBackFromTheLogItsPageCarries() {
        JavalinTest.test(app(), (server, client) -> {
            Browser before = new Browser(server.port());
            before.get(PATH);
            before.htmx(PATH + "/console", Browser.command("ip netns add blue"));
            before.htmx(PATH + "/check");
            before.htmx(PATH + "/hint");
            String log = Browser.log(before.htmx(PATH + "/console", Browser.command("ip link add veth0 type veth"
                    + " peer name veth1")).body());

            // a new session, as after a server restart, that sends the log back
            Browser after = new Browser(server.port());
            String restored = after.htmx(PATH + "/restore", Map.of("log", log)).body();

            assertThat(restored).contains("Step 2 of 8 · 1 of 8 done", "Hint 1 of 3", "veth0");
            assertThat(restored).contains("data-progress=\"1 of 8 done\"");
            assertThat(after.get("/").body()).contains("1 of 8 done");
        });
    }

    @Test
    void plainFormsRedirectBackToTheExercise() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get(PATH);
            for (String action : List.of("/check", "/hint", "/show", "/console", "/reset")) {
                Browser.Page posted = b.post(PATH + action, Browser.command("ip netns list"));
                assertThat(posted.status()).as(action).isEqualTo(303);
                assertThat(posted.location()).as(action).isEqualTo(PATH);
            }
            assertThat(b.get(PATH).body()).contains("Step 1 of 8");
        });
    }

    @Test
    void badInputDuringAnExerciseLeavesTheLabAsItWasAndCheckStillAnswers() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get(PATH);
            b.htmx(PATH + "/console", Browser.command("ip netns add blue"));
            for (String bad : List.of("ip link set nosuch up", "ip lnik", "ns1> hello", "ns9$ ip link",
                    "ip netns add blue", "\u0000", "'", "ip netns exec blue bash -c 'x'")) {
                Browser.Page page = b.htmx(PATH + "/console", Browser.command(bad));
                assertThat(page.status()).as(bad).isEqualTo(200);
            }
            Browser.Page check = b.htmx(PATH + "/check");
            assertThat(check.status()).isEqualTo(200);
            assertThat(check.body()).contains("Step 2 of 8 · 1 of 8 done");
            assertThat(b.htmx("/lessons/99/exercise/check").status()).isEqualTo(404);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"# done 5\n", "# hint 1\n# hint 1\n# hint 1\n# hint 1\n",
        "# step 1\n# done 1\n", "# shown 1\n# shown 1\n# skip 2\n# done 3\n", "$ ip netns add blue\n# done 1\n# done 1\n",
        "# skip 1\n# skip 2\n# skip 3\n# skip 4\n# skip 5\n# skip 6\n# skip 7\n# skip 8\n# skip 9\n"})
    void aLogFromNowhereRestoresWhatFitsAndNeverAnError(String text) {
        JavalinTest.test(app(), (server, client) -> {
            String log = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(text.getBytes(StandardCharsets.UTF_8));
            Browser b = new Browser(server.port());
            Browser.Page restored = b.htmx(PATH + "/restore", Map.of("log", log));
            assertThat(restored.status()).isEqualTo(200);
            assertThat(restored.body()).contains("of 8 done");
            assertThat(b.htmx(PATH + "/check").status()).isEqualTo(200);
            assertThat(b.htmx(PATH + "/show").status()).isEqualTo(200);
        });
    }

    @Test
    void watchingAndDoingItYourselfAreTwoLabs() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.htmx("/lessons/1/next");
            assertThat(b.get(PATH).body()).contains("Step 1 of 8 · 0 of 8 done")
                    .doesNotContain("data-namespace=\"blue\"");
            assertThat(b.get("/lessons/1").body()).contains("Step 1 of 8", "data-namespace=\"blue\"");
        });
    }
}
