package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /messages}: the search form and what it found ({@link MessageSearch});
 * {@code GET /messages/detail?offset=}: the message whose record starts at that CommitLog offset,
 * with its trace.
 * A malformed search gets 400 with the reason, an offset where no message starts 404.
 */
final class MessagesPage implements HttpHandler {
    private final MessageStore store;
    private final TopicConfigTable topics;
    private final MessageTrace traces;

    /** @param msgTraceTopicName the broker's trace topic, read besides RMQ_SYS_TRACE_TOPIC */
    MessagesPage(MessageStore store, TopicConfigTable topics, String msgTraceTopicName) {
        this.store = store;
        this.topics = topics;
        this.traces = new MessageTrace(store, msgTraceTopicName);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.allows(exchange, "GET")) {
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> fields = Forms.fields(query);
            try {
                switch (exchange.getRequestURI().getPath()) {
                    case "/messages" -> search(exchange, query == null ? "" : query, fields);
                    case "/messages/detail" -> detail(exchange, fields.get("offset"));
                    default -> exchange.sendResponseHeaders(HttpURLConnection.HTTP_NOT_FOUND, -1);
                }
            } catch (IllegalArgumentException e) {
                Responses.text(exchange, HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage());
            }
        }
    }

    private void search(HttpExchange exchange, String query, Map<String, String> fields) throws IOException {
        MessagesView view = new MessagesView(store, topics, fields);
        Responses.html(exchange, Html.still(view, view.form(), view.pages(query), CsrfGuard.token(exchange)));
    }

    private void detail(HttpExchange exchange, String offset) throws IOException {
        ByteBuffer record;
        try {
            record = store.lookupMessage(Long.parseLong(offset == null ? "" : offset));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset must be a CommitLog offset, not '" + offset + "'");
        }
        if (record == null) {
            Responses.text(exchange, HttpURLConnection.HTTP_NOT_FOUND, "no message starts at CommitLog offset "
                    + offset);
            return;
        }
        StoredMessage message = StoredMessage.of(record);
        String uniqueKey = message.property(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID);
        List<MessageTrace.Event> trace = uniqueKey.isEmpty() ? List.of() : traces.of(uniqueKey);
        Responses.html(exchange, Html.still(new MessageDetailView(message, trace, traces.topics()), "", "",
                CsrfGuard.token(exchange)));
    }
}
