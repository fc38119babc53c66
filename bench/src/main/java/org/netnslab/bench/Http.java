package org.netnslab.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A learner's browser, as small as HTTP/1.1 allows: one kept-alive connection to 127.0.0.1, the session's
 * cookie, no compression. Small so that the learners, on the same machine as the server, leave it the CPU.
 */
final class Http implements AutoCloseable {

    record Response(int status, Map<String, String> headers, String body) {}

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private String cookie;

    Http(int port) {
        this.port = port;
    }

    Response get(String path) throws IOException {
        return send("GET", path, null, false);
    }

    /** A form post as htmx sends it when {@code htmx} is set, as a plain form otherwise. */
    Response post(String path, String formBody, boolean htmx) throws IOException {
        return send("POST", path, formBody, htmx);
    }

    /**
     * As a browser does: a request on a kept-alive connection that the server closed meanwhile (Jetty closes one
     * whose request body a handler left unread) is sent again on a fresh connection, once.
     */
    private Response send(String method, String path, String body, boolean htmx) throws IOException {
        boolean reused = socket != null;
        try {
            return sendOnce(method, path, body, htmx);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return sendOnce(method, path, body, htmx);
        }
    }

    private Response sendOnce(String method, String path, String body, boolean htmx) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder();
        req.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
        if (cookie != null) {
            req.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (htmx) {
            req.append("HX-Request: true\r\n");
        }
        if (body != null) {
            req.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(payload.length)
                    .append("\r\n");
        }
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
        Response r = read();
        String set = r.headers().get("set-cookie");
        if (set != null) {
            cookie = set.split(";", 2)[0];
        }
        if ("close".equalsIgnoreCase(r.headers().get("connection"))) {
            close();
        }
        return r;
    }

    private Response read() throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + status);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (true) {
                int size = Integer.parseInt(line().split(";", 2)[0].strip(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                body.write(in.readNBytes(size));
                line();
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Response(Integer.parseInt(parts[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all that was left to do with it
            }
            socket = null;
        }
    }
}
