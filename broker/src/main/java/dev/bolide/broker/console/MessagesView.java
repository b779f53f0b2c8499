package dev.bolide.broker.console;

import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Messages page: its search form and the messages found, each linking to its detail page. */
final class MessagesView implements View {
    private final MessageSearch search;
    private final List<StoredMessage> found;

    /** @throws IllegalArgumentException when the search names no topic where it needs one, or a bad field */
    MessagesView(MessageStore store, TopicConfigTable topics, Map<String, String> query) {
        this.search = new MessageSearch(query);
        this.found = search.isEmpty() ? List.of() : search.run(store, topics);
    }

    @Override
    public String title() {
        return "Messages";
    }

    @Override
    public List<Table> tables() {
        if (search.isEmpty()) {
            return List.of();
        }
        List<List<Cell>> rows = new ArrayList<>();
        found.stream().limit(MessageSearch.PAGE).forEach(message -> rows.add(List.of(
                Cell.fixed(Instant.ofEpochMilli(message.storeTimestamp()).toString()), Cell.fixed(message.topic()),
                Cell.fixed(Integer.toString(message.queueId())), Cell.fixed(Long.toString(message.queueOffset())),
                Cell.link(message.offsetMessageId(), "/messages/detail?offset=" + message.commitLogOffset()),
                Cell.fixed(message.property(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID)),
                Cell.fixed(message.property(PropertyKeys.KEYS)), Cell.fixed(message.property(PropertyKeys.TAGS)))));
        return List.of(new Table(rows.size() + " messages found", List.of("store time", "topic", "queue",
                "queue offset", "message id", "unique key", "keys", "tags"), rows));
    }

    /** Links to the pages before and after this one of a time range search. */
    String pages(String query) {
        String others = query.replaceAll("(^|&)page=[^&]*", "");
        return Html.pageLinks("/messages?" + others + (others.isEmpty() ? "" : "&") + "page=", search.page(),
                found.size() > MessageSearch.PAGE);
    }

    /** The search form, filled with the search shown. */
    String form() {
        StringBuilder form = new StringBuilder("<form method=\"get\" action=\"/messages\">");
        for (String[] field : new String[][] {{"topic", "topic"}, {"begin", "stored from (ISO-8601 or ms)"},
                {"end", "stored until"}, {"key", "message key"}, {"id", "message id or unique key"},
                {"queue", "queue"}, {"offset", "queue offset"}}) {
            form.append("<input name=\"").append(field[0]).append("\" id=\"search-").append(field[0])
                    .append("\" placeholder=\"").append(Html.escape(field[1])).append("\" value=\"")
                    .append(Html.escape(search.query().getOrDefault(field[0], ""))).append("\"> ");
        }
        return form.append("<button id=\"search\">Search</button></form>").toString();
    }
}
