package dev.bolide.broker.console;

import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.store.MessageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The Topics page: every topic with its queues, permission and the messages its queues hold now. */
public final class TopicsView implements View {
    private final TopicConfigTable topics;
    private final MessageStore store;

    public TopicsView(TopicConfigTable topics, MessageStore store) {
        this.topics = topics;
        this.store = store;
    }

    @Override
    public String title() {
        return "Topics";
    }

    @Override
    public List<Table> tables() {
        List<List<Cell>> rows = new ArrayList<>();
        new TreeMap<>(topics.all()).forEach((name, config) -> rows.add(List.of(Cell.fixed(name),
                Cell.fixed(Integer.toString(config.readQueueNums())),
                Cell.fixed(Integer.toString(config.writeQueueNums())),
                Cell.fixed(permission(config)), Cell.live("messages:" + name, held(store, config)))));
        return List.of(new Table(rows.size() + " topics", List.of("topic", "read queues", "write queues",
                "permission", "messages"), rows));
    }

    /** What the topic's read queues hold now: from each queue's first offset to its end. */
    static long held(MessageStore store, TopicConfig config) {
        long messages = 0;
        for (int queue = 0; queue < config.readQueueNums(); queue++) {
            messages += store.maxOffset(config.topicName(), queue) - store.minOffset(config.topicName(), queue);
        }
        return messages;
    }

    private static String permission(TopicConfig config) {
        return (config.isReadable() ? "R" : "-") + (config.isWritable() ? "W" : "-");
    }

    /** The forms that create and delete topics (an admin account's, under access control). */
    static String forms(FormToken token) {
        return "<h2>Create a topic</h2>" + token.form("/topics/create",
                "<input name=\"topic\" id=\"create-topic\" placeholder=\"topic\" required> "
                + "<input name=\"queues\" id=\"create-queues\" type=\"number\" min=\"1\" value=\"8\" required> "
                + "<button id=\"create\">Create</button>")
                + "<h2>Delete a topic</h2>" + token.form("/topics/delete",
                "<input name=\"topic\" id=\"delete-topic\" placeholder=\"topic\" required> "
                + "<button id=\"delete\">Delete</button>");
    }
}
