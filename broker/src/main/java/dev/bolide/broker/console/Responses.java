package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** A console answer with a body: its status, content type and bytes, sent in one go. */
final class Responses {
    private Responses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A plain-text answer: a reason for a refusal. */
    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** An HTML page. */
    static void html(HttpExchange exchange, String page) throws IOException {
        send(exchange, HttpURLConnection.HTTP_OK, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the request's method is {@code method}; else answers 405 and returns false. */
    static boolean allows(HttpExchange exchange, String method) throws IOException {
        if (exchange.getRequestMethod().equals(method)) {
            return true;
        }
        exchange.sendResponseHeaders(HttpURLConnection.HTTP_BAD_METHOD, -1);
        return false;
    }
}
