package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The files the pages load: served with their type and an ETag, unchanged ones not sent again, no others. */
class StaticFilesTests {

    private static HttpResponse<String> get(int port, String path, String etag) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (etag != null) {
            r.header("If-None-Match", etag);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theStyleSheetScriptsAndHtmxAreServedAndKept() {
        JavalinTest.test(new WebApp(ShippedCatalog.load(), new LabStore(10), () -> Backends.openUnchecked("sim"),
                "sim").create(), (server, client) -> {
                    HttpResponse<String> css = get(server.port(), "/app.css", null);
                    assertThat(css.statusCode()).isEqualTo(200);
                    assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css");
                    String etag = css.headers().firstValue("ETag").orElseThrow();
                    assertThat(get(server.port(), "/app.css", etag).statusCode()).isEqualTo(304);

                    assertThat(get(server.port(), "/restore.js", null).body()).contains("sessionStorage");
                    HttpResponse<String> htmx = get(server.port(), "/webjars/htmx.org/2.0.10/dist/htmx.min.js", null);
                    assertThat(htmx.statusCode()).isEqualTo(200);
                    assertThat(htmx.headers().firstValue("Content-Type")).hasValue("text/javascript");
                    assertThat(htmx.headers().firstValue("Cache-Control")).hasValue("max-age=31622400");

                    assertThat(get(server.port(), "/webjars/htmx.org/2.0.10/dist/nosuch.js", null).statusCode())
                            .isEqualTo(404);
                    assertThat(get(server.port(), "/webjars/htmx.org/2.0.10/../../../templates/page.ftl", null)
                            .statusCode()).isEqualTo(404);
                });
    }
}
