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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A ping's journey played on the picture in a real headless Chromium: Next hop moves the lit port and changes
 * the headers the live panel says; a packet the host does not forward is marked where it died, with the reason.
 */
class JourneyBrowserIT {


    private static Javalin server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = new WebApp(ShippedCatalog.load(), new LabStore(50), () -> Backends.openUnchecked("sim"), "sim")
                .create().start("127.0.0.1", 0);
        browser = HeadlessChromium.start(Files.createTempDirectory("netns-lab-journey"), 1280, 900);
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

    @BeforeEach
    void freshLab() {
        browser.get("http://127.0.0.1:" + server.port() + "/lab");
        WebElement lab = browser.findElement(By.id("lab"));
        browser.findElement(By.xpath("//button[normalize-space()='Reset the lab']")).click();
        waiting().until(ExpectedConditions.stalenessOf(lab));
        for (String c : List.of("ip netns add blue", "ip link add veth0 type veth peer name veth1",
                "ip link set veth1 netns blue", "ip addr add 10.0.0.1/24 dev veth0", "ip link set veth0 up",
                "ip netns exec blue ip addr add 10.0.0.2/24 dev veth1", "ip netns exec blue ip link set veth1 up",
                "ip netns exec blue ip route add default via 10.0.0.1")) {
            enter(c);
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void enter(String command) {
        WebElement lab = browser.findElement(By.id("lab"));
        WebElement input = browser.findElement(By.id("command"));
        input.sendKeys(command, Keys.ENTER);
        waiting().until(ExpectedConditions.stalenessOf(lab));
    }

    private static WebElement button(String name) {
        return browser.findElement(By.xpath("//section[@aria-label='Journey']//button[normalize-space()='" + name
                + "']"));
    }

    private static String panel() {
        return browser.findElement(By.cssSelector(".journey-now")).getText();
    }

    /** The picture's elements the player lights, by their data attribute. */
    private static List<String> lit(String cls) {
        return browser.findElements(By.cssSelector("svg.topology ." + cls)).stream()
                .map(e -> e.getAttribute("data-port") != null ? e.getAttribute("data-port")
                        : e.getAttribute("data-namespace") != null ? e.getAttribute("data-namespace")
                        : e.getAttribute("data-bridge"))
                .toList();
    }

    @Test
    void nextHopMovesTheLitPortAndTheHeadersTheLivePanelSays() {
        enter("ip netns exec blue ping -c1 10.0.0.1");
        waiting().until(d -> !panel().isEmpty());
        assertThat(lit("journey-here")).containsExactly("blue:veth1");
        assertThat(panel()).contains("Hop 1 of", "IPv4: src 10.0.0.2, dst 10.0.0.1, ttl 64",
                "ICMP: echo request, seq 1");
        WebElement live = browser.findElement(By.cssSelector(".journey-now"));
        assertThat(live.getAttribute("aria-live")).isEqualTo("polite");

        // the hops, one by one, to where the host answers the ARP question and then receives the request
        List<String> seen = new java.util.ArrayList<>();
        String before = panel();
        for (int i = 0; i < 8 && !panel().contains("echo reply"); i++) {
            button("Next hop").click();
            String now = panel();
            assertThat(now).isNotEqualTo(before);
            before = now;
            seen.add(lit("journey-here").get(0) + " | " + now);
        }
        assertThat(seen).anySatisfy(s -> assertThat(s).startsWith("host:veth0 | Hop 3 of")
                .contains("ARP: reply 10.0.0.1 is-at"));
        assertThat(seen).anySatisfy(s -> assertThat(s).startsWith("host:veth0 | ")
                .contains("IPv4: src 10.0.0.1, dst 10.0.0.2", "ICMP: echo reply, seq 1"));

        // back one hop, by the keyboard
        String at = panel();
        WebElement previous = button("Previous hop");
        previous.sendKeys(Keys.ENTER);
        assertThat(panel()).isNotEqualTo(at);
        assertThat(browser.findElements(By.cssSelector(".journey-hops > li")).size()).isGreaterThan(4);
        assertThat(browser.findElements(By.cssSelector(".journey-hops > li.current"))).hasSize(1);
        assertThat(lit("journey-dropped")).isEmpty();
    }

    @Test
    void aPacketThatDiesIsMarkedWhereItDiedWithTheReason() {
        enter("ip netns exec blue ping -c1 -W1 203.0.113.9");
        waiting().until(d -> !panel().isEmpty());
        assertThat(lit("journey-dropped")).isEmpty();
        button("Play").click();
        waiting().until(d -> !lit("journey-dropped").isEmpty());
        assertThat(lit("journey-dropped")).containsExactly("host:veth0");
        assertThat(panel()).contains("Dropped here: ", "forwarding is off");
        assertThat(browser.findElement(By.cssSelector(".journey-hops > li[data-dropped]")).getText())
                .contains("Dropped here: ", "forwarding is off");
    }
}
