package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bolide.broker.topic.SystemTopics;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /topics/create} ({@code topic}, {@code queues}) and {@code POST /topics/delete}
 * ({@code topic}), the Topics page's forms: done, then back to the page (303); a bad name, a
 * system topic or a bad queue count gets 400 with the reason. Under access control only an admin
 * account gets here ({@link AclAuthenticator}).
 */
final class TopicCommands implements HttpHandler {
    private final TopicConfigTable topics;

    TopicCommands(TopicConfigTable topics) {
        this.topics = topics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.allows(exchange, "POST")) {
                return;
            }
            Map<String, String> form = Forms.fields(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            try {
                switch (exchange.getRequestURI().getPath()) {
                    case "/topics/create" -> topics.put(TopicConfig.of(writable(form.get("topic")),
                            queues(form.get("queues"))));
                    case "/topics/delete" -> topics.delete(writable(form.get("topic")));
                    default -> {
                        exchange.sendResponseHeaders(HttpURLConnection.HTTP_NOT_FOUND, -1);
                        return;
                    }
                }
            } catch (IllegalArgumentException e) {
                Responses.text(exchange, HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage());
                return;
            }
            exchange.getResponseHeaders().set("Location", "/topics");
            exchange.sendResponseHeaders(HttpURLConnection.HTTP_SEE_OTHER, -1);
        }
    }

    private static String writable(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("no topic named");
        }
        if (SystemTopics.isReserved(topic)) {
            throw new IllegalArgumentException("The topic[" + topic + "] is conflict with system topic.");
        }
        return topic;
    }

    private static int queues(String queues) {
        try {
            int count = Integer.parseInt(queues == null ? "" : queues.trim());
            if (count >= 1 && count <= 1024) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below, as any count out of range
        }
        throw new IllegalArgumentException("queues must be a whole number from 1 to 1024, not '" + queues + "'");
    }
}
