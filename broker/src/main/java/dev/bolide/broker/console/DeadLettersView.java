package dev.bolide.broker.console;

import dev.bolide.protocol.message.PropertyKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One consumer group's dead letters, a page at a time, each with a button that re-sends it. */
final class DeadLettersView implements View {
    private final String group;
    private final DeadLetterQueue queue;
    private final int page;

    DeadLettersView(String group, DeadLetterQueue queue, int page) {
        this.group = group;
        this.queue = queue;
        this.page = page;
    }

    @Override
    public String title() {
        return "Dead letters of " + group;
    }

    @Override
    public List<Table> tables() {
        List<List<Cell>> rows = new ArrayList<>();
        String resend = "/dlq/resend?group=" + URLEncoder.encode(group, StandardCharsets.UTF_8) + "&offset=";
        for (StoredMessage message : queue.page((long) page * MessageSearch.PAGE, MessageSearch.PAGE)) {
            rows.add(List.of(Cell.fixed(Instant.ofEpochMilli(message.storeTimestamp()).toString()),
                    Cell.link(message.offsetMessageId(), "/messages/detail?offset=" + message.commitLogOffset()),
                    Cell.fixed(message.property(PropertyKeys.RETRY_TOPIC)),
                    Cell.fixed(message.property(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID)),
                    Cell.fixed(message.property(PropertyKeys.KEYS)),
                    Cell.button("Re-send", resend + message.commitLogOffset())));
        }
        long first = (long) page * MessageSearch.PAGE;
        return List.of(new Table(queue.size() + " dead letters, " + (rows.isEmpty() ? "none" : (first + 1)
                + " to " + (first + rows.size())) + " shown", List.of("store time", "message id",
                "original topic", "unique key", "keys", ""), rows));
    }

    /** Links to the pages before and after this one, and the button that re-sends every dead letter. */
    String below(FormToken token) {
        String query = "?group=" + URLEncoder.encode(group, StandardCharsets.UTF_8);
        return Html.pageLinks("/dlq" + query + "&page=", page, (long) (page + 1) * MessageSearch.PAGE < queue.size())
                + token.form("/dlq/resend-all" + query, "<button id=\"resend-all\">Re-send all</button>");
    }
}
