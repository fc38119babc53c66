package org.netnslab.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser for tests: keeps its own cookies (its own session), posts forms, optionally as htmx does. */
final class Browser {

    record Page(int status, String body, String location) {}

    private final String origin;
    private final HttpClient http;

    Browser(int port) {
        this.origin = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build());
    }

    /** A plain form post, as a browser without JavaScript sends it. */
    Page post(String path, Map<String, String> form) {
        return send(form(path, form).build());
    }

    /** A post as htmx sends it: it wants the fragment back. */
    Page htmx(String path, Map<String, String> form) {
        return send(form(path, form).header("HX-Request", "true").build());
    }

    /** A post of any body, with any content type: what a broken or hostile client sends. */
    Page raw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Page htmx(String path) {
        return htmx(path, Map.of());
    }

    private HttpRequest.Builder form(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the hidden {@code log} field of a page: the lab's log, which restores it. */
    static String log(String html) {
        Matcher m = Pattern.compile("name=\"log\" value=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    static Map<String, String> command(String line) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("command", line);
        return form;
    }
}
