package org.netnslab.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few files the pages load (those of {@code public/}, each given its route in {@link WebApp}, and htmx from
 * its webjar), read from the class path once and answered from memory, with an ETag, as Javalin's static files
 * are. Done here rather than by Jetty's resource handlers, which read the whole jar's directory when the server
 * starts, before the first page.
 */
final class StaticFiles {

    /** Where a webjar keeps its files on the class path. */
    static final String WEBJARS = "META-INF/resources";

    private record File(byte[] bytes, String type, String etag) {}

    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript",
            "html", "text/html", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final Map<String, Optional<File>> read = new ConcurrentHashMap<>();

    /**
     * Answers {@code resource} from the class path, or 404 when there is none (or the path climbs out).
     *
     * @param immutable whether the path names one version for good (a webjar's), which browsers may keep a year
     */
    void serve(Context ctx, String resource, boolean immutable) {
        Optional<File> file = resource.contains("..") || resource.contains("//") ? Optional.empty()
                : read.computeIfAbsent(resource, StaticFiles::load);
        if (file.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        File f = file.get();
        ctx.header("Cache-Control", immutable ? "max-age=31622400" : "max-age=0");
        ctx.header("ETag", f.etag());
        if (f.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(f.type()).result(f.bytes());
    }

    private static Optional<File> load(String resource) {
        String ext = resource.substring(resource.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String etag = "W/\"" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 22) + "\"";
            return Optional.of(new File(bytes, type, etag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
