package dev.bolide.broker.console;

import dev.bolide.broker.retry.RetryTopics;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.store.MessageStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The Dead letters page: each consumer group with a {@code %DLQ%} topic and how many dead letters it holds. */
final class DeadLetterGroupsView implements View {
    private final TopicConfigTable topics;
    private final MessageStore store;

    DeadLetterGroupsView(TopicConfigTable topics, MessageStore store) {
        this.topics = topics;
        this.store = store;
    }

    @Override
    public String title() {
        return "Dead letters";
    }

    @Override
    public List<Table> tables() {
        List<List<Cell>> rows = new ArrayList<>();
        new TreeMap<>(topics.all()).forEach((name, config) -> {
            if (name.startsWith(RetryTopics.DEAD_LETTER_PREFIX)) {
                String group = name.substring(RetryTopics.DEAD_LETTER_PREFIX.length());
                String query = "?group=" + URLEncoder.encode(group, StandardCharsets.UTF_8);
                rows.add(List.of(Cell.link(group, "/dlq" + query), Cell.fixed(Long.toString(TopicsView.held(store, config))),
                        Cell.button("Re-send all", "/dlq/resend-all" + query)));
            }
        });
        return List.of(new Table(rows.size() + " groups with dead letters", List.of("consumer group",
                "dead letters", ""), rows));
    }
}
