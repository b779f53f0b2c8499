package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bolide.broker.topic.SystemTopics;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.broker.topic.TopicDeletion;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /topics/create} ({@code topic}, {@code queues}) and {@code POST /topics/delete}
 * ({@code topic}, deleted with its queues by {@link TopicDeletion}, as mqadmin's deleteTopic), the
 * Topics page's forms: done, then back to the page (303); a bad name, a system topic or a bad queue
 * count gets 400 with the reason. Under access control only an admin
 * account gets here ({@link AclAuthenticator}).
 */
final class TopicCommands implements HttpHandler {
    private final TopicConfigTable topics;
    private final TopicDeletion deletion;

    TopicCommands(TopicConfigTable topics, TopicDeletion deletion) {
        this.topics = topics;
        this.deletion = deletion;
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
                    case "/topics/create" -> topics.put(TopicConfig.of(SystemTopics.checkNotReserved(named(form.get("topic"))),
                            queues(form.get("queues"))));
                    case "/topics/delete" -> deletion.delete(named(form.get("topic")));
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

    private static String named(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("no topic named");
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
