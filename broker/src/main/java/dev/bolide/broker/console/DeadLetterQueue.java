package dev.bolide.broker.console;

import dev.bolide.broker.retry.RetryTopics;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The dead letters of one consumer group: its {@code %DLQ%} topic's queues read one after the other. */
final class DeadLetterQueue {
    private final MessageStore store;
    private final TopicConfig topic;

    /** @throws IllegalArgumentException when the group has no dead-letter topic */
    DeadLetterQueue(MessageStore store, TopicConfigTable topics, String group) {
        if (group == null) {
            throw new IllegalArgumentException("name the consumer group");
        }
        this.store = store;
        this.topic = topics.find(RetryTopics.deadLetterTopic(group)).orElseThrow(() ->
                new IllegalArgumentException("the consumer group " + group + " has no dead letters"));
    }

    long size() {
        return TopicsView.held(store, topic);
    }

    /** Up to {@code count} dead letters from the {@code skip}-th on. */
    List<StoredMessage> page(long skip, int count) {
        List<StoredMessage> page = new ArrayList<>();
        long toSkip = skip;
        for (int queue = 0; queue < topic.readQueueNums() && page.size() < count; queue++) {
            long first = store.minOffset(topic.topicName(), queue);
            long held = store.maxOffset(topic.topicName(), queue) - first;
            if (toSkip >= held) {
                toSkip -= held;
                continue;
            }
            read(queue, first + toSkip, count - page.size(), record -> page.add(StoredMessage.of(record)));
            toSkip = 0;
        }
        return page;
    }

    /** The CommitLog offset of every dead letter. */
    List<Long> offsets() {
        List<Long> offsets = new ArrayList<>();
        for (int queue = 0; queue < topic.readQueueNums(); queue++) {
            read(queue, store.minOffset(topic.topicName(), queue), Long.MAX_VALUE,
                    record -> offsets.add(StoredMessage.of(record).commitLogOffset()));
        }
        return offsets;
    }

    private void read(int queue, long from, long count, Consumer<ByteBuffer> each) {
        long offset = from;
        long left = count;
        while (left > 0 && offset < store.maxOffset(topic.topicName(), queue)) {
            try (GetMessageResult read = store.getMessages(topic.topicName(), queue, offset,
                    (int) Math.min(left, MessageSearch.PAGE), MessageFilter.ALL)) {
                if (read.messages().isEmpty()) {
                    return;
                }
                read.messages().forEach(each);
                left -= read.messages().size();
                offset = read.nextBeginOffset();
            }
        }
    }
}
