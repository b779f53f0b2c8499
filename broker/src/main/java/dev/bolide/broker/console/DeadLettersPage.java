package dev.bolide.broker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bolide.broker.ha.Written;
import dev.bolide.broker.retry.DeadLetterResend;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.store.MessageStore;
import dev.bolide.store.StoreException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /dlq}: the groups with dead letters; {@code GET /dlq?group=&page=}: one group's dead
 * letters. {@code POST /dlq/resend?group=&offset=} re-sends one (its CommitLog offset),
 * {@code POST /dlq/resend-all?group=} all of them, to their original topics as RESEND_DEAD_LETTER
 * does ({@link DeadLetterResend}), then back to the group's page saying how many went. Under access
 * control only an admin account may POST ({@link AclAuthenticator}).
 */
final class DeadLettersPage implements HttpHandler {
    /** Long enough for a loaded disk; the console's thread waits for the stores. */
    private static final long STORE_WAIT_SECONDS = 30;

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final DeadLetterResend resend;

    DeadLettersPage(MessageStore store, TopicConfigTable topics, DeadLetterResend resend) {
        this.store = store;
        this.topics = topics;
        this.resend = resend;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> fields = Forms.fields(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            try {
                if (path.equals("/dlq")) {
                    show(exchange, fields);
                } else if (path.equals("/dlq/resend") || path.equals("/dlq/resend-all")) {
                    resend(exchange, fields, path.endsWith("-all"));
                } else {
                    exchange.sendResponseHeaders(HttpURLConnection.HTTP_NOT_FOUND, -1);
                }
            } catch (IllegalArgumentException | DeadLetterResend.Refused e) {
                Responses.text(exchange, HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage());
            } catch (StoreException | ExecutionException | TimeoutException e) {
                Responses.text(exchange, HttpURLConnection.HTTP_UNAVAILABLE, "not re-sent: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Responses.text(exchange, HttpURLConnection.HTTP_UNAVAILABLE, "not re-sent: the console is stopping");
            }
        }
    }

    private void show(HttpExchange exchange, Map<String, String> fields) throws IOException {
        if (!Responses.allows(exchange, "GET")) {
            return;
        }
        String group = fields.get("group");
        if (group == null) {
            Responses.html(exchange, Html.still(new DeadLetterGroupsView(topics, store), "", "",
                    CsrfGuard.token(exchange)));
            return;
        }
        DeadLettersView view = new DeadLettersView(group, new DeadLetterQueue(store, topics, group),
                (int) Math.min(Integer.MAX_VALUE, Forms.number(fields, "page", 0)));
        String resent = fields.containsKey("resent") ? "<p id=\"resent\">" + Forms.number(fields, "resent", 0)
                + " re-sent to their original topics</p>" : "";
        Responses.html(exchange, Html.still(view, resent, view.below(CsrfGuard.token(exchange)),
                CsrfGuard.token(exchange)));
    }

    private void resend(HttpExchange exchange, Map<String, String> fields, boolean all) throws IOException,
            DeadLetterResend.Refused, ExecutionException, TimeoutException, InterruptedException {
        if (!Responses.allows(exchange, "POST")) {
            return;
        }
        String group = fields.get("group");
        DeadLetterQueue queue = new DeadLetterQueue(store, topics, group);
        List<Long> offsets = all ? queue.offsets() : List.of(Forms.number(fields, "offset", -1));
        if (offsets.contains(-1L)) {
            throw new IllegalArgumentException("name the dead letter's CommitLog offset");
        }
        List<CompletableFuture<Written>> stored = new ArrayList<>();
        for (long offset : offsets) {
            stored.add(resend.resend(offset));
        }
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
        exchange.getResponseHeaders().set("Location", "/dlq?group=" + URLEncoder.encode(group,
                StandardCharsets.UTF_8) + "&resent=" + stored.size());
        exchange.sendResponseHeaders(HttpURLConnection.HTTP_SEE_OTHER, -1);
    }
}
