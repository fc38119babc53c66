package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.testtools.JavalinTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netnslab.kernel.KernelBackend;

/**
 * {@code Download capture (.pcap)} on the real kernel: a lesson's link's packets since the lab began and since
 * the step began, read from the packet sockets the lab holds in its namespaces.
 */
class KernelCaptureDownloadIT {

    @Test
    void aKernelLessonsLinkDownloadsItsPacketsSinceTheLabAndSinceTheStep() {
        assumeTrue(KernelBackend.unavailableReason().isEmpty(), "kernel mode is not available here");
        WebApp web = new WebApp(ShippedCatalog.load(), new LabStore(100), () -> Backends.openUnchecked("kernel"),
                "kernel");
        JavalinTest.test(web.create(), (server, client) -> {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String origin = "http://127.0.0.1:" + server.port();
            http.send(HttpRequest.newBuilder(URI.create(origin + "/lessons/2")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 6; i++) { // to "Ping from one to the other"
                http.send(HttpRequest.newBuilder(URI.create(origin + "/lessons/2/next"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            }
            String page = http.send(HttpRequest.newBuilder(URI.create(origin + "/lessons/2")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("Download capture (.pcap)", "value=\"ns1/v1\"");

            List<Integer> lab = CaptureDownloadTests.types(http, origin + "/lessons/2/capture?link=ns1%2Fv1&from=lab");
            List<Integer> step = CaptureDownloadTests.types(http, origin + "/lessons/2/capture?link=ns1%2Fv1&from=step");
            assertThat(lab).as("ARP and the pings").contains(0x0806, 0x0800);
            assertThat(step.stream().filter(t -> t == 0x0800).count()).as("the step's 2 pings of 4 probes, both ways")
                    .isGreaterThanOrEqualTo(16);
            assertThat(step.size()).isLessThanOrEqualTo(lab.size());

            http.send(HttpRequest.newBuilder(URI.create(origin + "/lessons/2/next"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(CaptureDownloadTests.types(http, origin + "/lessons/2/capture?link=ns1%2Fv1&from=step"))
                    .as("a shell inside ns1 sends no IPv4").doesNotContain(0x0800);
        });
    }
}
