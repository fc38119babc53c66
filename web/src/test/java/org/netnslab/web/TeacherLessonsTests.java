package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A teacher's folder of lessons, served beside the shipped ones or instead, and on the command line. */
class TeacherLessonsTests {

    private static final String MINE = """
            # Mine

            A lesson of my own.

            ## A namespace

            Make one.

            ```sh
            ip netns add blue
            ```

            ```expect
            blue has link lo state DOWN
            ```

            ## Another

            ```sh
            ip netns add green
            ip netns list
            ```

            ```expect
            output contains "green"
            ```
            """;

    /** Line 12 is an expectation the lab cannot read. */
    private static final String BROKEN = """
            # Broken

            Not yet.

            ## A step

            ```sh
            ip netns add red
            ```

            ```expect
            red is red
            ```
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        FileTime before = Files.exists(f) ? Files.getLastModifiedTime(f) : null;
        Files.writeString(f, text, StandardCharsets.UTF_8);
        if (before != null) {
            // an edit within the file system's tick is still an edit
            Files.setLastModifiedTime(f, FileTime.fromMillis(before.toMillis() + 2_000));
        }
        return f;
    }

    private WebApp app(boolean withShipped) {
        return new WebApp(new FolderCatalog(ShippedCatalog.load(), new LessonFolder(dir), withShipped),
                new LabStore(100), () -> Backends.openUnchecked("sim"), "sim");
    }

    @Test
    void theFoldersLessonsAreServedBesideTheShippedOnes() throws Exception {
        write("mine.md", MINE);
        write("notes.txt", "not a lesson");
        JavalinTest.test(app(true).create(), (server, client) -> {
            Browser b = new Browser(server.port());
            String index = b.get("/").body();
            assertThat(index).contains("A namespace and the host", "NAT to the internet", "href=\"/lessons/mine\"",
                    "Mine").doesNotContain("notes");
            assertThat(b.get("/lessons/mine").body()).contains("Mine", "Step 0 of 2");
            assertThat(b.htmx("/lessons/mine/next").body()).contains("Step 1 of 2", "ip netns add blue");
            assertThat(b.htmx("/lessons/mine/next").body()).contains("Step 2 of 2", "green");
            assertThat(b.get("/lessons/mine/exercise").status()).isEqualTo(200);
            assertThat(b.get("/lessons/1").body()).contains("A namespace and the host");
        });
    }

    @Test
    void insteadServesTheFoldersLessonsAlone() throws Exception {
        write("mine.md", MINE);
        JavalinTest.test(app(false).create(), (server, client) -> {
            Browser b = new Browser(server.port());
            assertThat(b.get("/").body()).contains("href=\"/lessons/mine\"").doesNotContain("A namespace and the host");
            assertThat(b.get("/lessons/1").status()).isEqualTo(404);
        });
    }

    @Test
    void anEditedFileIsPickedUpOnTheNextPageLoad() throws Exception {
        write("mine.md", MINE);
        JavalinTest.test(app(true).create(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/lessons/mine");
            assertThat(b.htmx("/lessons/mine/next").body()).contains("ip netns add blue");

            write("mine.md", MINE.replace("# Mine", "# Mine, mended").replace("ip netns add blue", "ip netns add teal")
                    .replace("blue has link", "teal has link"));
            assertThat(b.get("/").body()).contains("Mine, mended");
            String page = b.get("/lessons/mine").body();
            assertThat(page).contains("Mine, mended", "Step 1 of 2", "ip netns add teal", "teal has link lo")
                    .doesNotContain("blue has link lo");
            assertThat(new Browser(server.port()).htmx("/lessons/mine/next").body()).contains("ip netns add teal");
        });
    }

    @Test
    void aLessonWithProblemsIsShownAsItsProblemsAtTheirLines() throws Exception {
        write("mine.md", MINE);
        write("broken.md", BROKEN);
        JavalinTest.test(app(true).create(), (server, client) -> {
            Browser b = new Browser(server.port());
            String index = b.get("/").body();
            assertThat(index).contains("Lessons with problems", "href=\"/lessons/broken\"", "1 problem");
            Browser.Page page = b.get("/lessons/broken");
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("The lesson broken has problems", "broken.md:12", "red is red");
            // the server goes on
            assertThat(b.get("/lessons/mine").status()).isEqualTo(200);

            write("broken.md", BROKEN.replace("red is red", "red has link lo"));
            assertThat(b.get("/lessons/broken").body()).contains("Broken", "Step 0 of 1");
            assertThat(b.get("/").body()).doesNotContain("Lessons with problems");
        });
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int main(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void lessonsAndRunTakeTheSameFolder() throws Exception {
        write("mine.md", MINE);
        write("broken.md", BROKEN);
        assertThat(main("lessons", "--lessons", dir.toString())).isZero();
        assertThat(out.toString()).contains("A namespace and the host").containsPattern("mine +Mine +2\n")
                .contains("broken: 1 problem: see 'netns-lab check " + dir.resolve("broken.md") + "'");

        out.getBuffer().setLength(0);
        CommandLine run = new CommandLine(new LessonCommands.RunCommand(new ByteArrayInputStream(new byte[0])));
        run.setOut(new PrintWriter(out));
        run.setErr(new PrintWriter(err));
        assertThat(run.execute("--lessons", dir.toString(), "--check", "mine")).isZero();
        assertThat(out.toString()).contains("# Mine", "## Step 2 of 2: Another", "End of the lesson: Mine.");

        assertThat(run.execute("--lessons", dir.toString(), "broken")).isEqualTo(2);
        assertThat(err.toString()).contains(dir.resolve("broken.md") + ":12: ");
    }

    @Test
    void webRefusesAFolderItCannotRead() {
        assertThat(main("web", "--lessons", dir.resolve("nowhere").toString(), "--port", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("netns-lab: --lessons " + dir.resolve("nowhere")
                + ": not a folder this user can read\n");
    }
}
