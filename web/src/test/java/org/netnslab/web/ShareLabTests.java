package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A lab to share: its link opens a copy of the same lab for whoever opens it, and never changes the sharer's. */
class ShareLabTests {

    private static Javalin app() {
        return new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("sim"), "sim")
                .create();
    }

    private static String shareLink(String html) {
        Matcher m = Pattern.compile("<a class=\"share-link\" href=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("a Share this lab link in:\n" + html).isTrue();
        return m.group(1);
    }

    @Test
    void theLinkOpensTheSameLabAndOpeningItNeverChangesTheSharers() {
        JavalinTest.test(app(), (server, client) -> {
            Browser learner = new Browser(server.port());
            learner.get("/lab");
            learner.htmx("/lab/console", Browser.command("ip netns add blue"));
            String shared = learner.htmx("/lab/console", Browser.command("ip link add v0 type veth peer name v1")).body();
            assertThat(shared).contains("Share this lab", "Copy the link");
            String link = shareLink(shared);
            assertThat(link).startsWith("/lab?log=").isEqualTo("/lab?log=" + Browser.log(shared));

            Browser teacher = new Browser(server.port());
            Browser.Page opened = teacher.get(link);
            assertThat(opened.status()).isEqualTo(303);
            assertThat(opened.location()).isEqualTo("/lab");
            String seen = teacher.get("/lab").body();
            assertThat(Browser.log(seen)).isEqualTo(Browser.log(shared));
            assertThat(seen).contains("ip netns add blue", "v1@v0");

            // the teacher tries something on the copy: the learner's lab stays as it was
            teacher.htmx("/lab/console", Browser.command("ip link del v0"));
            teacher.htmx("/lab/console", Browser.command("ip netns add green"));
            assertThat(teacher.get("/lab").body()).contains("green");
            String learners = learner.get("/lab").body();
            assertThat(Browser.log(learners)).isEqualTo(Browser.log(shared));
            assertThat(learners).contains("v1@v0").doesNotContain("ip netns add green");
        });
    }

    @Test
    void aLessonsLinkOpensTheSameStep() {
        JavalinTest.test(app(), (server, client) -> {
            Browser learner = new Browser(server.port());
            learner.get("/lessons/3");
            learner.htmx("/lessons/3/next");
            learner.htmx("/lessons/3/next");
            String shared = learner.htmx("/lessons/3/console", Browser.command("ip netns exec ns0 ip link")).body();
            String link = shareLink(shared);
            assertThat(link).startsWith("/lessons/3?log=");

            Browser other = new Browser(server.port());
            other.get("/lessons/3");
            other.htmx("/lessons/3/next");
            assertThat(other.get(link).location()).isEqualTo("/lessons/3");
            String seen = other.get("/lessons/3").body();
            assertThat(seen).contains("Step 2 of 9", "ip netns exec ns0 ip link", "veth12@if");
            assertThat(Browser.log(seen)).isEqualTo(Browser.log(shared));
        });
    }

    @Test
    void aLinkWhoseLogIsNoLabsIsRefusedAndChangesNothing() {
        JavalinTest.test(app(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lab");
            String before = Browser.log(b.htmx("/lab/console", Browser.command("ip netns add blue")).body());
            for (String bad : List.of("!!!", "x".repeat(LabLog.MAX_ENCODED + 1))) {
                Browser.Page refused = b.get("/lab?log=" + bad);
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.body()).contains("This link&#39;s lab cannot be opened");
            }
            assertThat(Browser.log(b.get("/lab").body())).isEqualTo(before);
        });
    }

    @Test
    void anExercisesLinkOpensTheSameProgress() {
        JavalinTest.test(app(), (server, client) -> {
            Browser learner = new Browser(server.port());
            learner.get("/lessons/1/exercise");
            learner.htmx("/lessons/1/exercise/console", Browser.command("ip netns add blue"));
            String shared = learner.htmx("/lessons/1/exercise/check").body();
            String link = shareLink(shared);
            assertThat(link).startsWith("/lessons/1/exercise?log=");
            Browser teacher = new Browser(server.port());
            assertThat(teacher.get(link).location()).isEqualTo("/lessons/1/exercise");
            assertThat(Browser.log(teacher.get("/lessons/1/exercise").body())).isEqualTo(Browser.log(shared));
        });
    }
}
