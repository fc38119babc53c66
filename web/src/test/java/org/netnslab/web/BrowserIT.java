package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netnslab.core.lesson.Hints;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * a learner steps through lesson 4, a bridge for three, and types in the console; another does lesson 1
 * themselves.
 */
class BrowserIT {


    private static Javalin server;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = new WebApp(ShippedCatalog.load(), new LabStore(50), () -> Backends.openUnchecked("sim"), "sim")
                .create().start("127.0.0.1", 0);
        profile = Files.createTempDirectory("netns-lab-chromium");
        browser = HeadlessChromium.start(profile, 1280, 2000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void steppingThroughTheBridgeLessonShowsTheBridgeAndTheNamespaces() {
        browser.get(url("/lessons/4"));
        assertThat(browser.findElement(By.cssSelector(".progress")).getText()).startsWith("Step 0 of");
        int total = Integer.parseInt(browser.findElement(By.cssSelector(".progress")).getText()
                .replaceAll(".* of ", ""));
        for (int i = 1; i <= total; i++) {
            String expected = "Step " + i + " of " + total;
            browser.findElement(By.xpath("//button[text()='Next step']")).click();
            waiting().until(ExpectedConditions.textToBe(By.cssSelector(".progress"), expected));
        }
        // the routing table of a namespace, the reachability matrix and the picture
        List<WebElement> panels = browser.findElements(By.cssSelector(".panel"));
        assertThat(panels).extracting(p -> p.getAttribute("data-namespace"))
                .contains("host", "one", "two", "three");
        WebElement one = browser.findElement(By.cssSelector(".panel[data-namespace='one'] .routes"));
        assertThat(one.getText()).contains("10.0.0.0/24 dev veth-one-in proto kernel scope link src 10.0.0.10");
        // the matrix of a point no one reached before is measured after the page, which loads it
        WebElement matrix = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.matrix")));
        assertThat(matrix.getText()).contains("one", "10.0.0.20", "ttl 64");
        WebElement picture = browser.findElement(By.cssSelector("svg.topology"));
        assertThat(picture.findElements(By.cssSelector("g.bridge[data-bridge='virtual-bridge']"))).hasSize(1);
        assertThat(picture.findElements(By.cssSelector("g.ns.netns"))).hasSize(3);
        assertThat(picture.findElements(By.cssSelector(".cable.up"))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aReloadAfterTheServerRestartedBringsTheLabBack() {
        browser.get(url("/lessons/1"));
        for (int i = 1; i <= 2; i++) {
            browser.findElement(By.xpath("//button[text()='Next step']")).click();
            String expected = "Step " + i + " of";
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".progress"), expected));
        }
        restartServer();
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".progress"), "Step 2 of"));
        assertThat(browser.findElement(By.cssSelector(".panel[data-namespace='blue']")).isDisplayed()).isTrue();
    }

    /** Clicks a button by its name and waits for the lab it replaces to go. */
    private static void press(String name) {
        WebElement lab = browser.findElement(By.id("lab"));
        browser.findElement(By.xpath("//button[normalize-space()='" + name + "']")).click();
        waiting().until(ExpectedConditions.stalenessOf(lab));
    }

    /** Types a line into the console and waits for the lab it replaces to go. */
    private static void type(String line) {
        WebElement lab = browser.findElement(By.id("lab"));
        browser.findElement(By.cssSelector("input[name='command']")).sendKeys(line + "\n");
        waiting().until(ExpectedConditions.stalenessOf(lab));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void restartServer() {
        int port = server.port();
        server.stop();
        server = new WebApp(ShippedCatalog.load(), new LabStore(50), () -> Backends.openUnchecked("sim"), "sim")
                .create().start("127.0.0.1", port);
    }

    @Test
    void aLessonDoneYourselfWithAWrongTryAHintAndAReloadShowsItsProgressOnTheLessonList() {
        Lesson lesson = Lessons.find("1").orElseThrow();
        int total = lesson.steps().size();
        browser.get(url("/lessons/1"));
        browser.findElement(By.linkText("Do it yourself")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".exercise .progress"),
                "Step 1 of " + total));
        assertThat(text(".exercise .step")).contains("Goal", "blue has a link lo, down")
                .doesNotContain("ip netns add blue");

        // a wrong try: the namespace has another name
        type("ip netns add bleu");
        press("Check");
        assertThat(text(".exercise .goals")).contains("There is no namespace blue yet");
        assertThat(text(".exercise .progress")).startsWith("Step 1 of " + total);

        press("Hint");
        // the lesson's own first hint, as the page renders its Markdown
        assertThat(text(".exercise .hints")).contains("Hint 1 of 3",
                Hints.of(lesson.step(1)).get(0).replace("`", ""));
        type("ip netns del bleu");
        type("ip netns add blue");
        press("Check");
        assertThat(text(".exercise .progress")).isEqualTo("Step 2 of " + total + " · 1 of " + total + " done");
        assertThat(text(".exercise-steps")).contains("Make a namespace (done with hints)");

        // half way through step 2, a reload, and a server that restarted: the browser's log brings it all back
        type(lesson.step(2).commands().get(0));
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".exercise .progress"),
                "Step 2 of " + total));
        restartServer();
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".console .terminal"),
                lesson.step(2).commands().get(0)));
        assertThat(text(".exercise .progress")).isEqualTo("Step 2 of " + total + " · 1 of " + total + " done");

        for (String command : lesson.step(2).commands().subList(1, lesson.step(2).commands().size())) {
            type(command);
        }
        press("Check");
        for (int n = 3; n <= total; n++) {
            for (String command : lesson.step(n).commands()) {
                type(command);
            }
            press("Check");
            assertThat(text(".exercise .progress")).as("after step %d", n).endsWith(n + " of " + total + " done");
        }
        assertThat(text(".exercise .step")).contains("Every step behind you", (total - 1) + " alone, 1 with hints");

        // the list, served by a server that has forgotten the lab, shows what the browser kept
        restartServer();
        browser.get(url("/"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-progress-of='/lessons/1/exercise']"), total + " of " + total + " done"));
        assertThat(text("[data-progress-of='/lessons/2/exercise']")).isEmpty();
    }

    @Test
    void aCommandTypedInTheConsoleShowsItsOutputAndThePanelsFollow() {
        browser.get(url("/lab"));
        WebElement command = browser.findElement(By.cssSelector("input[name='command']"));
        command.sendKeys("ip netns add red");
        command.submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".panel[data-namespace='red']")));
        browser.findElement(By.cssSelector("input[name='command']")).sendKeys("ip lnk\n");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".console .terminal"),
                "Object \"lnk\" is unknown, try \"ip help\"."));
    }
}
