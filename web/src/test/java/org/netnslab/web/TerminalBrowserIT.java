package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The terminal pane in a real headless Chromium, driven by the keyboard alone: ArrowUp recalls, Tab completes
 * from the lab, Ctrl-C stops a listening nc, Ctrl-L and clear clear, and the prompt stays in view.
 */
class TerminalBrowserIT {


    private static Javalin server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = new WebApp(ShippedCatalog.load(), new LabStore(50), () -> Backends.openUnchecked("sim"), "sim")
                .create().start("127.0.0.1", 0);
        browser = HeadlessChromium.start(Files.createTempDirectory("netns-lab-terminal"), 1280, 900);
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

    /** A fresh free lab: the session's lab reset, the screen's clear mark forgotten. */
    @BeforeEach
    void freshLab() {
        browser.get("http://127.0.0.1:" + server.port() + "/lab");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        WebElement lab = browser.findElement(By.id("lab"));
        browser.findElement(By.xpath("//button[normalize-space()='Reset the lab']")).click();
        waiting().until(ExpectedConditions.stalenessOf(lab));
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static WebElement terminal1() {
        return browser.findElement(By.cssSelector("[role='region'][aria-label='Terminal 1']"));
    }

    private static WebElement input() {
        return terminal1().findElement(By.cssSelector("input[name='command']"));
    }

    /** Keys into the terminal, Enter included, and waits for the lab it replaces to go. */
    private static void enter(CharSequence... keys) {
        WebElement lab = browser.findElement(By.id("lab"));
        if (keys.length > 0) {
            input().sendKeys(keys);
        }
        input().sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.stalenessOf(lab));
    }

    private static String screen() {
        return terminal1().findElement(By.cssSelector(".screen")).getText();
    }

    @Test
    void arrowUpRecallsTheLastCommandAndArrowDownGivesBackTheLineBeingTyped() {
        enter("ip netns add blue");
        enter("ip netns list");
        input().sendKeys("ip r", Keys.ARROW_UP);
        assertThat(input().getAttribute("value")).isEqualTo("ip netns list");
        input().sendKeys(Keys.ARROW_UP);
        assertThat(input().getAttribute("value")).isEqualTo("ip netns add blue");
        input().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(input().getAttribute("value")).isEqualTo("ip r");
        input().clear();
        input().sendKeys(Keys.ARROW_UP);
        enter();
        assertThat(screen()).contains("root@host:~# ip netns list\nblue");
        assertThat(screen().split("ip netns list", -1)).hasSize(3);
    }

    @Test
    void tabCompletesANamespaceNameFromTheLab() {
        enter("ip netns add blue");
        input().sendKeys("ip netns exec bl", Keys.TAB);
        waiting().until(d -> input().getAttribute("value").equals("ip netns exec blue "));
        enter("ip -br link");
        assertThat(screen()).contains("root@host:~# ip netns exec blue ip -br link\nlo               DOWN");
    }

    @Test
    void tabListsTheCandidatesWhenItCannotAddALetter() {
        enter("ip netns add red");
        enter("ip netns add rose");
        input().sendKeys("ip netns del r", Keys.TAB);
        waiting().until(d -> input().getAttribute("value").equals("ip netns del r"));
        input().sendKeys(Keys.TAB);
        waiting().until(d -> screen().contains("red  rose"));
    }

    @Test
    void ctrlCStopsTheListeningNcAndAtThePromptDropsTheLine() {
        enter("nc -l -p 8080");
        assertThat(screen()).contains("listens on port 8080 on the host in the background");
        WebElement lab = browser.findElement(By.id("lab"));
        input().sendKeys(Keys.chord(Keys.CONTROL, "c"));
        waiting().until(ExpectedConditions.stalenessOf(lab));
        assertThat(screen()).contains("root@host:~# ^C\nnetns-lab: the nc that listened stopped, as at Ctrl-C: "
                + "port 8080 on the host");
        input().sendKeys("ip netns add half", Keys.chord(Keys.CONTROL, "c"));
        assertThat(input().getAttribute("value")).isEmpty();
        assertThat(screen()).endsWith("root@host:~# ip netns add half^C");
    }

    @Test
    void ctrlLAndClearClearTheScreenAndItStaysClearAfterTheNextCommand() {
        enter("ip netns add blue");
        input().sendKeys(Keys.chord(Keys.CONTROL, "l"));
        assertThat(screen()).isEmpty();
        enter("echo one");
        assertThat(screen()).isEqualTo("root@host:~# echo one\none");
        input().sendKeys("clear", Keys.ENTER);
        assertThat(screen()).isEmpty();
        assertThat(input().getAttribute("value")).isEmpty();
    }

    @Test
    void afterFiftyCommandsThePromptIsInViewAndTheScreenScrollsInsideThePane() {
        for (int i = 1; i <= 50; i++) {
            enter("echo line " + i);
        }
        WebElement prompt = input();
        Boolean inView = (Boolean) ((JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= window.innerHeight;", prompt);
        assertThat(inView).isTrue();
        WebElement screen = terminal1().findElement(By.cssSelector(".screen"));
        List<Object> scroll = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "var s = arguments[0]; return [s.scrollHeight > s.clientHeight,"
                        + " s.scrollTop + s.clientHeight >= s.scrollHeight - 2];", screen);
        assertThat(scroll).containsExactly(Boolean.TRUE, Boolean.TRUE);
        assertThat(screen.getAttribute("role")).isEqualTo("log");
        assertThat(screen()).contains("line 50");
        waiting().until(d -> d.switchTo().activeElement().equals(input()));
    }

    private static WebElement terminal(int n) {
        return browser.findElement(By.cssSelector("[role='region'][aria-label='Terminal " + n + "']"));
    }

    /** Keys into terminal N, Enter included, and waits for the lab it replaces to go. */
    private static void enterIn(int n, String line) {
        WebElement lab = browser.findElement(By.id("lab"));
        terminal(n).findElement(By.cssSelector("input[name='command']")).sendKeys(line, Keys.ENTER);
        waiting().until(ExpectedConditions.stalenessOf(lab));
    }

    private static String screenOf(int n) {
        return terminal(n).findElement(By.cssSelector(".screen")).getText();
    }

    @Test
    void newTerminalOpensTerminalTwoAndTheNcChatGoesBothWays() {
        for (String line : List.of("ip netns add ns1", "ip netns add ns2", "ip link add v1 type veth peer name v2",
                "ip link set v1 netns ns1", "ip link set v2 netns ns2", "ip netns exec ns1 ip link set v1 up",
                "ip netns exec ns1 ip addr add 10.0.0.1/24 dev v1", "ip netns exec ns2 ip link set v2 up",
                "ip netns exec ns2 ip addr add 10.0.0.2/24 dev v2")) {
            enter(line);
        }
        enter("ip netns exec ns1 bash");
        enter("nc -l -p 8080");
        WebElement lab = browser.findElement(By.id("lab"));
        browser.findElement(By.xpath("//button[normalize-space()='New terminal']")).click();
        waiting().until(ExpectedConditions.stalenessOf(lab));
        // the keyboard goes to the new terminal once htmx has settled the page
        waiting().until(d -> d.switchTo().activeElement()
                .equals(terminal(2).findElement(By.cssSelector("input[name='command']"))));
        enterIn(2, "ip netns exec ns2 bash");
        enterIn(2, "nc 10.0.0.1 8080");
        enterIn(2, "hello from ns2");
        assertThat(screenOf(1)).endsWith("hello from ns2");
        assertThat(terminal(1).findElement(By.cssSelector("form .prompt")).getText().strip()).isEqualTo("nc -l -p 8080>");
        enterIn(1, "hi from ns1");
        assertThat(screenOf(2)).endsWith("hi from ns1");
        assertThat(screenOf(1)).contains("hi from ns1");
        // ArrowUp in terminal 2 recalls what was typed there last
        WebElement two = terminal(2).findElement(By.cssSelector("input[name='command']"));
        two.sendKeys(Keys.ARROW_UP);
        assertThat(two.getAttribute("value")).isEqualTo("hi from ns1");
        two.clear();
        enterIn(2, "exit");
        assertThat(terminal(1).findElement(By.cssSelector("form .prompt")).getText().strip())
                .isEqualTo("root@host:~# (netns ns1)");
    }
}
