package dev.bolide.broker.console;

import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.store.MessageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The Consumer groups page: for each group with live members or committed offsets, its members
 * (client ids, from heartbeats) and for each queue it consumes the broker's end offset, the
 * group's committed offset and the lag between them.
 */
public final class GroupsView implements View {
    private final ConsumerOffsets offsets;
    private final ConsumerGroups consumers;
    private final MessageStore store;
    private final Supplier<Set<String>> groupNames;

    /** @param groupNames the subscription groups the broker knows */
    public GroupsView(ConsumerOffsets offsets, ConsumerGroups consumers, MessageStore store,
            Supplier<Set<String>> groupNames) {
        this.offsets = offsets;
        this.consumers = consumers;
        this.store = store;
        this.groupNames = groupNames;
    }

    @Override
    public String title() {
        return "Consumer groups";
    }

    @Override
    public List<Table> tables() {
        Map<String, Map<String, Map<Integer, Long>>> committed = new TreeMap<>();
        groupNames.get().forEach(group -> {
            if (!consumers.consumerIds(group).isEmpty()) {
                committed.put(group, new TreeMap<>());
            }
        });
        offsets.forEachCommitted((group, topic, queueId, offset) -> committed.computeIfAbsent(group,
                g -> new TreeMap<>()).computeIfAbsent(topic, t -> new TreeMap<>()).put(queueId, offset));
        List<Table> tables = new ArrayList<>();
        committed.forEach((group, topics) -> {
            List<List<Cell>> rows = new ArrayList<>();
            topics.forEach((topic, queues) -> queues.forEach((queueId, offset) ->
                    rows.add(queueRow(group, topic, queueId, offset))));
            tables.add(new Table(group + " (members: " + members(group) + ")",
                    List.of("topic", "queue", "broker offset", "consumer offset", "lag"), rows));
        });
        return tables;
    }

    private List<Cell> queueRow(String group, String topic, int queueId, long consumerOffset) {
        long brokerOffset = store.maxOffset(topic, queueId);
        String key = group + "/" + topic + "/" + queueId + "/";
        return List.of(Cell.fixed(topic), Cell.fixed(Integer.toString(queueId)),
                Cell.live(key + "broker", brokerOffset), Cell.live(key + "consumer", consumerOffset),
                Cell.live(key + "lag", Math.max(0, brokerOffset - consumerOffset)));
    }

    /** The form that resets a group's offsets by time (an admin account's, under access control). */
    static String forms(FormToken token) {
        return "<h2>Reset a group's offsets by time</h2>" + token.form("/groups/reset",
                "<input name=\"group\" id=\"reset-group\" placeholder=\"consumer group\" required> "
                + "<input name=\"topic\" id=\"reset-topic\" placeholder=\"topic\" required> "
                + "<input name=\"time\" id=\"reset-time\" placeholder=\"2026-12-07T04:00:00Z\" required> "
                + "<button id=\"reset\">Reset</button>");
    }

    private String members(String group) {
        TreeSet<String> ids = new TreeSet<>(consumers.consumerIds(group));
        return ids.isEmpty() ? "none online" : String.join(", ", ids);
    }
}
