package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netnslab.core.lesson.Lesson;
import org.netnslab.lessons.Lessons;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a learner with a screen reader, a keyboard or a phone meets them, in a real headless Chromium:
 * axe-core (its pinned copy in the test resources, MPL-2.0) finds no serious or critical violation on any page
 * of any step, at a laptop's 1400 px and a phone's 390 px; at 390 px nothing is wider than the screen and the
 * picture's text stays readable; the keyboard alone steps through a lesson.
 */
class AccessibilityIT {


    private static Javalin server;
    private static WebDriver browser;
    private static Path profile;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        server = new WebApp(ShippedCatalog.load(), new LabStore(50), () -> Backends.openUnchecked("sim"), "sim")
                .create().start("127.0.0.1", 0);
        profile = Files.createTempDirectory("netns-lab-chromium");
        browser = HeadlessChromium.start(profile, 1400, 1000);
    }

    @AfterAll
    static void stop() throws IOException {
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

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private static void width(int px) {
        browser.manage().window().setSize(new Dimension(px, 900));
    }

    /** The serious and critical violations axe-core finds on the page as it is now, one line each. */
    @SuppressWarnings("unchecked")
    private static List<String> violations() {
        if (!(Boolean) js().executeScript("return typeof window.axe !== 'undefined'")) {
            js().executeScript(axe);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = js().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {
                        return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                      }).join(' | ');
                    }));
                }, function (e) { done(['axe failed: ' + e]); });
                """);
        return new ArrayList<>((List<String>) found);
    }

    /** Whether anything on the page is wider than the window: the page would scroll sideways. */
    private static long overflow() {
        return (Long) js().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    /** The elements that reach past the window's right edge, for the message of a failing test. */
    private static String wide() {
        return String.valueOf(js().executeScript("""
                var w = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect(), p = e.parentElement.getBoundingClientRect();
                  // the outermost of those that reach past the right edge
                  if (r.right > w + 1 && p.right <= w + 1 && out.length < 8) {
                    out.push(e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
                      ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ' + Math.round(r.right));
                  }
                });
                return out.join(', ');
                """));
    }

    private static int step() {
        String text = browser.findElement(By.cssSelector(".progress")).getText();
        return Integer.parseInt(text.replaceAll("^Step (\\d+) of.*", "$1"));
    }

    private static void waitForStep(int n) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(() -> "step " + n + " never came: "
                + browser.findElement(By.cssSelector(".progress")).getText()).until(d -> {
            try {
                return step() == n && d.findElement(By.id("lab")).getAttribute("aria-busy") == null;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** A lesson's page at step 0: the session may have a lab there from before, which Reset clears. */
    private static void startAt(String path) {
        browser.get(url(path));
        if (step() != 0) {
            browser.findElement(By.xpath("//button[text()='Reset']")).click();
            waitForStep(0);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 390})
    void everyPageOfEveryStepHasNoSeriousViolation(int px) {
        width(px);
        List<String> found = new ArrayList<>();
        for (String page : List.of("/", "/lab", "/lessons/1/exercise")) {
            browser.get(url(page));
            violations().forEach(v -> found.add(page + ": " + v));
            if (overflow() > 0) {
                found.add(page + ": the page is " + overflow() + " px wider than the window: " + wide());
            }
        }
        for (Lesson lesson : Lessons.all()) {
            startAt("/lessons/" + lesson.id());
            for (int s = 0; s <= lesson.steps().size(); s++) {
                if (s > 0) {
                    browser.findElement(By.xpath("//button[text()='Next step']")).click();
                    waitForStep(s);
                }
                String where = "lesson " + lesson.id() + " step " + s + ": ";
                violations().forEach(v -> found.add(where + v));
                if (overflow() > 0) {
                    found.add(where + "the page is " + overflow() + " px wider than the window: " + wide());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void onAPhoneThePicturesTextIsReadable() {
        width(390);
        startAt("/lessons/4");
        for (int s = 1; s <= 5; s++) {
            browser.findElement(By.xpath("//button[text()='Next step']")).click();
            waitForStep(s);
        }
        List<WebElement> texts = browser.findElements(By.cssSelector("svg.topology text"));
        assertThat(texts).isNotEmpty();
        for (WebElement t : texts) {
            double px = ((Number) js().executeScript(
                    "return parseFloat(getComputedStyle(arguments[0]).fontSize)"
                            + " * arguments[0].ownerSVGElement.getScreenCTM().a;", t)).doubleValue();
            assertThat(px).as(t.getAttribute("textContent")).isGreaterThanOrEqualTo(10);
        }
        assertThat(overflow()).as(wide()).isZero();
    }

    @Test
    void theKeyboardAloneStepsThroughALessonAndSaysWhenAStepRuns() {
        width(1400);
        startAt("/lessons/2");
        js().executeScript("""
                window.statuses = [];
                new MutationObserver(function () {
                  window.statuses.push(document.getElementById('lab-status').textContent);
                }).observe(document.getElementById('lab-status'), {childList: true, characterData: true, subtree: true});
                """);
        browser.findElement(By.xpath("//button[text()='Next step']")).sendKeys(Keys.ENTER);
        waitForStep(1);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Next step");
        // the next Enter presses Next step again; it runs no empty command in the console
        focused.sendKeys(Keys.ENTER);
        waitForStep(2);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Next step");
        assertThat(browser.findElements(By.cssSelector(".console .cmd"))).isEmpty();
        assertThat(String.valueOf(js().executeScript("return window.statuses.join(\"|\");"))).contains("Running\u2026");
        // the skip link is the first thing the keyboard reaches, and leads to the content
        browser.get(url("/lessons/2"));
        WebElement first = (WebElement) js().executeScript(
                "return document.querySelector('a[href], button, input, select, textarea, [tabindex]');");
        assertThat(first.getAttribute("class")).isEqualTo("skip");
        first.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }
}
