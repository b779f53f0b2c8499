package dev.bolide.broker.offset;

import dev.bolide.store.MessageStore;
import dev.bolide.store.RetentionFloor;

/**
 * The store's {@link RetentionFloor} from the consumer offsets: the oldest message a subscription
 * group has not consumed yet, over every queue a group committed an offset on, so that a nearly
 * full disk refuses sends instead of deleting messages JMS queues and durable subscriptions still
 * owe their consumers. Offsets go with their group when it is deleted, so a deleted group holds
 * nothing back; a group that never committed on a queue protects nothing there (the broker cannot
 * tell where it would start), nor does a broadcasting consumer, which keeps its offsets itself.
 */
public record UnconsumedMessages(ConsumerOffsets offsets, MessageStore store) implements RetentionFloor {
    @Override
    public Needed lowestNeeded() {
        Needed[] lowest = {Needed.NOTHING};
        offsets.forEachCommitted((group, topic, queueId, offset) -> {
            long next = Math.max(offset, store.minOffset(topic, queueId));
            if (next >= store.maxOffset(topic, queueId)) {
                return;
            }
            long at = store.commitLogOffset(topic, queueId, next);
            if (at >= 0 && at < lowest[0].commitLogOffset()) {
                lowest[0] = new Needed(at, "group " + group + " on topic " + topic + ", queue " + queueId
                        + ", from offset " + next);
            }
        });
        return lowest[0];
    }
}
