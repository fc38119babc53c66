package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.core.tcpdump.Pcap;

/**
 * {@code Download capture (.pcap)}: the page offers a link's packets since the lab began, and the file it
 * serves is a pcap of the frames that crossed the link, ARP and ICMP, with correct checksums.
 */
class CaptureDownloadTests {

    private static Javalin app() {
        return new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("sim"), "sim")
                .create();
    }

    @Test
    void aLinksPacketsSinceTheLabBeganDownloadAsAPcap() {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String origin = "http://127.0.0.1:" + server.port();
            String page = get(http, origin + "/lab").body();
            for (String line : List.of("ip netns add blue", "ip link add veth0 type veth peer name veth1",
                    "ip link set veth1 netns blue", "ip addr add 10.0.0.1/24 dev veth0", "ip link set veth0 up",
                    "ip -n blue addr add 10.0.0.2/24 dev veth1", "ip -n blue link set veth1 up",
                    "ping -c 2 10.0.0.2")) {
                http.send(HttpRequest.newBuilder(URI.create(origin + "/lab/console"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("command="
                                + URLEncoder.encode(line, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            page = get(http, origin + "/lab").body();
            assertThat(page).contains("Download capture (.pcap)", "value=\"/host/veth0\"");

            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/lab/capture?link="
                    + URLEncoder.encode("/host/veth0", StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/vnd.tcpdump.pcap"));
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"netns-lab-host-veth0.pcap\"");
            Pcap.File file = Pcap.read(r.body()).orElseThrow();
            assertThat(file.linkType()).isEqualTo(Pcap.LINKTYPE_ETHERNET);
            // who-has, is-at, then two echo requests and their replies
            List<Integer> types = file.packets().stream().map(p -> (p.data()[12] & 0xff) << 8 | p.data()[13] & 0xff)
                    .toList();
            assertThat(types).containsExactly(0x0806, 0x0806, 0x0800, 0x0800, 0x0800, 0x0800);
            for (Pcap.Packet p : file.packets().subList(2, 6)) {
                byte[] d = p.data();
                assertThat(sum(d, 14, 20)).as("IPv4 header checksum").isEqualTo(0xffff);
                assertThat(sum(d, 34, d.length - 34)).as("ICMP checksum").isEqualTo(0xffff);
            }

            HttpResponse<String> missing = get(http, origin + "/lab/capture?link=%2Fhost%2Fveth9");
            assertThat(missing.statusCode()).isEqualTo(404);
        });
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int sum(byte[] b, int at, int length) {
        long s = 0;
        for (int i = at; i < at + length; i += 2) {
            s += (b[i] & 0xff) << 8 | (i + 1 < at + length ? b[i + 1] & 0xff : 0);
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    @Test
    void fromTheStepsStartHasOnlyTheStepsPackets() {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String origin = "http://127.0.0.1:" + server.port();
            get(http, origin + "/lessons/2");
            for (int i = 0; i < 6; i++) { // to "Ping from one to the other", whose pings go both ways
                http.send(HttpRequest.newBuilder(URI.create(origin + "/lessons/2/next"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(get(http, origin + "/lessons/2").body()).contains("Download capture (.pcap)",
                    "<option value=\"step\">this step's start</option>");
            List<Integer> lab = types(http, origin + "/lessons/2/capture?link=ns1%2Fv1&from=lab");
            List<Integer> step = types(http, origin + "/lessons/2/capture?link=ns1%2Fv1&from=step");
            assertThat(step).as("the step's two pings").contains(0x0800).isEqualTo(lab);

            http.send(HttpRequest.newBuilder(URI.create(origin + "/lessons/2/next"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(types(http, origin + "/lessons/2/capture?link=ns1%2Fv1&from=step"))
                    .as("a shell inside ns1 sends nothing").isEmpty();
            assertThat(types(http, origin + "/lessons/2/capture?link=ns1%2Fv1&from=lab")).isEqualTo(lab);
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(origin
                    + "/lessons/2/capture?link=ns1%2Fv1&from=step")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"netns-lab-ns1-v1-this-step.pcap\"");
        });
    }

    @Test
    void aFreeLabHasNoStepsToCountFrom() {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String page = get(http, "http://127.0.0.1:" + server.port() + "/lab").body();
            assertThat(page).contains("Download capture (.pcap)").doesNotContain("this step's start");
        });
    }

    /** The EtherTypes of the frames of the file the page serves. */
    static List<Integer> types(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return Pcap.read(r.body()).orElseThrow().packets().stream()
                .map(p -> (p.data()[12] & 0xff) << 8 | p.data()[13] & 0xff).toList();
    }
}
